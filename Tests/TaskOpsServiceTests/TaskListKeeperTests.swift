import Foundation
import Testing
import TaskOpsCore
@testable import TaskOpsService

/// A Task API of fixed tasks that counts what it is asked and can be made to fail.
final class CountingTaskAPI: TaskAPI, @unchecked Sendable {
    private let lock = NSLock()
    private var tasks: [TaskItem]
    private(set) var lists = 0
    private(set) var gets = 0
    var failure: StackError?

    init(_ tasks: [TaskItem]) { self.tasks = tasks }

    func set(_ tasks: [TaskItem]) { lock.withLock { self.tasks = tasks } }
    func fail(_ error: StackError?) { lock.withLock { failure = error } }

    func listTasks(status: String?, userId: String?, limit: Int?) async throws(StackError) -> TaskPage {
        let (tasks, failure) = lock.withLock { () -> ([TaskItem], StackError?) in
            lists += 1
            return (self.tasks, self.failure)
        }
        if let failure { throw failure }
        return TaskPage(tasks: tasks.filter { status == nil || $0.status == status }, count: tasks.count, lastEvaluatedKey: nil)
    }
    func getTask(id: String) async throws(StackError) -> TaskItem {
        let (task, failure) = lock.withLock { () -> (TaskItem?, StackError?) in
            gets += 1
            return (tasks.first { $0.taskId == id }, self.failure)
        }
        if let failure { throw failure }
        guard let task else { throw StackError(kind: .notFound, code: "404", message: "Task not found") }
        return task
    }
    func createTask(_ draft: TaskDraft) async throws(StackError) -> TaskItem { throw StackError(kind: .validation, code: "x", message: "x") }
    func updateTask(id: String, changes: TaskChanges) async throws(StackError) -> TaskItem { throw StackError(kind: .validation, code: "x", message: "x") }
    func deleteTask(id: String) async throws(StackError) {}
}

/// What the stream says about itself, set by the test.
final class HealthSwitch: @unchecked Sendable {
    private let lock = NSLock()
    private var value = EventStreamHealth.vouches
    var health: EventStreamHealth {
        get { lock.withLock { value } }
        set { lock.withLock { value = newValue } }
    }
}

@Suite struct TaskListKeeperTests {
    let throttled = StackError(kind: .throttled, code: "ThrottlingException", message: "slow down", service: "logs")

    func task(_ id: String, title: String = "t", updatedAt: String = "2026-11-29T10:00:00") -> TaskItem {
        TaskItem(taskId: id, title: title, userId: "u", createdAt: "2026-11-29T09:00:00", updatedAt: updatedAt)
    }

    @Test func whileRecordsLagTheListReportsTheirErrorAndPollsOnceTheyCannotVouch() async throws {
        let api = CountingTaskAPI([task("a")])
        let health = HealthSwitch()
        let keeper = TaskListKeeper(api: api, store: StackStore(), streamHealth: { health.health })
        try await keeper.poll()
        try await keeper.poll()
        #expect(api.lists == 1)
        health.health = .lagging(throttled)
        await #expect(throws: StackError.self, "as fresh as the records, no fresher") { try await keeper.poll() }
        #expect(api.lists == 1, "lagging within the overlap window: nothing is lost yet, nothing listed")
        health.health = .cannotVouch("events unread for 130s")
        try await keeper.poll()
        try await keeper.poll()
        #expect(api.lists == 3, "polled while records may be missed")
        #expect(keeper.watchStatus.mode == .polling(reason: "events unread for 130s"))
        health.health = .vouches
        try await keeper.poll()
        #expect(api.lists == 4, "one more list when the records can be read again")
        try await keeper.poll()
        #expect(api.lists == 4)
        #expect(keeper.watchStatus.mode == .watching)
    }

    @Test func theFirstListsFailureReachesWhoeverWaitsForIt() async throws {
        let api = CountingTaskAPI([task("a")])
        api.fail(StackError(kind: .network, code: "NetworkError", message: "down"))
        let keeper = TaskListKeeper(api: api, store: StackStore())
        async let waited = keeper.awaitList()
        try? await Task.sleep(nanoseconds: 20_000_000)
        await #expect(throws: StackError.self) { try await keeper.poll() }
        #expect(await waited?.kind == .network)
        api.fail(nil)
        try await keeper.poll()
        #expect(await keeper.awaitList() == nil)
    }

