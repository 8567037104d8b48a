import Foundation

/// CloudWatch Logs filter patterns: terms (all bare terms must appear, `"quoted phrases"` count as
/// one term, `?term`s match when any of them appears, `-term`s must not appear; case-sensitive) or a
/// JSON pattern in `{ }`.
struct LogFilterPattern {
    var required: [String] = []
    var anyOf: [String] = []
    var excluded: [String] = []
    var json: JSONFilterPattern?

    init(_ pattern: String) throws(JSONFilterPattern.ParseError) {
        let trimmed = pattern.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("{") {
            json = try JSONFilterPattern.parse(trimmed)
            return
        }
        var index = pattern.startIndex
        while index < pattern.endIndex {
            if pattern[index] == " " { index = pattern.index(after: index); continue }
            var kind: Character = " "
            if pattern[index] == "?" || pattern[index] == "-" { kind = pattern[index]; index = pattern.index(after: index) }
            guard index < pattern.endIndex else { break }
            var term = ""
            if pattern[index] == "\"" {
                index = pattern.index(after: index)
                while index < pattern.endIndex, pattern[index] != "\"" { term.append(pattern[index]); index = pattern.index(after: index) }
                if index < pattern.endIndex { index = pattern.index(after: index) }
            } else {
                while index < pattern.endIndex, pattern[index] != " " { term.append(pattern[index]); index = pattern.index(after: index) }
            }
            if term.isEmpty { continue }
            switch kind {
            case "?": anyOf.append(term)
            case "-": excluded.append(term)
            default: required.append(term)
            }
        }
    }

    func matches(_ message: String) -> Bool {
        if let json { return json.matches(message) }
        if !required.allSatisfy({ message.contains($0) }) { return false }
        if excluded.contains(where: { message.contains($0) }) { return false }
        return anyOf.isEmpty || anyOf.contains { message.contains($0) }
    }
}
