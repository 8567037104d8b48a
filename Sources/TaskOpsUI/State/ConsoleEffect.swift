import TaskOpsCore

public enum ConsoleInput: Sendable {
    case key(Key)
    case snapshot(StackSnapshot)
    case decisions(ApprovalDecision, [String: DecisionOutcome])
    case taskDeleted(String, StackError?)
    /// A create or update finished: the saved task, or the API's refusal.
    case taskSaved(TaskItem?, StackError?)
    case flash(String)
    /// A mouse click at a screen cell, on a screen of the given size.
    case click(x: Int, y: Int, width: Int, height: Int)
    /// Paths through the workflow of the executions an approval detail shows.
    case executionPaths([String: ExecutionPathLookup])
}

public enum ConsoleEffect: Sendable, Equatable {
    case decide(ApprovalDecision, [String])
    case deleteTask(String)
    case createTask(TaskDraft)
    case updateTask(String, TaskChanges)
    case refresh
    case loadExecutionPaths([String])
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

/// An execution's path, or why it could not be read.
public enum ExecutionPathLookup: Sendable, Equatable {
    case path(ExecutionPath)
    case failed(String)
}
