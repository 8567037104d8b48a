import TOMLKit

/// Reads the entries of `keys.toml` into overrides, reporting each one it cannot use.
struct KeyOverrideReader {
    let file: String
    let lines: TOMLKeyLines
    let defaults: KeyMap
    private(set) var overrides: [KeyOverride] = []
    private(set) var problems: [KeyBindingProblem] = []

    init(file: String, lines: TOMLKeyLines, defaults: KeyMap) {
        self.file = file
        self.lines = lines
        self.defaults = defaults
    }

    mutating func readSection(_ name: String, _ table: TOMLTable) {
        guard let scope = KeyScope(rawValue: name) else {
            let known = KeyScope.allCases.map(\.rawValue).joined(separator: ", ")
            let message = "unknown section [\(name)] ignored (sections: \(known))"
            problems.append(KeyBindingProblem(file: file, line: lines.sections[name], message: message))
            return
        }
        for key in table.keys { if let value = table[key] { read(key, value, section: scope) } }
    }

    /// The actions a name reaches from a section (nil: the top level).
    func targets(_ name: String, section: KeyScope?) -> [KeyAction] {
        defaults.actions.filter { action in
            guard action.name == name else { return false }
            guard let section else { return true }
            return action.scope == section || (action.scope == .global && [.tasks, .events, .approvals, .metrics].contains(section))
        }
    }

    mutating func read(_ name: String, _ value: any TOMLValueConvertible, section: KeyScope?) {
        let line = lines.line(of: name, in: section?.rawValue ?? "")
        func problem(_ message: String) { problems.append(KeyBindingProblem(file: file, line: line, message: message)) }
        let place = section.map { " in [\($0.rawValue)]" } ?? ""
        let targets = targets(name, section: section)
        guard !targets.isEmpty else {
            let candidates = Set(section == nil ? defaults.actions.map(\.name) : defaults.actions.filter {
                $0.scope == section || $0.scope == .global && section.map { [.tasks, .events, .approvals, .metrics].contains($0) } == true
            }.map(\.name))
            let elsewhere = Set(defaults.actions.filter { $0.name == name }.map { "[\($0.scope.rawValue)]" }).sorted()
            if !elsewhere.isEmpty {
                problem("'\(name)' is not an action\(place); it is one of \(elsewhere.joined(separator: ", ")), or the top level")
                return
            }
            let guess = NameSuggestion.closest(to: name, among: candidates).map { " (did you mean \($0)?)" } ?? ""
            problem("unknown action '\(name)'\(place)\(guess); `taskops keys` lists them")
            return
        }
        let texts: [String]
        if let text = value.tomlValue.string {
            texts = [text]
        } else if let array = value.tomlValue.array, array.allSatisfy({ $0.tomlValue.string != nil }) {
            texts = array.compactMap { $0.tomlValue.string }
        } else {
            problem("'\(name)' must be a key or a list of keys, such as [\"a\", \"ctrl-a\"]")
            return
        }
        var keys: [Key] = []
        for text in texts {
            do {
                let key = try KeyNotation.parse(text)
                if !keys.contains(key) { keys.append(key) }
            } catch {
                problem("\(name): \(error.description); \(name) keeps its default keys")
                return
            }
        }
        if let typing = targets.first(where: { $0.scope.takesText }), let key = keys.first(where: KeyNotation.types) {
            let place = typing.scope.title.lowercased()
            problem("\(name): '\(KeyNotation.name(key))' types text in the \(place); bind a named key or ctrl-LETTER there")
            return
        }
        overrides.append(KeyOverride(section: section, name: name, keys: keys, line: line))
    }
}
