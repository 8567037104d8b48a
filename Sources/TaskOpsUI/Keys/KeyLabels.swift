/// Keys written compactly for the footer and help: `↑↓/kj`, `Tab/1-4`, `Esc q Enter ?`.
enum KeyLabels {
    /// All keys of one action, as the help lists them.
    static func list(_ keys: [Key]) -> String { keys.map(KeyNotation.label).joined(separator: " ") }

    /// The keys of actions shown under one footer word: their first keys together, then their
    /// second keys, and so on (`↑↓/jk`); an action alone shows its first key.
    static func merged(_ actions: [KeyAction]) -> String {
        let depth = actions.count == 1 ? min(1, actions[0].keys.count) : actions.map(\.keys.count).max() ?? 0
        return (0..<depth).map { position in
            squeeze(actions.compactMap { $0.keys.count > position ? KeyNotation.label($0.keys[position]) : nil })
        }.joined(separator: "/")
    }

    /// Runs of one-character labels written together in character order, runs of three or more
    /// consecutive digits or letters as a range (`1-4`), longer labels apart:
    /// `["Tab", "1", "2", "3", "4"]` → `Tab/1-4`.
    static func squeeze(_ labels: [String]) -> String {
        var parts: [String] = []
        var run: [Character] = []
        func flush() {
            guard !run.isEmpty else { return }
            run.sort()
            let consecutive = zip(run, run.dropFirst()).allSatisfy { pair in
                guard let a = pair.0.unicodeScalars.first?.value, let b = pair.1.unicodeScalars.first?.value else { return false }
                return b == a + 1 && pair.0.isASCII && (pair.0.isNumber || pair.0.isLetter)
            }
            parts.append(run.count >= 3 && consecutive ? "\(run[0])-\(run[run.count - 1])" : String(run))
            run = []
        }
        for label in labels {
            if label.count == 1, let character = label.first { run.append(character) } else { flush(); parts.append(label) }
        }
        flush()
        return parts.joined(separator: "/")
    }
}
