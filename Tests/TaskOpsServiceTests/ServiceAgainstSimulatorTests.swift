import AWSSigV4
import Foundation
import Testing
import TaskOpsAWS
import TaskOpsCore
import TaskOpsService
import TaskOpsSim
import TaskOpsSimServer

/// Counts calls by operation.
final class CountingObserver: CallObserver, @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [String: Int] = [:]
    func record(_ call: CallRecord) { lock.withLock { counts[call.operation, default: 0] += 1 } }
    func count(_ operation: String) -> Int { lock.withLock { counts[operation] ?? 0 } }
}

@Suite struct ServiceAgainstSimulatorTests {
    struct Harness {
        let clock: ManualSimClock
        let stack: SimStack
        let server: SimServer
        let clients: StackClients
        let observer: CountingObserver
    }

    func start() async throws -> Harness {
        let clock = ManualSimClock(start: Date().addingTimeInterval(-3 * 3600))
        let stack = SimStackFactory.make(.init(seed: 5), clock: clock)
        let server = SimServer(stack: stack)
        let port = try await server.start()
        let observer = CountingObserver()
        let endpoint = "http://127.0.0.1:\(port)"
        let clients = StackClients(region: "us-east-1", endpoints: .resolve(region: "us-east-1", override: endpoint, environment: [:]), apiURL: endpoint + "/dev",
                                   credentials: StaticCredentialsProvider(AWSCredentials(accessKeyId: "AK", secretAccessKey: "S")), observer: observer)
        return Harness(clock: clock, stack: stack, server: server, clients: clients, observer: observer)
    }

    @Test func oneGetMetricDataPerDashboardRefreshAndExplainedRows() async throws {
        let h = try await start()
        defer { Task { await h.server.stop() } }
        let api = try #require(h.clients.tasks)
        for i in 0..<5 { _ = try await api.createTask(TaskDraft(title: "t\(i)", userId: "u")) }
        h.clock.advance(by: 120)
        let store = StackStore()
        let poller = MetricsPoller(cloudWatch: h.clients.cloudWatch, logs: h.clients.logs, store: store, clock: h.clients.clock,
                                   names: StackNames(), apiId: h.stack.apiId)
        try await poller.poll()
        #expect(h.observer.count("GetMetricData") == 1)
        try await poller.poll()
        #expect(h.observer.count("GetMetricData") == 2)
        let metrics = store.current().metrics
        #expect(metrics.dashboard.widgets.count == 5)
        let lambda = try #require(metrics.widgets.first?.series.first)
        #expect(lambda.label == "Total Invocations")
        #expect((lambda.latest ?? 0) >= 5, "account-wide Lambda data exists")
        let api5xx = metrics.widgets[2].series[2]
        #expect(api5xx.noDataReason != nil && api5xx.values.isEmpty)
        poller.show(.stack)
        try await poller.poll()
        let stack = store.current().metrics
        #expect(stack.widgets[1].series[0].label == "Requests")
        #expect((stack.widgets[1].series[0].latest ?? 0) >= 5, "the stack dashboard's API rows have data")
    }

    @Test func eventsArriveOnceWithinTheCallBudget() async throws {
        let h = try await start()
        defer { Task { await h.server.stop() } }
        let api = try #require(h.clients.tasks)
        let created = try await api.createTask(TaskDraft(title: "watch me", userId: "u", priority: "high"))
        h.clock.advance(by: 2)
        h.stack.runDue()
        let store = StackStore()
        _ = try await h.clients.logs.describeLogGroups(prefix: nil, nextToken: nil)
        let local = ManualLocalClock()
        let poller = EventsPoller(logs: h.clients.logs, store: store, clock: h.clients.clock, groups: StackNames().allLogGroups,
                                  callsPerSecond: 1, local: { local.now })
        for _ in 0..<40 {
            local.advance(1)
            try await poller.poll()
        }
        #expect(h.observer.count("FilterLogEvents") <= 40 + 5, "at most 1 call/s plus the initial burst")
        let events = store.current().events.events
        #expect(Set(events.map(\.id)).count == events.count, "no duplicates")
        #expect(events.contains { $0.kind == .taskCreated && $0.taskId == created.taskId })
        #expect(events.contains { $0.source == "task-created-handler" && $0.taskId == created.taskId })
        #expect(zip(events, events.dropFirst()).allSatisfy { $0.timestamp <= $1.timestamp })
    }