    @Test func aRecordOlderThanTheHeldTaskAsksForNoRead() {
        let keeper = TaskListKeeper(api: CountingTaskAPI([]), store: StackStore())
        keeper.apply(task("a", updatedAt: "2026-11-29T10:00:05.25"))
        #expect(!TaskListKeeper.needsRead(.updated(updatedAt: "2026-11-29T10:00:05"), held: task("a", updatedAt: "2026-11-29T10:00:05.25")))
        #expect(TaskListKeeper.needsRead(.updated(updatedAt: "2026-11-29T10:00:05.5"), held: task("a", updatedAt: "2026-11-29T10:00:05.25")))
        #expect(TaskListKeeper.needsRead(.updated(updatedAt: nil), held: task("a")), "a record without a time is read")
        #expect(!TaskListKeeper.needsRead(.created(priority: "high"), held: task("a")))
        #expect(TaskListKeeper.needsRead(.awaitingApproval, held: task("a")))
        #expect(keeper.watchStatus.reads == 0)
    }

    @Test func aListCostsAsManyReadsAsItsScanBillsForBeyondTheRequest() async throws {
        let small = TaskListKeeper(api: CountingTaskAPI((0..<5).map { task("s\($0)") }), store: StackStore())
        try await small.poll()
        #expect(small.lock.withLock { small.readsWorthAList } == 1, "a small table: one read costs what a list does")
        let big = TaskListKeeper(api: CountingTaskAPI((0..<1000).map { task("b\($0)", title: String(repeating: "x", count: 300)) }), store: StackStore())
        try await big.poll()
        #expect(big.lock.withLock { big.readsWorthAList } > 3, "a scan of a thousand tasks costs several reads")
    }

    func record(_ type: String, _ id: String, at millis: Int64, eventId: String, updatedAt: String? = nil, group: String = "/aws/events/task-manager-dev") -> TaskEvent {
        let updated = updatedAt.map { #","updatedAt":"\#($0)""# } ?? ""
        let record = #"{"id":"\#(eventId)","detail-type":"\#(type)","detail":{"taskId":"\#(id)"\#(updated)}}"#
        // A handler prints the event it received after `Received … event: `.
        let message = group.hasPrefix("/aws/lambda/") ? "Received \(type) event: \(record)" : record
        return LogLineParser.parse(LogEvent(eventId: eventId, logGroup: group, logStream: "s", timestamp: millis, ingestionTime: millis, message: message))
    }

    @Test func lateAndOutOfOrderRecordsAskForNothingTwice() async throws {
        let api = CountingTaskAPI([task("a", title: "first", updatedAt: "2026-11-29T10:00:01")])
        let store = StackStore()
        let keeper = TaskListKeeper(api: api, store: store, serverNow: { Date(timeIntervalSince1970: 1000) })
        try await keeper.poll()
        // A retitle read, then its older record arriving late from a slower group.
        api.set([task("a", title: "second", updatedAt: "2026-11-29T10:00:03")])
        _ = keeper.note([record("TaskUpdated", "a", at: 1_000_500, eventId: "u2", updatedAt: "2026-11-29T10:00:03")])
        try await keeper.poll()
        #expect(api.gets == 1 && store.current().tasks.tasks.first?.title == "second")
        _ = keeper.note([record("TaskUpdated", "a", at: 1_000_400, eventId: "u1", updatedAt: "2026-11-29T10:00:02",
                                group: "/aws/lambda/task-manager-task-updated-handler-dev")])
        try await keeper.poll()
        #expect(TaskChangeSignal.of(record("TaskUpdated", "a", at: 1, eventId: "x", updatedAt: "t", group: "/aws/lambda/task-manager-task-updated-handler-dev")) != nil)
        #expect(api.gets == 1, "a record older than the task held asks for no read")
        // The deletion's record arrives before the last update's.
        api.set([])
        _ = keeper.note([record("TaskDeleted", "a", at: 1_000_900, eventId: "d1")])
        _ = keeper.note([record("TaskUpdated", "a", at: 1_000_800, eventId: "u3", updatedAt: "2026-11-29T10:00:04")])
        try await keeper.poll()
        #expect(store.current().tasks.tasks.isEmpty)
        #expect(api.gets == 1, "a deleted task is not read again")
        // The same bus event twice (the record and a handler's copy) is one read.
        api.set([task("b")])
        _ = keeper.note([record("TaskCreated", "b", at: 1_001_000, eventId: "c1"), record("TaskCreated", "b", at: 1_001_050, eventId: "c1")])
        try await keeper.poll()
        #expect(api.gets == 2 && api.lists == 1)
        // Records from before the last list are reflected by it.
        _ = keeper.note([record("TaskCreated", "old", at: 900_000, eventId: "c0")])
        try await keeper.poll()
        #expect(api.gets == 2)
    }
}

