/// Keys of the create / edit dialog: Tab and arrows move between fields, ←/→ choose, Enter saves
/// (after the API's own checks), Esc cancels. Printable keys type into the focused field.
enum FormKeyActions {
    static let table: [KeyAction] = [
        KeyAction("next-field", .form, keys: [.tab, .down],
                  hint: "field", description: "next field", group: .move, footerRank: 2) { edit($0) { $0.moveFocus(1) } },
        KeyAction("previous-field", .form, keys: [.backTab, .up], hint: "field", description: "previous field",
                  group: .move) { edit($0) { $0.moveFocus(-1) } },
        KeyAction("choose-previous", .form, keys: [.left],
                  hint: "choose", description: "previous choice (priority, status)", group: .choose,
                  footerRank: 3) { edit($0) { $0.cycle(-1) } },
        KeyAction("choose-next", .form, keys: [.right], hint: "choose", description: "next choice (space too, on a choice)", group: .choose,
                  footerRank: 3) { edit($0) { $0.cycle(1) } },
        KeyAction("save", .form, keys: [.enter],
                  hint: "save", description: "save (checked as the API checks first)", footerRank: 0, writes: true,
                  refusal: "Read-only: nothing was saved", perform: save),
        KeyAction("cancel", .form, keys: [.escape], hint: "cancel", description: "close without saving", footerRank: 1) { s in
            var s = s
            s.mode = .normal
            s.flash = "Cancelled"
            return (s, [])
        },
    ]

    /// Applies a change to the open form, clearing its last refusal.
    static func edit(_ state: ConsoleState, _ change: (inout TaskForm) -> Void) -> (ConsoleState, [ConsoleEffect]) {
        var s = state
        guard case .form(var form) = s.mode else { return (s, []) }
        change(&form)
        form.error = nil
        s.mode = .form(form)
        return (s, [])
    }

    static func save(_ state: ConsoleState) -> (ConsoleState, [ConsoleEffect]) {
        var s = state
        guard case .form(var form) = s.mode else { return (s, []) }
        if let problem = form.problem() {
            form.error = problem
            s.mode = .form(form)
            return (s, [])
        }
        form.error = nil
        form.submitting = true
        s.mode = .form(form)
        switch form.purpose {
        case .create: return (s, [.createTask(form.draft)])
        case .edit(let task): return (s, [.updateTask(task.taskId, form.changes(from: task))])
        }
    }
}
