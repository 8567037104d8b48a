/// Applies the overrides of `keys.toml` to the defaults, then takes back, one at a time, each line
/// that makes two actions answer to one key in a pane or mode (the later line when both are the
/// user's), reporting it; the actions concerned keep their default keys.
struct KeyOverrideResolver {
    let defaults: KeyMap
    private(set) var overrides: [KeyOverride]
    let file: String
    private(set) var problems: [KeyBindingProblem] = []

    init(defaults: KeyMap, overrides: [KeyOverride], file: String) {
        self.defaults = defaults
        self.overrides = overrides
        self.file = file
    }

    /// The top level first, then the sections, so a section wins where both name an action.
    static func apply(_ overrides: [KeyOverride], to defaults: KeyMap) -> KeyMap {
        var map = defaults
        for override in overrides where override.section == nil {
            for scope in KeyScope.allCases { map.bind(override.name, in: scope, to: override.keys) }
        }
        for override in overrides {
            guard let section = override.section else { continue }
            if defaults.action(named: override.name, in: section) != nil {
                map.bind(override.name, in: section, to: override.keys)
            } else if let pane = PaneID.allCases.first(where: { KeyScope.pane($0) == section }) {
                map.bind(override.name, inPane: pane, to: override.keys)
            }
        }
        return map
    }

    /// The line that gave `action` its keys in `context`, if the user's.
    func responsible(for action: KeyAction, in context: KeyContext) -> Int? {
        let setting = overrides.indices.filter { overrides[$0].sets(action, in: context) }
        return setting.first { overrides[$0].section != nil } ?? setting.first
    }

    mutating func resolve() -> KeyMap {
        var map = Self.apply(overrides, to: defaults)
        while let conflict = map.conflicts().first {
            let first = responsible(for: conflict.first, in: conflict.context)
            let second = responsible(for: conflict.second, in: conflict.context)
            let candidates = [first, second].compactMap { $0 }
            guard let loser = candidates.max(by: { (overrides[$0].line ?? 0) < (overrides[$1].line ?? 0) }) else { break }
            let lost = overrides.remove(at: loser)
            let other = lost.name == conflict.first.name ? conflict.second : conflict.first
            let kept = defaults.actions.first { $0.name == lost.name }?.keys.map(KeyNotation.name).joined(separator: ", ") ?? ""
            problems.append(KeyBindingProblem(
                file: file, line: lost.line,
                message: "'\(KeyNotation.name(conflict.key))' is already bound to \(other.name) in \(Self.place(conflict.context)); "
                    + "\(lost.name) keeps its default keys (\(kept.isEmpty ? "none" : kept))"))
            map = Self.apply(overrides, to: defaults)
        }
        return map
    }

    static func place(_ context: KeyContext) -> String {
        switch context {
        case .pane(let pane): return "the \(pane.title) pane"
        default: return "the " + (context.scopes.first?.title.lowercased() ?? "console")
        }
    }
}
