import AWSSigV4
import Foundation
import Testing
import TaskOpsAWS
import TaskOpsCore
@testable import TaskOpsService
import TaskOpsSim
import TaskOpsSimServer

/// The console's task list kept from the stack's records, against the simulator over loopback: one
/// list, then a read only for what changed; the console's own requests counted by operation.
@Suite(.serialized) struct TaskWatchAgainstSimulatorTests {
    /// The simulator, the console's service (wired as the console wires it) and another operator's client.
    struct Watch {
        let clock: ManualSimClock
        let stack: SimStack
        let server: SimServer
        let observer: CountingObserver
        let service: StackService
        let local: ManualLocalClock
        /// Someone else's client: its requests are not the console's.
        let other: TaskAPIClient

        var tasks: [TaskItem] { service.snapshot().tasks.tasks }
        func task(_ id: String) -> TaskItem? { tasks.first { $0.taskId == id } }
        var keeper: TaskListKeeper { service.taskList! }
        var requests: Int { observer.count("ListTasks") + observer.count("GetTask") }

        /// One poll of each source the way the scheduler runs them, after `seconds` pass on both clocks.
        func cycle(_ seconds: TimeInterval = 2) async throws {
            clock.advance(by: seconds)
            stack.runDue()
            local.advance(seconds)
            try await service.eventsPoller.poll()
            try await keeper.poll()
            try await service.approvalsPoller?.poll()
        }

        func stop() async { await server.stop() }
    }

    /// `consoleNames`: what the console is told the stack is called (another project's names find none of its log groups).
    func start(eventsLog: Bool = true, workflowLog: Bool = true, originalIAM: Bool = false, reconcile: TimeInterval = 300,
               consoleNames: StackNames = StackNames()) async throws -> Watch {
        let clock = ManualSimClock(start: Date().addingTimeInterval(-3 * 3600))
        let stack = SimStackFactory.make(.init(seed: 9, originalIAM: originalIAM, eventsLog: eventsLog, workflowLog: workflowLog), clock: clock)
        let server = SimServer(stack: stack)
        let port = try await server.start()
        let endpoint = "http://127.0.0.1:\(port)"
        let observer = CountingObserver()
        let clients = StackClients(region: "us-east-1", endpoints: .resolve(region: "us-east-1", override: endpoint, environment: [:]), apiURL: endpoint + "/dev",
                                   credentials: StaticCredentialsProvider(AWSCredentials(accessKeyId: "AK", secretAccessKey: "S")), observer: observer)
        let local = ManualLocalClock()
        var settings = ServiceSettings()
        settings.localNow = { local.now }
        settings.logsCallsPerSecond = 6 // every group each poll: the tests step through polls one at a time
        settings.reconcileInterval = reconcile
        let service = StackService(names: consoleNames, apiId: stack.apiId, dashboardName: nil, stateMachineArn: StackNames().stateMachineArn, tasks: clients.tasks,
                                   cloudWatch: clients.cloudWatch, logs: clients.logs, stepFunctions: clients.stepFunctions, clock: clients.clock,
                                   meter: CallMeter(), settings: settings)
        let other = TaskAPIClient(baseURL: endpoint + "/dev", transport: CurlTransport())
        return Watch(clock: clock, stack: stack, server: server, observer: observer, service: service, local: local, other: other)
    }

