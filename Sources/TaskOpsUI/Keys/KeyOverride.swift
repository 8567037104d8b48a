/// One valid line of `keys.toml`: an action name, where it applies, and its new keys.
struct KeyOverride: Sendable {
    /// nil: the top level, every scope with an action of this name.
    var section: KeyScope?
    var name: String
    var keys: [Key]
    var line: Int?

    /// Whether this line sets the keys of `action` where it answers in `context`.
    func sets(_ action: KeyAction, in context: KeyContext) -> Bool {
        guard action.name == name else { return false }
        guard let section else { return true }
        if section == action.scope { return true }
        if case .pane(let pane) = context, action.scope == .global { return section == .pane(pane) }
        return false
    }
}
