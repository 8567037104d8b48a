/// The Tasks pane's keys: new, edit, delete (asks first) and sort.
enum TaskKeyActions {
    static let table: [KeyAction] = [
        KeyAction("new-task", .tasks, keys: [.char("n")], hint: "new", description: "new task (a dialog)", footerRank: 2, writes: true,
                  refusal: "Read-only: creating tasks is disabled") { s in
            var s = s
            s.mode = .form(.create())
            return (s, [])
        },
        KeyAction("edit-task", .tasks, keys: [.char("e")],
                  hint: "edit", description: "edit the selected task (a dialog)", footerRank: 2, writes: true,
                  refusal: "Read-only: editing is disabled") { s in
            var s = s
            let rows = PaneRows.tasks(s)
            if rows.indices.contains(s.selected(.tasks)) { s.mode = .form(.edit(rows[s.selected(.tasks)])) }
            return (s, [])
        },
        KeyAction("delete-task", .tasks, keys: [.char("d")],
                  hint: "delete", description: "delete the selected task", footerRank: 2, writes: true,
                  asksFirst: true, refusal: "Read-only: deleting is disabled") { s in
            var s = s
            let rows = PaneRows.tasks(s)
            if rows.indices.contains(s.selected(.tasks)) { s.mode = .confirm(.delete(rows[s.selected(.tasks)].taskId)) }
            return (s, [])
        },
        KeyAction("sort", .tasks, keys: [.char("s")], hint: "sort", description: "sort by created, updated, title, …",
                  footerRank: 2) { s in
            var s = s
            s.taskSort = TaskSort(rawValue: (s.taskSort.rawValue + 1) % TaskSort.allCases.count) ?? .created
            s.flash = "Sorted by \(s.taskSort.label)"
            return (s, [])
        },
    ]
}