    @Test func listsOnceThenReadsOnlyWhatChanged() async throws {
        let w = try await start()
        defer { Task { await w.stop() } }
        for i in 0..<5 { _ = try await w.other.createTask(TaskDraft(title: "task \(i)", userId: "u")) }
        try await w.cycle()
        #expect(w.observer.count("ListTasks") == 1)
        #expect(w.tasks.count == 5)
        for _ in 0..<10 { try await w.cycle() }
        #expect(w.requests == 1, "an idle console asks nothing more (the records of the five creations were read after the list)")

        let created = try await w.other.createTask(TaskDraft(title: "made elsewhere", userId: "v", description: "with words", tags: ["x"]))
        try await w.cycle()
        #expect(w.task(created.taskId)?.title == "made elsewhere")
        #expect(w.task(created.taskId)?.description == "with words", "a read brings what the event does not carry")
        #expect(w.observer.count("GetTask") == 1)

        _ = try await w.other.updateTask(id: created.taskId, changes: TaskChanges(title: "retitled"))
        try await w.cycle()
        #expect(w.task(created.taskId)?.title == "retitled", "a retitle is a TaskUpdated: read again")
        #expect(w.observer.count("GetTask") == 2, "bus record and handler copy of one change: one read")

        _ = try await w.other.updateTask(id: created.taskId, changes: TaskChanges(status: "completed"))
        try await w.cycle()
        #expect(w.task(created.taskId)?.status == "completed")
        #expect(w.observer.count("GetTask") == 3, "TaskCompleted and TaskUpdated of one write: one read")

        try await w.other.deleteTask(id: created.taskId)
        try await w.cycle()
        #expect(w.task(created.taskId) == nil)
        #expect(w.observer.count("GetTask") == 3, "a deletion needs no read")
        #expect(w.observer.count("ListTasks") == 1)
        #expect(w.keeper.watchStatus.mode == .watching)
        #expect(w.keeper.watchStatus.drift == 0)
    }

    @Test func aDeleteRacingItsReadIsNoError() async throws {
        let w = try await start()
        defer { Task { await w.stop() } }
        let task = try await w.other.createTask(TaskDraft(title: "short-lived", userId: "u"))
        try await w.cycle()
        _ = try await w.other.updateTask(id: task.taskId, changes: TaskChanges(title: "changed"))
        w.clock.advance(by: 1)
        w.stack.runDue()
        w.local.advance(2)
        try await w.service.eventsPoller.poll()
        // The update asked for a read; the task goes before it is made.
        try await w.other.deleteTask(id: task.taskId)
        try await w.keeper.poll()
        #expect(w.task(task.taskId) == nil, "a 404 after a change means deleted")
        #expect(w.observer.count("GetTask") == 1)
        try await w.cycle()
        #expect(w.task(task.taskId) == nil, "the late TaskDeleted record changes nothing")
        #expect(w.observer.count("GetTask") == 1)
    }

    @Test func pendingApprovalIsLearntFromTheWorkflowLog() async throws {
        let w = try await start(reconcile: 3600)
        defer { Task { await w.stop() } }
        try await w.cycle()
        let task = try await w.other.createTask(TaskDraft(title: "needs a yes", userId: "u", priority: "high"))
        try await w.cycle()
        try await w.cycle()
        #expect(w.task(task.taskId)?.status == TaskStatus.pendingApproval, "WaitForApproval writes no event: the vended log says so")
        let pending = w.service.snapshot().approvals.pending
        #expect(pending.map(\.task.taskId) == [task.taskId])
        #expect(pending.first?.executions.count == 2)
        #expect(w.observer.count("GetTask") <= 2, "created, then (at most) once more for pending_approval")
        #expect(w.observer.count("ListTasks") == 1, "the queue comes from the kept list, not a list by status")
        let executionReads = w.observer.count("ListExecutions")
        for _ in 0..<5 { try await w.cycle() }
        #expect(w.observer.count("ListExecutions") == executionReads, "executions are read again only when they change")

        _ = try await w.other.updateTask(id: task.taskId, changes: TaskChanges(status: "approved"))
        try await w.cycle()
        #expect(w.service.snapshot().approvals.pending.isEmpty, "decided by someone else: gone from the queue")
        try await w.cycle(301)
        try await w.cycle()
        #expect(w.task(task.taskId)?.status == "approved")
        #expect(w.observer.count("ListTasks") == 1)
    }

    @Test func withoutTheWorkflowLogTheWaitingTasksAreReadOnceAfterAHighPriorityCreation() async throws {
        let w = try await start(workflowLog: false, reconcile: 3600)
        defer { Task { await w.stop() } }
        for _ in 0..<3 { try await w.cycle() }
        let low = try await w.other.createTask(TaskDraft(title: "no workflow", userId: "u", priority: "low"))
        for _ in 0..<3 { try await w.cycle() }
        #expect(w.task(low.taskId) != nil)
        #expect(w.observer.count("ListTasks") == 1, "a task that starts no wait asks for nothing more")
        let task = try await w.other.createTask(TaskDraft(title: "waits unlogged", userId: "u", priority: "high"))
        for _ in 0..<3 { try await w.cycle() }
        #expect(w.task(task.taskId)?.status == TaskStatus.pendingApproval, "one read of the waiting tasks, shortly after")
        #expect(w.service.snapshot().approvals.pending.map(\.task.taskId) == [task.taskId])
        #expect(w.observer.count("ListTasks") == 2)
    }