    @Test func approvalsJoinExecutionsAndConflictsAreRefused() async throws {
        let h = try await start()
        defer { Task { await h.server.stop() } }
        let api = try #require(h.clients.tasks)
        let task = try await api.createTask(TaskDraft(title: "prod deploy", userId: "u", priority: "high"))
        h.clock.advance(by: 2)
        h.stack.runDue()
        let store = StackStore()
        try await ApprovalsPoller(tasks: api, stepFunctions: h.clients.stepFunctions, store: store, stateMachineArn: StackNames().stateMachineArn).poll()
        let pending = store.current().approvals.pending
        #expect(pending.map(\.task.taskId) == [task.taskId])
        #expect(pending.first?.executions.count == 2)
        let audit = AuditLog(path: FileManager.default.temporaryDirectory.appendingPathComponent("audit-\(UUID()).log").path)
        let first = ApprovalDecider(api: api, audit: audit, who: "alice", readonly: false)
        let second = ApprovalDecider(api: api, audit: audit, who: "bob", readonly: false)
        #expect(await first.decide(.approve, taskId: task.taskId) == .ok)
        #expect(await second.decide(.reject, taskId: task.taskId) == .conflict(currentStatus: "approved"), "the loser sees a conflict")
        let lines = audit.lines()
        #expect(lines.count == 2)
        #expect(lines[0].contains("\"who\":\"alice\"") && lines[0].contains("\"result\":\"ok\""))
        #expect(lines[1].contains("\"who\":\"bob\"") && lines[1].contains("\"result\":\"conflict\""))
        let readonly = ApprovalDecider(api: api, audit: nil, who: "x", readonly: true)
        if case .failed(let error) = await readonly.decide(.approve, taskId: task.taskId) { #expect(error.kind == .readOnly) } else { Issue.record("read-only wrote") }
    }

    @Test func concurrentDecidersNeverBothClaimOpposingDecisionsThatStand() async throws {
        let h = try await start()
        defer { Task { await h.server.stop() } }
        let api = try #require(h.clients.tasks)
        var created: [String] = []
        for i in 0..<12 { created.append(try await api.createTask(TaskDraft(title: "race \(i)", userId: "u", priority: "high")).taskId) }
        let ids = created
        h.clock.advance(by: 2)
        h.stack.runDue()
        let audit = AuditLog(path: FileManager.default.temporaryDirectory.appendingPathComponent("audit-race-\(UUID()).log").path)
        let alice = ApprovalDecider(api: api, audit: audit, who: "alice", readonly: false)
        let bob = ApprovalDecider(api: api, audit: audit, who: "bob", readonly: false)
        async let approvals = alice.decide(.approve, taskIds: ids)
        async let rejections = bob.decide(.reject, taskIds: ids)
        let (a, b) = await (approvals, rejections)
        for id in ids {
            let final = try await api.getTask(id: id).status
            let winners = [(a[id], "approved"), (b[id], "rejected")].filter { $0.0 == .ok }.map(\.1)
            #expect(winners.contains(final), "the decision that stands was reported ok (\(id): \(final), ok: \(winners))")
            #expect([a[id], b[id]].allSatisfy { if case .failed = $0 { return false } else { return true } })
        }
        #expect(audit.lines().count == 2 * ids.count, "both attempts on every task are audited")
    }

    @Test func oneUndescribableExecutionDoesNotHideTheQueue() async throws {
        let h = try await start()
        defer { Task { await h.server.stop() } }
        let api = try #require(h.clients.tasks)
        let first = try await api.createTask(TaskDraft(title: "one", userId: "u", priority: "high"))
        let second = try await api.createTask(TaskDraft(title: "two", userId: "u", priority: "high"))
        h.clock.advance(by: 2)
        h.stack.runDue()
        let flaky = FailingDescribe(wrapped: h.clients.stepFunctions, failures: 1)
        let store = StackStore()
        let poller = ApprovalsPoller(tasks: api, stepFunctions: flaky, store: store, stateMachineArn: StackNames().stateMachineArn)
        await #expect(throws: StackError.self, "the failure still reaches freshness") { try await poller.poll() }
        let partial = store.current().approvals.pending
        #expect(Set(partial.map(\.task.taskId)) == [first.taskId, second.taskId], "both tasks are listed")
        #expect(partial.map(\.executions.count).reduce(0, +) == 3, "three of four executions joined")
        try await poller.poll()
        #expect(store.current().approvals.pending.allSatisfy { $0.executions.count == 2 }, "the missing one joins on the next poll")
    }

    @Test func approvalDetailShowsEachExecutionsPathThroughTheWorkflow() async throws {
        let h = try await start()
        defer { Task { await h.server.stop() } }
        let api = try #require(h.clients.tasks)
        let task = try await api.createTask(TaskDraft(title: "needs a yes", userId: "u", priority: "high"))
        h.clock.advance(by: 2)
        h.stack.runDue()
        let service = StackService(names: StackNames(), apiId: h.stack.apiId, dashboardName: nil, stateMachineArn: StackNames().stateMachineArn,
                                   tasks: api, cloudWatch: h.clients.cloudWatch, logs: h.clients.logs, stepFunctions: h.clients.stepFunctions,
                                   clock: h.clients.clock, meter: CallMeter(), settings: ServiceSettings())
        let running = try await h.clients.stepFunctions.listExecutions(stateMachineArn: StackNames().stateMachineArn, status: .running, maxResults: 10, nextToken: nil)
        let arn = try #require(running.executions.first?.executionArn)
        let waiting = try await service.executionPath(arn: arn)
        #expect(waiting.states.starts(with: ["ValidateTask", "CheckPriority", "WaitForApproval", "WaitForManualApproval"]), "\(waiting.summary)")
        _ = try await api.updateTask(id: task.taskId, changes: TaskChanges(status: "approved"))
        h.clock.advance(by: 301)
        h.stack.runDue()
        let done = try await service.executionPath(arn: arn)
        #expect(done.succeeded && done.summary.hasSuffix("TaskApprovalComplete ✓"), "\(done.summary)")
    }

    @Test func alarmsAreReadWithTheirReasons() async throws {
        let h = try await start()
        defer { Task { await h.server.stop() } }
        h.clock.advance(by: 600)
        h.stack.runDue()
        let store = StackStore()
        try await AlarmsPoller(cloudWatch: h.clients.cloudWatch, store: store, names: StackNames()).poll()
        let alarms = store.current().alarms.alarms
        #expect(alarms.count == 8)
        let api5xx = try #require(alarms.first { $0.alarm.name == "task-manager-api-5xx-errors-dev" })
        #expect(api5xx.noDataReason?.contains("REST API") == true)
        #expect(api5xx.alarm.state == .ok)
    }
}

/// A local clock tests move by hand.
final class ManualLocalClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current = Date()
    var now: Date { lock.withLock { current } }
    func advance(_ seconds: TimeInterval) { lock.withLock { current = current.addingTimeInterval(seconds) } }
}

