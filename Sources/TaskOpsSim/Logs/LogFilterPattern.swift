/// The plain-text subset of CloudWatch Logs filter patterns: all bare terms must appear,
/// `"quoted phrases"` count as one term, and `?term`s match when any of them appears.
struct LogFilterPattern {
    var required: [String] = []
    var anyOf: [String] = []

    init(_ pattern: String) {
        var index = pattern.startIndex
        while index < pattern.endIndex {
            if pattern[index] == " " { index = pattern.index(after: index); continue }
            var optional = false
            if pattern[index] == "?" { optional = true; index = pattern.index(after: index) }
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
            if optional { anyOf.append(term) } else { required.append(term) }
        }
    }

    func matches(_ message: String) -> Bool {
        if !required.allSatisfy({ message.contains($0) }) { return false }
        return anyOf.isEmpty || anyOf.contains { message.contains($0) }
    }
}
