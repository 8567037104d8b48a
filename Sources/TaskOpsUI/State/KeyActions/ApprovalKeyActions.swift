import TaskOpsCore

/// The Approvals pane's keys: mark rows, then approve or reject the selection or the marked set
/// after a confirmation naming the tasks.
enum ApprovalKeyActions {
    static let table: [KeyAction] = [
        KeyAction("mark", .approvals, keys: [.char(" ")], hint: "mark", description: "mark or unmark the row, move down",
                  footerRank: 2) { s in
            var s = s
            let rows = PaneRows.approvals(s)
            guard rows.indices.contains(s.selected(.approvals)) else { return (s, []) }
            let id = rows[s.selected(.approvals)].task.taskId
            if s.marked.contains(id) { s.marked.remove(id) } else { s.marked.insert(id) }
            ConsoleReducer.move(&s, 1)
            return (s, [])
        },
        KeyAction("approve", .approvals, keys: [.char("a")], hint: "approve", description: "approve selected/marked", footerRank: 2,
                  writes: true, asksFirst: true, refusal: "Read-only: approving and rejecting are disabled") { ask($0, .approve) },
        KeyAction("reject", .approvals, keys: [.char("r")], hint: "reject", description: "reject selected/marked", footerRank: 2,
                  writes: true, asksFirst: true, refusal: "Read-only: approving and rejecting are disabled") { ask($0, .reject) },
    ]

    static func ask(_ state: ConsoleState, _ decision: ApprovalDecision) -> (ConsoleState, [ConsoleEffect]) {
        var s = state
        let rows = PaneRows.approvals(s)
        let selected = rows.indices.contains(s.selected(.approvals)) ? [rows[s.selected(.approvals)].task.taskId] : []
        let ids = s.marked.isEmpty ? selected : rows.map(\.task.taskId).filter { s.marked.contains($0) }
        if ids.isEmpty { s.flash = "Nothing selected"; return (s, []) }
        s.mode = .confirm(.decide(decision, ids))
        return (s, [])
    }
}
