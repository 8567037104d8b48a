import Foundation
import TaskOpsCore

/// Approves or rejects tasks waiting for a decision. The API has no conditional write, so each
/// decision re-reads the task just before writing and refuses with a conflict when it is no longer
/// `pending_approval` (someone else decided), and reads it again after writing to catch a decision
/// that landed in between. Every attempt is written to the audit log. Two decisions in the same
/// instant can both pass those reads; `onWritten` hands each write to a `DecisionWatch`, which
/// settles the race from the bus's records of the task.
public struct ApprovalDecider: Sendable {
    let api: any TaskAPI
    let audit: AuditLog?
    let who: String
    let readonly: Bool
    let now: @Sendable () -> Date
    /// Called after each write the API accepted, with the task's `updatedAt` that write produced.
    let onWritten: (@Sendable (_ taskId: String, _ decision: ApprovalDecision, _ updatedAt: String) -> Void)?

    public init(api: any TaskAPI, audit: AuditLog?, who: String, readonly: Bool, now: @escaping @Sendable () -> Date = { Date() },
                onWritten: (@Sendable (String, ApprovalDecision, String) -> Void)? = nil) {
        self.api = api
        self.audit = audit
        self.who = who
        self.readonly = readonly
        self.now = now
        self.onWritten = onWritten
    }

    public static func caller(environment: [String: String]) -> String {
        environment["USER"] ?? environment["LOGNAME"] ?? "unknown"
    }

    public func decide(_ decision: ApprovalDecision, taskId: String) async -> DecisionOutcome {
        let outcome = await attempt(decision, taskId: taskId)
        audit?.append(who: who, decision: decision, taskId: taskId, at: now(), outcome: outcome)
        return outcome
    }

    /// Decides several tasks one after another; each gets its own outcome.
    public func decide(_ decision: ApprovalDecision, taskIds: [String]) async -> [String: DecisionOutcome] {
        var outcomes: [String: DecisionOutcome] = [:]
        for id in taskIds { outcomes[id] = await decide(decision, taskId: id) }
        return outcomes
    }

    private func attempt(_ decision: ApprovalDecision, taskId: String) async -> DecisionOutcome {
        if readonly { return .failed(StackError(kind: .readOnly, code: "ReadOnly", message: "refused: taskops is read-only")) }
        do {
            let current = try await api.getTask(id: taskId)
            guard current.status == TaskStatus.pendingApproval else { return .conflict(currentStatus: current.status) }
            let written = try await api.updateTask(id: taskId, changes: TaskChanges(status: decision.rawValue))
            onWritten?(taskId, decision, written.updatedAt)
            // Read once more: another decider that wrote between our read and now has won, and
            // this one must say so rather than report a decision that no longer stands.
            let after = try await api.getTask(id: taskId)
            return after.status == decision.rawValue ? .ok : .conflict(currentStatus: after.status)
        } catch {
            return .failed(error)
        }
    }
}