    @Test func withoutTheCatchAllGroupTheHandlersLogsKeepTheList() async throws {
        let w = try await start(eventsLog: false)
        defer { Task { await w.stop() } }
        try await w.cycle()
        try await w.cycle()
        let task = try await w.other.createTask(TaskDraft(title: "no bus log", userId: "u"))
        try await w.cycle()
        #expect(w.task(task.taskId)?.title == "no bus log", "from the task-created handler's Received line")
        _ = try await w.other.updateTask(id: task.taskId, changes: TaskChanges(title: "still no bus log"))
        try await w.cycle()
        #expect(w.task(task.taskId)?.title == "still no bus log")
        try await w.other.deleteTask(id: task.taskId)
        try await w.cycle()
        #expect(w.task(task.taskId) == nil, "from delete-task's Published TaskDeleted line")
        #expect(w.observer.count("ListTasks") == 1)
        #expect(w.keeper.watchStatus.mode == .watching)
    }

    @Test func originalIAMStackIsKeptToo() async throws {
        let w = try await start(originalIAM: true)
        defer { Task { await w.stop() } }
        try await w.cycle()
        let task = try await w.other.createTask(TaskDraft(title: "never approved", userId: "u", priority: "high"))
        for _ in 0..<3 { try await w.cycle() }
        #expect(w.task(task.taskId)?.status == "pending", "every execution fails in validation: the task never waits")
        #expect(w.service.snapshot().approvals.pending.isEmpty)
        #expect(w.observer.count("ListTasks") == 1)
    }

    @Test func reconciliationFindsWhatNoRecordReported() async throws {
        let w = try await start(reconcile: 60)
        defer { Task { await w.stop() } }
        let kept = try await w.other.createTask(TaskDraft(title: "kept", userId: "u"))
        let vanishing = try await w.other.createTask(TaskDraft(title: "expires", userId: "u"))
        try await w.cycle()
        #expect(w.tasks.count == 2)
        // Expired by TTL: gone from the table with no event.
        w.stack.expire(taskId: vanishing.taskId)
        for _ in 0..<20 { try await w.cycle() }
        #expect(w.task(vanishing.taskId) != nil, "no record said so yet")
        try await w.cycle(25)
        #expect(w.task(vanishing.taskId) == nil, "the reconciliation lists again")
        #expect(w.task(kept.taskId) != nil)
        #expect(w.observer.count("ListTasks") == 2)
        for _ in 0..<46 { try await w.cycle() }
        #expect(w.keeper.watchStatus.drift == 1, "a difference no record explained is counted")
        #expect(w.service.snapshot().tasks.watch.drift == 1)
    }

    @Test func aStackWithNoTaskRecordsIsPolled() async throws {
        let w = try await start(consoleNames: StackNames(project: "renamed"))
        defer { Task { await w.stop() } }
        for _ in 0..<3 { try await w.cycle() }
        let task = try await w.other.createTask(TaskDraft(title: "found by polling", userId: "u"))
        try await w.cycle()
        #expect(w.task(task.taskId) != nil)
        guard case .polling(let reason) = w.keeper.watchStatus.mode else {
            Issue.record("still watching: \(w.keeper.watchStatus.mode)")
            return
        }
        #expect(reason.contains("no task records"))
        #expect(w.observer.count("ListTasks") >= 4, "listed each poll, as before")
    }

    @Test func aBurstOfChangesIsOneList() async throws {
        let w = try await start()
        defer { Task { await w.stop() } }
        try await w.cycle()
        for i in 0..<30 { _ = try await w.other.createTask(TaskDraft(title: "burst \(i)", userId: "u")) }
        try await w.cycle()
        #expect(w.tasks.count == 30)
        #expect(w.observer.count("ListTasks") == 2)
        #expect(w.observer.count("GetTask") == 0)
    }
}
