import Foundation

/// One status change of a task as the bus recorded it (a `TaskUpdated` event's detail).
public struct StatusChangeRecord: Sendable, Hashable {
    public var taskId: String
    public var oldStatus: String
    public var newStatus: String
    /// The task's `updatedAt` after the change (naive ISO with microseconds): names the write.
    public var updatedAt: String
    public var userId: String

    public init(taskId: String, oldStatus: String, newStatus: String, updatedAt: String, userId: String = "") {
        self.taskId = taskId
        self.oldStatus = oldStatus
        self.newStatus = newStatus
        self.updatedAt = updatedAt
        self.userId = userId
    }

    /// The record an event carries: a bus record of a `TaskUpdated` event, or a handler's
    /// `Received TaskUpdated event: …` line. Nil for anything else.
    public init?(event: TaskEvent) {
        guard event.taskId != nil, event.kind == .taskUpdated || event.kind == .handlerLog,
              let record = event.detail, record["detail-type"]?.stringValue == "TaskUpdated", let detail = record["detail"],
              let taskId = detail["taskId"]?.displayText, let old = detail["oldStatus"]?.displayText,
              let new = detail["newStatus"]?.displayText, let updatedAt = detail["updatedAt"]?.displayText else { return nil }
        self.init(taskId: taskId, oldStatus: old, newStatus: new, updatedAt: updatedAt, userId: detail["userId"]?.displayText ?? "")
    }
}

/// What became of a decision that wrote successfully, once the bus's records of the task were read.
public struct DecisionVerdict: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// Another decision landed after ours: the task holds `status` now, ours does not stand.
        case overwritten(status: String, at: String)
        /// Ours landed on a decision made just before (its precheck had read `pending_approval`).
        case overwrote(status: String, at: String)
    }

    public var taskId: String
    public var decision: ApprovalDecision
    public var kind: Kind

    public init(taskId: String, decision: ApprovalDecision, kind: Kind) {
        self.taskId = taskId
        self.decision = decision
        self.kind = kind
    }

    /// Two decisions landing within this many seconds of each other raced (neither saw the other).
    public static let raceWindow: TimeInterval = 60

    /// Judges our write (the task's `updatedAt` it produced) against the task's status changes,
    /// given in the order the log holds them (which orders two writes stamped the same instant).
    /// Nil while nothing says another decision raced ours.
    public static func judge(taskId: String, decision: ApprovalDecision, updatedAt mine: String, records: [StatusChangeRecord]) -> DecisionVerdict? {
        let decisions: Set<String> = [ApprovalDecision.approve.rawValue, ApprovalDecision.reject.rawValue]
        guard let mineAt = StackTime.parse(mine) else { return nil }
        // One write can be recorded twice (the bus's record and the handler's line).
        var seen = Set<StatusChangeRecord>()
        let forTask = records.filter { $0.taskId == taskId && seen.insert(StatusChangeRecord(taskId: $0.taskId, oldStatus: $0.oldStatus, newStatus: $0.newStatus, updatedAt: $0.updatedAt)).inserted }
        let own = forTask.firstIndex { $0.updatedAt == mine && $0.newStatus == decision.rawValue }
        func near(_ record: StatusChangeRecord) -> Bool {
            StackTime.parse(record.updatedAt).map { abs($0.timeIntervalSince(mineAt)) <= raceWindow } ?? false
        }
        /// Whether the write at `index` landed after ours; nil when that cannot be told yet.
        func after(_ index: Int) -> Bool? {
            let record = forTask[index]
            if record.updatedAt != mine { return record.updatedAt > mine }
            return own.map { index > $0 }
        }
        let others = forTask.indices.filter { $0 != own && decisions.contains(forTask[$0].newStatus) && near(forTask[$0]) }
        if let later = others.filter({ after($0) == true }).last {
            return DecisionVerdict(taskId: taskId, decision: decision, kind: .overwritten(status: forTask[later].newStatus, at: forTask[later].updatedAt))
        }
        let earlier = others.filter { after($0) == false }.last
        // A store that serialises writes records what ours replaced; one that does not (two
        // handlers reading the item at once) leaves only the earlier write's record to say so.
        if let own, decisions.contains(forTask[own].oldStatus) {
            return DecisionVerdict(taskId: taskId, decision: decision, kind: .overwrote(status: forTask[own].oldStatus, at: earlier.map { forTask[$0].updatedAt } ?? ""))
        }
        if let earlier, forTask[earlier].oldStatus == TaskStatus.pendingApproval {
            return DecisionVerdict(taskId: taskId, decision: decision, kind: .overwrote(status: forTask[earlier].newStatus, at: forTask[earlier].updatedAt))
        }
        return nil
    }

    /// One line for the operator.
    public var summary: String {
        let verb = decision == .approve ? "approve" : "reject"
        switch kind {
        case .overwritten(let status, let at):
            return "conflict: your \(verb) of \(taskId) was overwritten — \(status) at \(at) stands"
        case .overwrote(let status, let at):
            return "conflict: your \(verb) of \(taskId) replaced a decision made at once (\(status)\(at.isEmpty ? "" : " at \(at)"))"
        }
    }

    /// A few words for the task's row.
    public var rowText: String {
        switch kind {
        case .overwritten(let status, _): return "conflict: overwritten, now \(status)"
        case .overwrote(let status, _): return "conflict: raced a \(status)"
        }
    }

    /// What the audit log records for it.
    public var auditResult: (result: String, status: String, at: String) {
        switch kind {
        case .overwritten(let status, let at): return ("overwritten", status, at)
        case .overwrote(let status, let at): return ("overwrote", status, at)
        }
    }
}
