/// One row of the effective key table as `taskops keys` prints it: an action where it applies,
/// with its keys in the spelling `keys.toml` accepts.
public struct KeyListing: Sendable, Equatable {
    public var scope: KeyScope
    public var action: String
    public var keys: [Key]
    public var description: String
    public var inFooter: Bool
    public var writes: Bool
    public var asksFirst: Bool

    public var keyNames: [String] { keys.map(KeyNotation.name) }
}

extension KeyMap {
    /// Every action scope by scope, as `keys.toml` would name it; a global action rebound in one
    /// pane shows again under that pane. Read-only leaves out the writing actions.
    public func listing(readonly: Bool = false) -> [KeyListing] {
        var rows: [KeyListing] = []
        for scope in KeyScope.allCases {
            for action in actions where action.scope == scope && !(readonly && action.writes) {
                rows.append(Self.row(action, scope: scope))
            }
            guard let pane = PaneID.allCases.first(where: { KeyScope.pane($0) == scope }), let rebound = paneKeys[pane] else { continue }
            for action in actions where action.scope == .global {
                guard let keys = rebound[action.name] else { continue }
                var local = action
                local.keys = keys
                rows.append(Self.row(local, scope: scope))
            }
        }
        return rows
    }

    static func row(_ action: KeyAction, scope: KeyScope) -> KeyListing {
        KeyListing(scope: scope, action: action.name, keys: action.keys, description: action.description, inFooter: action.inFooter,
                   writes: action.writes, asksFirst: action.asksFirst)
    }
}
