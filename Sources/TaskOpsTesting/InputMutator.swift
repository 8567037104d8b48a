/// Mutates valid inputs into broken ones, as a fuzzer does: flips, deletes, duplicates, truncates,
/// splices bytes from other inputs and inserts tokens that parsers find hard (quotes, brackets,
/// escapes, huge numbers, deep nesting, invalid UTF-8, hostile strings).
public struct InputMutator {
    public var generator: SeededGenerator
    let corpus: [[UInt8]]
    let tokens: [[UInt8]]

    public init(seed: UInt64, corpus: [String], extraTokens: [String] = []) {
        generator = SeededGenerator(seed: seed)
        self.corpus = corpus.map { Array($0.utf8) }
        let builtIn = ["\"", "\\", "{", "}", "[", "]", ":", ",", "=", "#", "'", "\n", "\r\n", "\t", " ", "\0", "null", "true", "-", "+", ".", "e",
                       "1e999999", "-0", "18446744073709551616", "0.0000000000000000000001", "NaN", "\\u", "\\ud800", "\\udc00\\ud800", "\\uZZZZ",
                       "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[", "{\"a\":{\"a\":{\"a\":{\"a\":", "\"\"\"", "'''", "[[", "]]", "\u{1B}[31m", "\u{1B}]52;c;x\u{07}",
                       "\u{202E}", "日本", "😀", "\u{FEFF}", "START RequestId: ", "REPORT RequestId: ", "{\"detail-type\":", "__type", "<Code>", "</Code>",
                       "\"value\":", "\"widgets\":", "\"metrics\":", "\".\"", "inf", "1_000", "0x10", "2026-13-45T99:99:99"]
        tokens = (builtIn + extraTokens + HostileStrings.escapes.prefix(10)).map { Array($0.utf8) }
    }

    /// A new input: a corpus entry (or a random one) put through one to eight mutations.
    public mutating func next() -> [UInt8] {
        var bytes = corpus.isEmpty || int(10) == 0 ? randomBytes(int(64)) : corpus[int(corpus.count)]
        for _ in 0...int(8) { mutate(&bytes) }
        return bytes
    }

    /// The same as `next()`, decoded leniently (invalid UTF-8 becomes U+FFFD).
    public mutating func nextString() -> String { String(decoding: next(), as: UTF8.self) }

    mutating func int(_ bound: Int) -> Int { bound <= 0 ? 0 : Int(generator.next() % UInt64(bound)) }

    mutating func randomBytes(_ count: Int) -> [UInt8] { (0..<count).map { _ in UInt8(truncatingIfNeeded: generator.next()) } }

    mutating func mutate(_ bytes: inout [UInt8]) {
        let position = int(bytes.count + 1)
        switch int(9) {
        case 0 where !bytes.isEmpty: bytes[min(position, bytes.count - 1)] ^= UInt8(1 << int(8))
        case 1 where !bytes.isEmpty:
            let end = min(bytes.count, position + 1 + int(16))
            bytes.removeSubrange(min(position, bytes.count)..<end)
        case 2: bytes.insert(contentsOf: tokens[int(tokens.count)], at: position)
        case 3 where !bytes.isEmpty:
            let start = min(position, bytes.count - 1), end = min(bytes.count, start + 1 + int(32))
            bytes.insert(contentsOf: bytes[start..<end], at: start)
        case 4: bytes = Array(bytes.prefix(position))
        case 5 where !corpus.isEmpty:
            let other = corpus[int(corpus.count)]
            let from = int(other.count + 1)
            bytes.insert(contentsOf: other[from..<min(other.count, from + int(64))], at: position)
        case 6: bytes.insert(contentsOf: randomBytes(1 + int(8)), at: position)
        case 7: bytes.insert(contentsOf: [0xC3, 0x28, 0xFF, 0xED, 0xA0, 0x80][int(6)...], at: position)
        default:
            let digits = Array(String(generator.next()).utf8)
            bytes.insert(contentsOf: digits, at: position)
        }
    }
}