/// Step Functions whose DescribeExecution is throttled the first `failures` times.
final class FailingDescribe: StepFunctionsAPI, @unchecked Sendable {
    let wrapped: any StepFunctionsAPI
    private let lock = NSLock()
    private var remaining: Int
    init(wrapped: any StepFunctionsAPI, failures: Int) { self.wrapped = wrapped; remaining = failures }
    func listStateMachines(nextToken: String?) async throws(StackError) -> (machines: [StateMachineInfo], nextToken: String?) {
        try await wrapped.listStateMachines(nextToken: nextToken)
    }
    func listExecutions(stateMachineArn: String, status: ExecutionStatus?, maxResults: Int?, nextToken: String?) async throws(StackError) -> ListExecutionsPage {
        try await wrapped.listExecutions(stateMachineArn: stateMachineArn, status: status, maxResults: maxResults, nextToken: nextToken)
    }
    func describeExecution(arn: String) async throws(StackError) -> ExecutionInfo {
        let fail = lock.withLock { () -> Bool in
            guard remaining > 0 else { return false }
            remaining -= 1
            return true
        }
        if fail { throw StackError(kind: .throttled, code: "ThrottlingException", message: "Rate exceeded") }
        return try await wrapped.describeExecution(arn: arn)
    }
    func getExecutionHistory(arn: String, maxResults: Int?, nextToken: String?) async throws(StackError) -> ExecutionHistoryPage {
        try await wrapped.getExecutionHistory(arn: arn, maxResults: maxResults, nextToken: nextToken)
    }
}
