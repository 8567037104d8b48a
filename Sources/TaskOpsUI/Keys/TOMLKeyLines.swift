/// Where a key is written in a TOML file, section by section (TOMLKit keeps no positions for
/// values, so the text is read again to name the line of a problem).
struct TOMLKeyLines {
    /// 1-based line of each `name =` per section ("" is the top level), and of each `[section]`.
    private(set) var keys: [String: [String: Int]] = [:]
    private(set) var sections: [String: Int] = [:]

    init(_ text: String) {
        var section = ""
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingPrefix { $0 == " " || $0 == "\t" }
            if line.hasPrefix("[") {
                let name = line.dropFirst().prefix { $0 != "]" }.trimmingPrefix { $0 == " " }
                section = Self.unquoted(String(name.reversed().drop { $0 == " " }.reversed()))
                sections[section] = sections[section] ?? index + 1
                continue
            }
            guard let equals = line.firstIndex(of: "="), !line.hasPrefix("#") else { continue }
            let name = Self.unquoted(String(line[..<equals].reversed().drop { $0 == " " || $0 == "\t" }.reversed()))
            if keys[section]?[name] == nil { keys[section, default: [:]][name] = index + 1 }
        }
    }

    func line(of name: String, in section: String) -> Int? { keys[section]?[name] }

    static func unquoted(_ text: String) -> String {
        guard text.count >= 2, let first = text.first, first == "\"" || first == "'", text.last == first else { return text }
        return String(text.dropFirst().dropLast())
    }
}
