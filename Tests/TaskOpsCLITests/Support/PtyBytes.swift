/// Checks a byte stream written to a terminal for anything data could have smuggled in.
enum PtyBytes {
    /// Text that only appears inside the hostile escape sequences: if it reaches the pty, a
    /// sequence was passed through (or its payload leaked).
    static let payloads = ["cm0gLXJmIC8=", "evil.example", "file:///etc/passwd", "pwned title", "#1;2;100;100;0", "apc payload"]

    static func problems(in bytes: [UInt8]) -> [String] {
        var problems: [String] = []
        let introducers: [(String, [UInt8])] = [("OSC (ESC ])", [0x1B, 0x5D]), ("OSC 52", Array("\u{1B}]52".utf8)), ("OSC 8", Array("\u{1B}]8;".utf8)),
                                                ("DCS (ESC P)", [0x1B, 0x50]), ("APC (ESC _)", [0x1B, 0x5F]), ("PM (ESC ^)", [0x1B, 0x5E]),
                                                ("SOS (ESC X)", [0x1B, 0x58]), ("RIS (ESC c)", [0x1B, 0x63])]
        for (name, needle) in introducers where contains(bytes, needle) { problems.append("\(name) written") }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            problems.append("invalid UTF-8 written (an 8-bit terminal reads stray bytes as C1 controls)")
            return problems
        }
        let c1 = text.unicodeScalars.filter { (0x80...0x9F).contains($0.value) }
        if !c1.isEmpty { problems.append("\(c1.count) C1 controls written") }
        let bidi = text.unicodeScalars.filter { (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) }
        if !bidi.isEmpty { problems.append("\(bidi.count) bidi overrides written") }
        for payload in payloads where text.contains(payload) { problems.append("payload '\(payload)' written") }
        return problems
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if Array(haystack[start..<(start + needle.count)]) == needle { return true }
        }
        return false
    }
}
