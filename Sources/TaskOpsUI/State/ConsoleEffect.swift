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
    /// Handled by the console itself: load the theme and recolour the screen.
    case switchTheme(String)
    case quit
}

extension ConsoleEffect {
    /// Effects the console performs itself rather than handing to the service.
    public var isLocal: Bool {
        if case .switchTheme = self { return true }
        return false
    }
}
