/// Typing in the create / edit dialog: printable keys go into the focused field (space steps a
/// choice field), backspace removes. Moving, choosing, saving and cancelling are actions in the
/// key table (`FormKeyActions`).
enum TaskFormKeys {
    static func type(_ state: ConsoleState, _ form: TaskForm, _ key: Key) -> (ConsoleState, [ConsoleEffect]) {
        var s = state
        var form = form
        switch key {
        case .char(" ") where form.focus.choices != nil: form.cycle(1)
        case .backspace: form.backspace()
        case .char(let character): form.type(character)
        default: break
        }
        form.error = nil
        s.mode = .form(form)
        return (s, [])
    }

    /// While a save is on its way only cancelling answers, and it says the save may still land.
    static func whileSaving(_ state: ConsoleState, _ key: Key) -> (ConsoleState, [ConsoleEffect]) {
        var s = state
        if s.keyMap.action(for: key, in: .form)?.name == "cancel" {
            s.mode = .normal
            s.flash = "Closed; the save already sent may still finish"
        }
        return (s, [])
    }
}
