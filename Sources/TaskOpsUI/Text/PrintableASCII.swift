/// The fast path of text handling: most of what the console shows is printable ASCII, where one
/// byte is one character is one column, so grapheme breaking and width tables can be skipped.
enum PrintableASCII {
    static func contains(only text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }

    /// One-character strings for every printable byte, so a cell needs no new string.
    static let strings: [String] = (0..<128).map { String(UnicodeScalar(UInt8($0))) }
}
