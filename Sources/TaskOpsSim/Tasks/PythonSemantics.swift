import TaskOpsCore

/// The Python behaviours the original handlers rely on.
enum PythonSemantics {
    /// Python `int(text)`: surrounding whitespace, an optional sign, digits with single underscores between them.
    static func int(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        var body = Substring(trimmed)
        var negative = false
        if let first = body.first, first == "+" || first == "-" { negative = first == "-"; body = body.dropFirst() }
        guard let first = body.first, first.isASCII, first.isNumber, let last = body.last, last.isASCII, last.isNumber,
              !body.contains("__"), body.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == "_" }) else { return nil }
        guard let value = Int(body.replacingOccurrences(of: "_", with: "")) else { return nil }
        return negative ? -value : value
    }

    /// What boto3 hands back for a stored item: every number becomes a Decimal, which the
    /// handlers' encoder writes as a string, at any depth.
    static func numbersAsStrings(_ value: JSONValue) -> JSONValue {
        switch value {
        case .number(let n): return .string(n.literal)
        case .array(let items): return .array(items.map(numbersAsStrings))
        case .object(let object): return .object(JSONObject(object.entries.map { ($0.key, numbersAsStrings($0.value)) }))
        default: return value
        }
    }
}
