import Foundation
import TaskOpsCore

/// How far the stack's task records can be trusted to report every change.
public enum EventStreamHealth: Sendable, Hashable {
    case vouches
    /// The last read of the records failed, within the overlap window the next read covers: nothing is
    /// lost yet, but the list is only as fresh as the last good read (the kept list reports this error).
    case lagging(StackError)
    /// Records may have been missed (the events read has been failing for longer than its overlap window).
    case cannotVouch(String)
    /// The stack writes no task records the console can read.
    case noRecords(String)
}

/// Keeps the task list current as the best Kubernetes consoles keep theirs: list once, then watch.
///
/// Every Task API request is a Lambda invocation and a table read on the stack being watched, so
/// after the first list a task is read again only when a record says it changed (`note`), and the
/// whole list only to reconcile (every `reconcileInterval`, on refresh, after a burst of changes, and
/// whenever the records cannot vouch for themselves: then it polls as before until they can).
/// A reconciliation that finds a task the records did not report counts it as drift.
public final class TaskListKeeper: SourcePoller, @unchecked Sendable {
    public struct Settings: Sendable {
        /// The API cannot page: one list asks for this many.
        public var limit = 1000
        public var reconcileInterval: TimeInterval = 300
        /// More tasks to read than this at once → one list instead (a list is chosen sooner when it
        /// costs the stack less than the reads: see `readsWorthAList`).
        public var burstThreshold = 20
        /// A task a reconciliation found different is drift unless a record about it arrives within this,
        /// and before every log group has been read past the list (quiet groups may take a minute).
        public var driftGrace: TimeInterval = 90
        /// Records stamped this long before a list began are taken as reflected by it (index reads are
        /// eventually consistent).
        public var listSettling: TimeInterval = 5
        public var readConcurrency = 4
        public init() {}
    }

    struct PendingRead {
        /// The number of the last record that asked for the read (one arriving during the read asks again).
        var sequence: Int
        /// What the last record said (nil: a read asked for by the console itself).
        var change: TaskChangeSignal.Change?
    }

    public let source = SourceID.tasks
    let api: any TaskAPI
    let store: StackStore
    let settings: Settings
    let local: @Sendable () -> Date
    let serverNow: @Sendable () -> Date
    let streamHealth: @Sendable () -> EventStreamHealth
    /// Whether the state machine's log (which says when a task starts waiting) can be read.
    let workflowLogReadable: @Sendable () -> Bool
    /// Server time (ms) through which every log group has been read (`EventsPoller.readThroughAll`).
    let recordsReadThrough: @Sendable () -> Int64?
    let lock = NSLock()
    var onTasksChanged: (@Sendable () -> Void)?
    var held = HeldTasks()
    var heldVersion = 0
    var publishedVersion = 0
    var mayBeTruncated = false
    var listedAt: Date?
    var listedFromServerMillis: Int64?
    var wantedList: String?
    var recoverWithList = false
    var reads: [String: PendingRead] = [:]
    var removals: Set<String> = []
    var noted = 0
    var deleted = RecentSet<String>(capacity: 4096)
    var seenBusEvents = RecentSet<String>(capacity: 4096)
    /// Tasks a reconciliation found different: when (here) and as of when (the server's ms) it listed them.
    var suspects: [String: (at: Date, listedAt: Int64)] = [:]
    var status = TaskWatchStatus()
    /// Bytes the last list answered with (estimated from a sample of its tasks).
    var listBytes = 0
    /// When to read the waiting tasks through the status index: a high-priority task was created and
    /// the workflow's log, which would say when it starts waiting, cannot be read.
    var waitingCheckDue: Date?
    var listWaiters: [CheckedContinuation<StackError?, Never>] = []

    public init(api: any TaskAPI, store: StackStore, settings: Settings = Settings(), local: @escaping @Sendable () -> Date = { Date() },
                serverNow: @escaping @Sendable () -> Date = { Date() }, streamHealth: @escaping @Sendable () -> EventStreamHealth = { .vouches },
                workflowLogReadable: @escaping @Sendable () -> Bool = { true }, recordsReadThrough: @escaping @Sendable () -> Int64? = { .max }) {
        self.api = api
        self.store = store
        self.settings = settings
        self.local = local
        self.serverNow = serverNow
        self.streamHealth = streamHealth
        self.workflowLogReadable = workflowLogReadable
        self.recordsReadThrough = recordsReadThrough
    }

