import TaskOpsCore

/// `:filter status=S user=U` narrows the Tasks pane; `:filter` alone clears both.
enum TaskFilterCommand {
    static func apply(_ arguments: [String], to state: ConsoleState) -> ConsoleState {
        var s = state
        s.focus = .tasks
        if arguments.isEmpty {
            s.taskStatusFilter = nil
            s.taskUserFilter = nil
            s.flash = "Task filters cleared"
            return s
        }
        for argument in arguments {
            let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
            let value = parts.count == 2 && !parts[1].isEmpty ? parts[1] : nil
            switch parts.first {
            case "status":
                if let value, !TaskStatus.all.contains(value) {
                    return refused(state, "Unknown status '\(Sanitizer.clean(value))' — one of \(TaskStatus.all.joined(separator: ", "))")
                }
                s.taskStatusFilter = value
            case "user": s.taskUserFilter = value
            default:
                return refused(state, "Usage: :filter status=STATUS user=USER (either may be empty to clear it; :filter alone clears both)")
            }
        }
        s.selection[.tasks] = 0
        s.flash = "Tasks: " + [s.taskStatusFilter.map { "status \($0)" }, s.taskUserFilter.map { "user \($0)" }].compactMap { $0 }.joined(separator: ", ")
        if s.taskStatusFilter == nil && s.taskUserFilter == nil { s.flash = "Task filters cleared" }
        return s
    }

    private static func refused(_ state: ConsoleState, _ message: String) -> ConsoleState {
        var s = state
        s.flash = message
        return s
    }
}
