import Foundation
import TaskOpsCore

/// Settles approval races the Task API cannot prevent (it has no conditional write): after each
/// decision this console wrote, it reads the task's status changes from the events the console
/// already follows (the bus's records and the update handler's lines, no extra calls) until the
/// race window has passed, and reports a decision that another one overwrote, or that overwrote
/// one made in the same instant: on the snapshot (the console says so) and in the audit log.
public final class DecisionWatch: @unchecked Sendable {
    struct Watched {
        var decision: ApprovalDecision
        var updatedAt: String
        /// Server time of the write, for the events to read and when to stop.
        var writtenAt: Date
    }

    private let lock = NSLock()
    private var watched: [String: Watched] = [:]
    let store: StackStore
    let audit: AuditLog?
    let who: String
    let serverNow: @Sendable () -> Date
    let localNow: @Sendable () -> Date
    /// How long after the race window a watch keeps reading, for records still on their way to the log.
    let deliveryAllowance: TimeInterval

    public init(store: StackStore, audit: AuditLog?, who: String, serverNow: @escaping @Sendable () -> Date,
                localNow: @escaping @Sendable () -> Date = { Date() }, deliveryAllowance: TimeInterval = 60) {
        self.store = store
        self.audit = audit
        self.who = who
        self.serverNow = serverNow
        self.localNow = localNow
        self.deliveryAllowance = deliveryAllowance
    }

    public var watching: Int { lock.withLock { watched.count } }

    public func add(taskId: String, decision: ApprovalDecision, updatedAt: String) {
        let now = serverNow()
        lock.withLock { watched[taskId] = Watched(decision: decision, updatedAt: updatedAt, writtenAt: now) }
    }

    /// Reads the held events for the watched tasks; publishes and audits what it finds, and stops
    /// watching a task once it has a verdict or its window and allowance have passed.
    @discardableResult
    public func check() -> [DecisionVerdict] {
        let current = lock.withLock { watched }
        guard !current.isEmpty else { return [] }
        let earliest = current.values.map(\.writtenAt).min() ?? serverNow()
        let since = Int64((earliest.timeIntervalSince1970 - DecisionVerdict.raceWindow - deliveryAllowance) * 1000)
        let events = store.current().events.events
        let from = EventBuffer.firstIndex(in: events, notBefore: since)
        var records: [String: [StatusChangeRecord]] = [:]
        for event in events[from...] {
            guard let id = event.taskId, current[id] != nil, let record = StatusChangeRecord(event: event) else { continue }
            records[id, default: []].append(record)
        }
        let now = serverNow()
        var verdicts: [DecisionVerdict] = []
        var finished: [String] = []
        for (id, watch) in current {
            if let verdict = DecisionVerdict.judge(taskId: id, decision: watch.decision, updatedAt: watch.updatedAt, records: records[id] ?? []) {
                verdicts.append(verdict)
                finished.append(id)
            } else if now.timeIntervalSince(watch.writtenAt) > DecisionVerdict.raceWindow + deliveryAllowance {
                finished.append(id)
            }
        }
        lock.withLock { for id in finished { watched[id] = nil } }
        guard !verdicts.isEmpty else { return [] }
        for verdict in verdicts { audit?.append(who: who, verdict: verdict, at: localNow()) }
        store.update { snapshot in
            for verdict in verdicts { snapshot.approvals.verdicts[verdict.taskId] = verdict }
        }
        return verdicts
    }
}