    /// Called after the held tasks change (the approval queue is made from them). Set before polling starts.
    public func whenTasksChange(_ handler: @escaping @Sendable () -> Void) { lock.withLock { onTasksChanged = handler } }

    /// How it keeps the list now.
    public var watchStatus: TaskWatchStatus { lock.withLock { status } }

    // MARK: - What the console learns without asking

    /// Reads what new events say: whether tasks are to be read now, and whether workflow executions changed.
    public func note(_ events: [TaskEvent]) -> (tasksToRead: Bool, executionsChanged: Bool) {
        let signals = events.compactMap(TaskChangeSignal.of)
        guard !signals.isEmpty else { return (false, false) }
        return lock.withLock {
            var executions = false
            for signal in signals where note(signal) { executions = true }
            return (!reads.isEmpty || !removals.isEmpty, executions)
        }
    }

    /// Under the lock. True when the signal says executions changed.
    private func note(_ signal: TaskChangeSignal) -> Bool {
        if case .executionsChanged = signal.change { return true }
        guard let id = signal.taskId else { return false }
        suspects[id] = nil
        if let busId = signal.busEventId, !seenBusEvents.insert(busId) { return false }
        if case .deleted = signal.change {
            removals.insert(id)
            reads[id] = nil
            deleted.insert(id)
            return false
        }
        if case .created(let priority) = signal.change, priority == "high", !reflectedByList(signal.timestamp), !workflowLogReadable() {
            waitingCheckDue = waitingCheckDue ?? local().addingTimeInterval(Self.waitingCheckDelay)
        }
        guard !deleted.contains(id), !reflectedByList(signal.timestamp), Self.needsRead(signal.change, held: held[id]) else { return false }
        noted += 1
        reads[id] = PendingRead(sequence: noted, change: signal.change)
        return false
    }

    private func reflectedByList(_ timestamp: Int64) -> Bool {
        guard let from = listedFromServerMillis else { return false }
        return timestamp < from - Int64(settings.listSettling * 1000)
    }

    /// WaitForApproval runs within a second or two of the creation on AWS (two Lambda hops).
    static let waitingCheckDelay: TimeInterval = 3

    static func needsRead(_ change: TaskChangeSignal.Change, held: TaskItem?) -> Bool {
        switch change {
        case .created: return held == nil
        case .updated(let updatedAt):
            guard let held, let updatedAt else { return true }
            return held.updatedAt < updatedAt
        case .decided(let status): return held?.status != status
        case .awaitingApproval: return held?.status != TaskStatus.pendingApproval
        case .deleted, .executionsChanged: return false
        }
    }

    /// A task the console itself wrote (the API's answer holds it whole): no read needed.
    public func apply(_ task: TaskItem) {
        lock.withLock { if held.put(task) { heldVersion += 1 } }
        publish()
    }

    /// A task the console itself deleted.
    public func forget(taskId: String) {
        lock.withLock {
            deleted.insert(taskId)
            reads[taskId] = nil
            if held.remove([taskId]) { heldVersion += 1 }
        }
        publish()
    }

    /// Tasks to read at the next poll (after a decision this console made).
    public func requestReads(_ ids: [String]) {
        lock.withLock {
            for id in ids {
                noted += 1
                reads[id] = PendingRead(sequence: noted, change: nil)
            }
        }
    }

    /// A full list at the next poll (`:refresh`).
    public func requestList(reason: String) { lock.withLock { wantedList = reason } }

    /// Waits for the first list (returns at once after it): nil once there is one, else the error of the attempt that failed.
    public func awaitList() async -> StackError? {
        await withCheckedContinuation { continuation in
            let ready = lock.withLock {
                if listedAt != nil { return true }
                listWaiters.append(continuation)
                return false
            }
            if ready { continuation.resume(returning: nil) }
        }
    }

    func resumeWaiters(_ error: StackError?) {
        let waiters = lock.withLock {
            defer { listWaiters = [] }
            return listWaiters
        }
        for waiter in waiters { waiter.resume(returning: error) }
    }
}
