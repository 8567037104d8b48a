import TaskOpsCore

public enum ConsoleInput: Sendable {
    case key(Key)
    case snapshot(StackSnapshot)
    case decisions(ApprovalDecision, [String: DecisionOutcome])
    case taskDeleted(String, StackError?)
    case flash(String)
}

public enum ConsoleEffect: Sendable, Equatable {
    case decide(ApprovalDecision, [String])
    case deleteTask(String)
    case refresh
    case showDashboard(DashboardSource)
    case quit
}
