/// One thing a key does, as data: the reducer dispatches from it, the footer and the help are
/// drawn from it, `keys.toml` rebinds it by name, and read-only mode drops it when it writes.
public struct KeyAction: Sendable {
    public typealias Perform = @Sendable (ConsoleState) -> (ConsoleState, [ConsoleEffect])

    /// The name `keys.toml` and `taskops keys` use (`approve`, `move-down`).
    public var name: String
    public var scope: KeyScope
    public var keys: [Key]
    /// The footer's word for it (`approve`).
    public var hint: String
    /// The help's line for it.
    public var description: String
    /// Footer hints that share a group are shown as one (`↑↓/kj move`).
    public var group: KeyHintGroup?
    /// Shown in the footer when set; lower ranks keep their place when the width runs out.
    public var footerRank: Int?
    /// Changes the stack (create, edit, delete, approve, reject): gone in read-only mode.
    public var writes: Bool
    /// Opens a confirmation before anything is sent.
    public var asksFirst: Bool
    /// What the console says when the key of this writing action is pressed in read-only mode.
    public var refusal: String?
    let perform: Perform

    public init(_ name: String, _ scope: KeyScope, keys: [Key], hint: String, description: String, group: KeyHintGroup? = nil,
                footerRank: Int? = nil, writes: Bool = false, asksFirst: Bool = false, refusal: String? = nil, perform: @escaping Perform) {
        self.name = name
        self.scope = scope
        self.keys = keys
        self.hint = hint
        self.description = description
        self.group = group
        self.footerRank = footerRank
        self.writes = writes
        self.asksFirst = asksFirst
        self.refusal = refusal
        self.perform = perform
    }

    public var inFooter: Bool { footerRank != nil }
}

/// Footer hints shown together under one word.
public enum KeyHintGroup: String, Sendable {
    case panes, move, choose
}
