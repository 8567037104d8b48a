import TaskOpsCore

/// CloudWatch Logs' JSON filter patterns, `{ $.detail.priority = "high" && $.latency > 100 }`:
/// selectors with `.name` and `[index]`, `= != < > <= >=` against strings (with `*` wildcards) or
/// numbers, `IS NULL`, `IS TRUE`, `IS FALSE`, `NOT EXISTS`, `&&` binding tighter than `||`, and
/// parentheses. A message that is not a JSON object never matches.
indirect enum JSONFilterPattern: Equatable {
    case compare([PathStep], String, Operand)
    case isNull([PathStep]), isTrue([PathStep]), isFalse([PathStep]), notExists([PathStep])
    case and(JSONFilterPattern, JSONFilterPattern), or(JSONFilterPattern, JSONFilterPattern)

    enum PathStep: Equatable { case key(String), index(Int) }
    enum Operand: Equatable { case string(String), number(Double) }

    struct ParseError: Error { let message: String }

    static func parse(_ text: String) throws(ParseError) -> JSONFilterPattern {
        var tokens = try Tokenizer.tokens(text)
        guard tokens.first == .symbol("{"), tokens.last == .symbol("}") else { throw ParseError(message: "a JSON pattern is wrapped in { }") }
        tokens = Array(tokens.dropFirst().dropLast())
        var parser = Parser(tokens: tokens)
        let pattern = try parser.or()
        guard parser.position == tokens.count else { throw ParseError(message: "unexpected text after the expression") }
        return pattern
    }

    func matches(_ message: String) -> Bool {
        guard let json = try? JSONParser.parse(message), json.objectValue != nil else { return false }
        return evaluate(json)
    }

    func evaluate(_ root: JSONValue) -> Bool {
        switch self {
        case .and(let a, let b): return a.evaluate(root) && b.evaluate(root)
        case .or(let a, let b): return a.evaluate(root) || b.evaluate(root)
        case .isNull(let path): return Self.select(path, root) == .null
        case .isTrue(let path): return Self.select(path, root) == .bool(true)
        case .isFalse(let path): return Self.select(path, root) == .bool(false)
        case .notExists(let path): return Self.select(path, root) == nil
        case .compare(let path, let op, let operand):
            guard let value = Self.select(path, root) else { return false }
            switch operand {
            case .string(let expected):
                guard let actual = value.stringValue ?? (value.numberValue?.literal) ?? value.boolValue.map({ $0 ? "true" : "false" }) else { return false }
                let equal = Self.wildcard(expected, matches: actual)
                return op == "=" ? equal : (op == "!=" ? !equal : false)
            case .number(let expected):
                guard let actual = value.numberValue?.doubleValue ?? value.stringValue.flatMap(Double.init) else { return false }
                switch op {
                case "=": return actual == expected
                case "!=": return actual != expected
                case "<": return actual < expected
                case ">": return actual > expected
                case "<=": return actual <= expected
                default: return actual >= expected
                }
            }
        }
    }

    static func select(_ path: [PathStep], _ root: JSONValue) -> JSONValue? {
        var current = root
        for step in path {
            switch step {
            case .key(let key): guard let next = current[key] else { return nil }; current = next
            case .index(let i): guard let items = current.arrayValue, items.indices.contains(i) else { return nil }; current = items[i]
            }
        }
        return current
    }

    /// `*` matches any run of characters; everything else literally.
    static func wildcard(_ pattern: String, matches text: String) -> Bool {
        let parts = pattern.split(separator: "*", omittingEmptySubsequences: false).map(String.init)
        guard parts.count > 1 else { return pattern == text }
        guard text.hasPrefix(parts[0]), text.hasSuffix(parts[parts.count - 1]), text.count >= parts[0].count + parts[parts.count - 1].count else { return false }
        var rest = Substring(text.dropFirst(parts[0].count).dropLast(parts[parts.count - 1].count))
        for middle in parts.dropFirst().dropLast() where !middle.isEmpty {
            guard let range = rest.range(of: middle) else { return false }
            rest = rest[range.upperBound...]
        }
        return true
    }

    enum Token: Equatable { case symbol(String), word(String), quoted(String), number(Double) }

    enum Tokenizer {
        static func tokens(_ text: String) throws(ParseError) -> [Token] {
            var tokens: [Token] = []
            var chars = Array(text)[...]
            while let c = chars.first {
                if c.isWhitespace { chars.removeFirst(); continue }
                if "{}()[]".contains(c) { tokens.append(.symbol(String(c))); chars.removeFirst(); continue }
                if c == "\"" {
                    chars.removeFirst()
                    var value = ""
                    while let next = chars.first, next != "\"" {
                        chars.removeFirst()
                        if next == "\\", let escaped = chars.first { value.append(escaped); chars.removeFirst() } else { value.append(next) }
                    }
                    guard chars.first == "\"" else { throw ParseError(message: "unterminated string") }
                    chars.removeFirst()
                    tokens.append(.quoted(value))
                    continue
                }
                let two = String(chars.prefix(2))
                if ["&&", "||", "!=", "<=", ">="].contains(two) { tokens.append(.symbol(two)); chars.removeFirst(2); continue }
                if "=<>.".contains(c) { tokens.append(.symbol(String(c))); chars.removeFirst(); continue }
                var word = ""
                while let next = chars.first, !next.isWhitespace, !"{}()[]\"=<>!&|.".contains(next) || (next == "." && Double(word + ".0") != nil) {
                    word.append(next)
                    chars.removeFirst()
                }
                guard !word.isEmpty else { throw ParseError(message: "unexpected '\(c)'") }
                if let number = Double(word), word.first?.isNumber == true || word.first == "-" { tokens.append(.number(number)) } else { tokens.append(.word(word)) }
            }
            return tokens
        }
    }

    struct Parser {
        let tokens: [Token]
        var position = 0

        mutating func next() -> Token? {
            guard position < tokens.count else { return nil }
            defer { position += 1 }
            return tokens[position]
        }

        var peek: Token? { position < tokens.count ? tokens[position] : nil }

        mutating func or() throws(ParseError) -> JSONFilterPattern {
            var left = try and()
            while peek == .symbol("||") { position += 1; left = .or(left, try and()) }
            return left
        }

        mutating func and() throws(ParseError) -> JSONFilterPattern {
            var left = try primary()
            while peek == .symbol("&&") { position += 1; left = .and(left, try primary()) }
            return left
        }

        mutating func primary() throws(ParseError) -> JSONFilterPattern {
            if peek == .symbol("(") {
                position += 1
                let inner = try or()
                guard next() == .symbol(")") else { throw ParseError(message: "missing )") }
                return inner
            }
            let path = try selector()
            switch next() {
            case .word("IS"):
                switch next() {
                case .word("NULL"): return .isNull(path)
                case .word("TRUE"): return .isTrue(path)
                case .word("FALSE"): return .isFalse(path)
                default: throw ParseError(message: "IS takes NULL, TRUE or FALSE")
                }
            case .word("NOT"):
                guard next() == .word("EXISTS") else { throw ParseError(message: "NOT takes EXISTS") }
                return .notExists(path)
            case .symbol(let op) where ["=", "!=", "<", ">", "<=", ">="].contains(op):
                switch next() {
                case .quoted(let text), .word(let text):
                    guard op == "=" || op == "!=" else { throw ParseError(message: "\(op) compares numbers") }
                    return .compare(path, op, .string(text))
                case .number(let number): return .compare(path, op, .number(number))
                default: throw ParseError(message: "a value must follow \(op)")
                }
            default: throw ParseError(message: "a selector needs an operator")
            }
        }

        mutating func selector() throws(ParseError) -> [PathStep] {
            guard next() == .word("$") else { throw ParseError(message: "selectors start with $") }
            var path: [PathStep] = []
            while true {
                if peek == .symbol(".") {
                    position += 1
                    guard case .word(let name) = next() else { throw ParseError(message: "a name must follow '.'") }
                    path.append(.key(name))
                } else if peek == .symbol("[") {
                    position += 1
                    guard case .number(let index) = next(), index >= 0, index == index.rounded(), next() == .symbol("]") else {
                        throw ParseError(message: "[ ] takes an array index")
                    }
                    path.append(.index(Int(index)))
                } else {
                    return path
                }
            }
        }
    }
}
