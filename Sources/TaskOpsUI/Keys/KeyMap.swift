/// The effective key table: every action with the keys it answers to, per pane and mode. Built from
/// the defaults and a user's `keys.toml`; the reducer dispatches from it and the footer, the help
/// and `taskops keys` are drawn from it.
public struct KeyMap: Sendable {
    /// One entry per scope and name, with its keys.
    public private(set) var actions: [KeyAction]
    /// Keys of global actions rebound in one pane only (`[events] move-down = …`).
    public private(set) var paneKeys: [PaneID: [String: [Key]]] = [:]

    public init(actions: [KeyAction]) { self.actions = actions }

    public static let defaults = KeyMap(actions: DefaultKeyActions.all)

    /// The actions that answer in `context`, the more specific scope first; without the writing
    /// ones when read-only.
    public func actions(in context: KeyContext, readonly: Bool = false) -> [KeyAction] {
        var found: [KeyAction] = []
        for scope in context.scopes {
            for var action in actions where action.scope == scope && !(readonly && action.writes) {
                if case .pane(let pane) = context, scope == .global, let keys = paneKeys[pane]?[action.name] { action.keys = keys }
                found.append(action)
            }
        }
        return found
    }

    public func action(for key: Key, in context: KeyContext, readonly: Bool = false) -> KeyAction? {
        actions(in: context, readonly: readonly).first { $0.keys.contains(key) }
    }

    /// What to say when `key` would run a writing action that read-only mode took away.
    public func refusal(for key: Key, in context: KeyContext) -> String? {
        action(for: key, in: context).flatMap { $0.writes ? ($0.refusal ?? "Read-only: this key writes and is disabled") : nil }
    }

    /// The action named `name` in `scope`, as it is bound outside any pane override.
    public func action(named name: String, in scope: KeyScope) -> KeyAction? {
        actions.first { $0.scope == scope && $0.name == name }
    }

    mutating func bind(_ name: String, in scope: KeyScope, to keys: [Key]) {
        for index in actions.indices where actions[index].scope == scope && actions[index].name == name { actions[index].keys = keys }
    }

    mutating func bind(_ name: String, inPane pane: PaneID, to keys: [Key]) {
        paneKeys[pane, default: [:]][name] = keys
    }

    /// Keys that two actions answer to in the same pane or mode.
    public func conflicts() -> [KeyConflict] {
        var found: [KeyConflict] = []
        for context in KeyContext.all {
            var owner: [Key: KeyAction] = [:]
            var reported: Set<Key> = []
            for action in actions(in: context) {
                for key in action.keys {
                    if let first = owner[key], first.name != action.name || first.scope != action.scope {
                        guard reported.insert(key).inserted else { continue }
                        found.append(KeyConflict(context: context, key: key, first: first, second: action))
                    } else {
                        owner[key] = action
                    }
                }
            }
        }
        return found
    }
}

/// One key bound to two actions where both answer.
public struct KeyConflict: Sendable {
    public var context: KeyContext
    public var key: Key
    public var first: KeyAction
    public var second: KeyAction
}
