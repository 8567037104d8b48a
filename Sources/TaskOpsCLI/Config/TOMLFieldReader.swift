import TOMLKit

/// Reads typed fields from a parsed TOML table, turning wrong types into errors that name the line.
struct TOMLFieldReader {
    let lines: [Substring]
    let file: String

    init(text: String, file: String) {
        self.lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        self.file = file
    }

    /// The 1-based line where `key` is assigned or opens a table (TOMLKit keeps no positions for values).
    func line(of key: String) -> Int? {
        for (index, raw) in lines.enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("[") && line.contains(key) { return index + 1 }
            if line.hasPrefix(key) {
                let rest = line.dropFirst(key.count).drop { $0 == " " || $0 == "\t" || $0 == "\"" }
                if rest.hasPrefix("=") { return index + 1 }
            }
        }
        return nil
    }

    private func fail(_ key: String, _ expected: String) -> ConfigError {
        ConfigError(file: file, line: line(of: key), message: "'\(key)' must be \(expected)")
    }

    func string(_ table: TOMLTable, _ key: String) throws(ConfigError) -> String? {
        guard let value = table[key] else { return nil }
        guard let text = value.string else { throw fail(key, "a string") }
        return text
    }

    func bool(_ table: TOMLTable, _ key: String) throws(ConfigError) -> Bool? {
        guard let value = table[key] else { return nil }
        guard let flag = value.bool else { throw fail(key, "true or false") }
        return flag
    }

    func number(_ table: TOMLTable, _ key: String) throws(ConfigError) -> Double? {
        guard let value = table[key] else { return nil }
        if let int = value.int { return Double(int) }
        if let double = value.double, double.isFinite { return double }
        throw fail(key, "a number")
    }

    /// A poll interval: a positive number, raised to the 1 s floor with a warning.
    func seconds(_ table: TOMLTable, _ key: String, minimum: Double = ConfigFile.minimumPollSeconds,
                 warnings: inout [ConfigError]) throws(ConfigError) -> Double? {
        guard let value = try number(table, key) else { return nil }
        guard value > 0 else { throw fail(key, "a positive number of seconds") }
        if value < minimum {
            warnings.append(ConfigError(file: file, line: line(of: key), message: "'poll.\(key)' raised to the \(Int(minimum)) s minimum"))
            return minimum
        }
        return value
    }
}
