/// Keys inside the create / edit dialog: Tab and arrows move between fields, ←/→ or space choose,
/// Enter saves (after the API's own checks), Esc cancels.
enum TaskFormKeys {
    static func reduce(_ state: ConsoleState, _ form: TaskForm, _ key: Key) -> (ConsoleState, [ConsoleEffect]) {
        var s = state
        var form = form
        guard !form.submitting else {
            if key == .escape { s.mode = .normal; s.flash = "Closed; the save already sent may still finish" }
            return (s, [])
        }
        switch key {
        case .escape:
            s.mode = .normal
            s.flash = "Cancelled"
            return (s, [])
        case .tab, .down: form.moveFocus(1)
        case .backTab, .up: form.moveFocus(-1)
        case .left: form.cycle(-1)
        case .right: form.cycle(1)
        case .char(" ") where form.focus.choices != nil: form.cycle(1)
        case .backspace: form.backspace()
        case .char(let character): form.type(character)
        case .enter:
            if let problem = form.problem() {
                form.error = problem
                s.mode = .form(form)
                return (s, [])
            }
            if s.readonly {
                s.mode = .normal
                s.flash = "Read-only: nothing was saved"
                return (s, [])
            }
            form.error = nil
            form.submitting = true
            s.mode = .form(form)
            switch form.purpose {
            case .create: return (s, [.createTask(form.draft)])
            case .edit(let task): return (s, [.updateTask(task.taskId, form.changes(from: task))])
            }
        default: break
        }
        form.error = nil
        s.mode = .form(form)
        return (s, [])
    }
}
