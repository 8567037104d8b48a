/// Keys as `keys.toml` writes them (`a`, `G`, `ctrl-a`, `shift-tab`, `pgdn`, `space`) and as the
/// footer and help show them (`a`, `G`, `^A`, `S-Tab`, `PgDn`, `space`).
public enum KeyNotation {
    /// The named keys, in the spelling `taskops keys` prints.
    static let names: [(String, Key)] = [
        ("up", .up), ("down", .down), ("left", .left), ("right", .right), ("tab", .tab), ("shift-tab", .backTab), ("enter", .enter),
        ("esc", .escape), ("backspace", .backspace), ("pgup", .pageUp), ("pgdn", .pageDown), ("home", .home), ("end", .end),
        ("space", .char(" ")),
    ]
    static let aliases: [String: Key] = [
        "escape": .escape, "backtab": .backTab, "return": .enter, "pageup": .pageUp, "page-up": .pageUp, "pagedown": .pageDown,
        "page-down": .pageDown, "bs": .backspace,
    ]
    /// Control keys the terminal keeps for itself or sends as another key.
    static let reservedControls: [Character: String] = [
        "c": "interrupts (SIGINT)", "z": "suspends (SIGTSTP)", "s": "stops output (flow control)", "q": "resumes output (flow control)",
        "h": "arrives as backspace", "i": "arrives as tab", "j": "arrives as enter", "m": "arrives as enter",
    ]

    public enum ParseFailure: Error, Equatable, CustomStringConvertible {
        case unknown(String)
        case reserved(String, why: String)
        public var description: String {
            switch self {
            case .unknown(let text):
                return "'\(text)' is not a key (a single character, ctrl-LETTER, or one of \(names.map(\.0).joined(separator: ", ")))"
            case .reserved(let text, let why): return "'\(text)' cannot be bound: the terminal \(why)"
            }
        }
    }

    public static func parse(_ text: String) throws(ParseFailure) -> Key {
        if text.count == 1, let character = text.first, character != " ", isPrintable(character) { return .char(character) }
        let lower = text.lowercased()
        if let named = names.first(where: { $0.0 == lower }) { return named.1 }
        if let alias = aliases[lower] { return alias }
        if lower.hasPrefix("ctrl-") || lower.hasPrefix("c-") {
            let rest = lower.drop { $0 != "-" }.dropFirst()
            guard rest.count == 1, let letter = rest.first, letter.isASCII, letter.isLetter else { throw .unknown(text) }
            if let why = reservedControls[letter] { throw .reserved(text, why: why) }
            return .ctrl(letter)
        }
        throw .unknown(text)
    }

    /// The spelling `keys.toml` accepts, so `taskops keys` output can be pasted back.
    public static func name(_ key: Key) -> String {
        if let named = names.first(where: { $0.1 == key }) { return named.0 }
        switch key {
        case .char(let character): return String(character)
        case .ctrl(let letter): return "ctrl-\(letter)"
        default: return "?"
        }
    }

    /// The short form drawn in the footer and help.
    public static func label(_ key: Key) -> String {
        switch key {
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .tab: return "Tab"
        case .backTab: return "S-Tab"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .backspace: return "Bksp"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .char(" "): return "space"
        case .char(let character): return String(character)
        case .ctrl(let letter): return "^" + letter.uppercased()
        }
    }

    /// Whether the key types text in a field (such keys cannot be bound in the form or prompts).
    public static func types(_ key: Key) -> Bool {
        if case .char = key { return true }
        return false
    }

    static func isPrintable(_ character: Character) -> Bool {
        character.unicodeScalars.allSatisfy { $0.value >= 0x21 && $0.value != 0x7F && !(0x80..<0xA0).contains($0.value) }
    }
}
