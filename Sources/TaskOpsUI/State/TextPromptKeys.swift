/// Typing in the `/` filter and `:` command prompts: printable keys add, backspace removes (on an
/// empty command it closes the prompt). Enter and Esc are actions in the key table.
enum TextPromptKeys {
    static func filter(_ state: ConsoleState, _ text: String, _ key: Key) -> (ConsoleState, [ConsoleEffect]) {
        var s = state
        switch key {
        case .backspace: s.mode = .filter(String(text.dropLast())); s.filters[s.focus] = String(text.dropLast())
        case .char(let c): s.mode = .filter(text + String(c)); s.filters[s.focus] = text + String(c)
        default: break
        }
        ConsoleReducer.clampSelections(&s)
        return (s, [])
    }

    static func command(_ state: ConsoleState, _ text: String, _ key: Key) -> (ConsoleState, [ConsoleEffect]) {
        var s = state
        switch key {
        case .backspace: s.mode = text.isEmpty ? .normal : .command(String(text.dropLast()))
        case .char(let c): s.mode = .command(text + String(c))
        default: break
        }
        return (s, [])
    }
}
