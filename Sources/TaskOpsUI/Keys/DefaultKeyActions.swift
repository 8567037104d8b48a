/// The console's keys as shipped, scope by scope; their order is the help's and the footer's.
public enum DefaultKeyActions {
    public static let all: [KeyAction] = TaskKeyActions.table + EventKeyActions.table + ApprovalKeyActions.table + GlobalKeyActions.table
        + OverlayKeyActions.table + PromptKeyActions.table + FormKeyActions.table
}
