/// Refuses TOML table headers that the bundled TOML parser (toml++) does not handle: a `[` or
/// `[[` at the start of a line followed by something that cannot start a key, such as `[(` or
/// `[ ?]`, trips an assertion inside the parser (a crash on a user's config or theme file)
/// instead of a parse error. Checked before parsing, it becomes an error with a line number.
public enum TOMLHeaderCheck {
    public struct Problem: Error, Sendable, Equatable {
        public let line: Int
        public let message: String
    }

    public static func problem(in text: String) -> Problem? {
        var inMultilineString: String?
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = Substring(rawLine)
            // Skip the inside of multi-line strings ("""…""" and '''…''').
            if let delimiter = inMultilineString {
                if line.components(separatedBy: delimiter).count % 2 == 0 { inMultilineString = nil }
                continue
            }
            for delimiter in ["\"\"\"", "'''"] where line.components(separatedBy: delimiter).count % 2 == 0 {
                inMultilineString = delimiter
            }
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            guard trimmed.first == "[" else { continue }
            let afterBrackets = trimmed.dropFirst(trimmed.hasPrefix("[[") ? 2 : 1).drop { $0 == " " || $0 == "\t" }
            guard let first = afterBrackets.unicodeScalars.first else {
                return Problem(line: index + 1, message: "table header without a name")
            }
            let startsKey = first == "\"" || first == "'" || first == "_" || first == "-"
                || ("a"..."z").contains(first) || ("A"..."Z").contains(first) || ("0"..."9").contains(first)
            if !startsKey { return Problem(line: index + 1, message: "table header must start with a key name, not '\(first.escaped(asASCII: true))'") }
        }
        return nil
    }
}
