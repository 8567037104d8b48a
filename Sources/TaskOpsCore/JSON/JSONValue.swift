/// A JSON document that keeps what `JSONSerialization` loses: the order of object keys and the
/// exact text of numbers (so `1` and `1.0` stay distinct, as they are to Python's `json`).
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    public static func int(_ value: Int) -> JSONValue { .number(JSONNumber(value)) }
    public static func double(_ value: Double) -> JSONValue { .number(JSONNumber(value)) }

    public var stringValue: String? { if case .string(let s) = self { return s } else { return nil } }
    public var boolValue: Bool? { if case .bool(let b) = self { return b } else { return nil } }
    public var numberValue: JSONNumber? { if case .number(let n) = self { return n } else { return nil } }
    public var arrayValue: [JSONValue]? { if case .array(let a) = self { return a } else { return nil } }
    public var objectValue: JSONObject? { if case .object(let o) = self { return o } else { return nil } }
    public var isNull: Bool { if case .null = self { return true } else { return false } }

    /// Member of an object, or nil for a missing key or a value that is not an object.
    public subscript(key: String) -> JSONValue? { objectValue?[key] }

    /// Python truthiness: `None`, `False`, `0`, `""`, `[]`, `{}` are falsy.
    public var isTruthy: Bool {
        switch self {
        case .null: return false
        case .bool(let b): return b
        case .number(let n): return n.doubleValue != 0
        case .string(let s): return !s.isEmpty
        case .array(let a): return !a.isEmpty
        case .object(let o): return !o.isEmpty
        }
    }

    /// A scalar rendered for display: strings as they are, numbers by their literal, others as compact JSON.
    public var displayText: String {
        switch self {
        case .string(let s): return s
        case .number(let n): return n.literal
        case .bool(let b): return b ? "true" : "false"
        case .null: return ""
        default: return JSONWriter.compact(self)
        }
    }

    /// True when a float appears anywhere in the value (DynamoDB's Python SDK refuses floats).
    public var containsFloat: Bool {
        switch self {
        case .number(let n): return !n.isInteger
        case .array(let a): return a.contains { $0.containsFloat }
        case .object(let o): return o.contains { $0.value.containsFloat }
        default: return false
        }
    }
}

/// A JSON number kept as its literal text.
public struct JSONNumber: Sendable, Hashable, CustomStringConvertible {
    /// The literal as it should be written back (integers normalised as Python would print them).
    public let literal: String
    /// True for integer literals (no fraction, no exponent).
    public let isInteger: Bool

    public init(literal: String, isInteger: Bool) {
        if isInteger, literal == "-0" { self.literal = "0" } else { self.literal = literal }
        self.isInteger = isInteger
    }
    public init(_ value: Int) { self.init(literal: String(value), isInteger: true) }
    public init(_ value: Double) {
        if value.isNaN { self.init(literal: "NaN", isInteger: false) }
        else if value.isInfinite { self.init(literal: value < 0 ? "-Infinity" : "Infinity", isInteger: false) }
        else { self.init(literal: JSONNumber.pythonRepr(value), isInteger: false) }
    }

    public var doubleValue: Double {
        switch literal {
        case "NaN": return .nan
        case "Infinity": return .infinity
        case "-Infinity": return -.infinity
        default: return Double(literal) ?? 0
        }
    }
    /// The integer value when the literal is an integer that fits in `Int`.
    public var intValue: Int? { isInteger ? Int(literal) : nil }
    public var description: String { literal }

    /// Python's `repr(float)`: shortest round-trip digits, always with a `.0` or exponent.
    static func pythonRepr(_ value: Double) -> String {
        var text = "\(value)"
        if text.contains("e") {
            // Swift writes 1e-05 as "1e-05"; Python writes "1e-05" too, and "1e+16" for large values.
            if let range = text.range(of: "e"), !text[range.upperBound...].hasPrefix("-") && !text[range.upperBound...].hasPrefix("+") {
                text.insert("+", at: range.upperBound)
            }
            return text
        }
        if !text.contains(".") { text += ".0" }
        return text
    }
}

/// A JSON object that keeps insertion order; a repeated key replaces the earlier value in place.
public struct JSONObject: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral {
    public private(set) var entries: [(key: String, value: JSONValue)] = []

    public init() {}
    public init(_ entries: [(String, JSONValue)]) { for (k, v) in entries { self[k] = v } }
    public init(dictionaryLiteral elements: (String, JSONValue)...) { self.init(elements) }

    public var isEmpty: Bool { entries.isEmpty }
    public var count: Int { entries.count }
    public var keys: [String] { entries.map(\.key) }

    public subscript(key: String) -> JSONValue? {
        get { entries.first { $0.key == key }?.value }
        set {
            if let index = entries.firstIndex(where: { $0.key == key }) {
                if let newValue { entries[index].value = newValue } else { entries.remove(at: index) }
            } else if let newValue {
                entries.append((key, newValue))
            }
        }
    }

    public func makeIterator() -> IndexingIterator<[(key: String, value: JSONValue)]> { entries.makeIterator() }

    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.entries.count == rhs.entries.count && zip(lhs.entries, rhs.entries).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
    public func hash(into hasher: inout Hasher) {
        for entry in entries { hasher.combine(entry.key); hasher.combine(entry.value) }
    }
}
