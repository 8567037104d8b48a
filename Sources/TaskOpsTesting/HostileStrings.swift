/// A corpus of strings that try to break a terminal, a layout or a parser: escape sequences
/// (CSI, OSC incl. OSC 52 clipboard writes and OSC 8 links, DCS, APC, PM, SOS), C0 and C1
/// controls, bidi overrides and isolates, zero-width and combining runs, wide CJK and emoji,
/// replacement characters standing for invalid UTF-8, and very long text.
public enum HostileStrings {
    public static let escapes: [String] = [
        "\u{1B}[2J\u{1B}[H", "\u{1B}[31mred\u{1B}[0m", "\u{1B}[?1049h", "\u{1B}[?1049l", "\u{1B}[6n", "\u{1B}[1;1H",
        "\u{1B}[?25l", "\u{1B}[?1000h", "\u{1B}[38;2;255;0;0mtrue", "\u{1B}[999;999H", "\u{1B}c", "\u{1B}7\u{1B}8",
        "\u{1B}]0;pwned title\u{07}", "\u{1B}]52;c;cm0gLXJmIC8=\u{07}", "\u{1B}]52;c;cm0gLXJmIC8=\u{1B}\\",
        "\u{1B}]8;;https://evil.example/\u{1B}\\click\u{1B}]8;;\u{1B}\\", "\u{1B}]8;;file:///etc/passwd\u{07}x\u{1B}]8;;\u{07}",
        "\u{1B}P1$r0m\u{1B}\\", "\u{1B}Pq#0;2;0;0;0#1;2;100;100;0\u{1B}\\", "\u{1B}_apc payload\u{1B}\\", "\u{1B}^pm\u{1B}\\",
        "\u{1B}Xsos\u{1B}\\", "\u{9B}31m", "\u{9D}0;c1 title\u{9C}", "\u{90}dcs\u{9C}", "\u{1B}[", "\u{1B}]", "\u{1B}",
        "\u{1B}[200~paste\u{1B}[201~", "\u{1B}[?2004l",
    ]

    public static let controls: [String] = (0..<32).map { "c0-\(String(UnicodeScalar(UInt8($0))))-end" }
        + (0x80..<0xA0).map { "c1-\(String(Character(Unicode.Scalar($0)!)))-end" }
        + ["del\u{7F}del", "bell\u{07}\u{07}\u{07}", "back\u{08}\u{08}\u{08}space", "cr\roverwrite", "line\nbreak", "tab\tstop", "ff\u{0C}x", "nul\u{0}x"]

    public static let bidi: [String] = [
        "\u{202E}txt.exe", "abc\u{202D}def", "\u{202A}ltr\u{202C}", "\u{202B}rtl\u{202C}", "\u{2066}iso\u{2069}", "\u{2067}rtl-iso\u{2069}",
        "\u{2068}first\u{2069}", "\u{200E}mark\u{200F}", "שלום world", "مرحبا 123", "\u{061C}arabic-mark",
    ]

    public static let invisible: [String] = [
        "zero\u{200B}width", "joiner\u{200D}\u{200D}", "\u{FEFF}bom", "soft\u{00AD}hyphen", "\u{2060}word-joiner", "\u{180E}mongolian",
        "e" + String(repeating: "\u{0301}", count: 50), "Z" + String(repeating: "\u{0336}\u{0337}\u{0338}", count: 30),
        "\u{034F}cgj", "a\u{FE0F}", "\u{E0001}\u{E0041}tag", "\u{1D173}music-fmt",
    ]

    public static let wide: [String] = [
        "日本語のタスク", "中文任务标题", "한국어 작업", "ＦＵＬＬＷＩＤＴＨ", "😀🎉🚀", "👨‍👩‍👧‍👦 family", "🏳️‍🌈 flag", "🇺🇸🇯🇵",
        "👍🏽 tone", "e\u{0301}cole", "混合mixed幅", "｡ﾟhalfwidth", "⌚⏰ watch", "☕ coffee", "✔︎ check", "\u{FFFD}\u{FFFD} replaced",
    ]

    /// Text standing for invalid UTF-8 after lossy decoding, and lone surrogates as JSON escapes produce them.
    public static let replaced: [String] = [
        String(decoding: [0xC3, 0x28], as: UTF8.self), String(decoding: [0xE2, 0x82], as: UTF8.self),
        String(decoding: [0xF0, 0x9F, 0x98], as: UTF8.self), String(decoding: [0xFF, 0xFE, 0xFD], as: UTF8.self),
        String(decoding: [0xED, 0xA0, 0x80], as: UTF8.self), String(decoding: [0xC0, 0xAF], as: UTF8.self),
    ]

    public static let long: [String] = [
        String(repeating: "A", count: 10_000), String(repeating: "日", count: 5_000), String(repeating: "😀", count: 3_000),
        String(repeating: "\u{1B}[31m", count: 2_000), String(repeating: "ab ", count: 4_000), String(repeating: "\u{0301}", count: 10_000),
    ]

    public static let formatting: [String] = [
        "%s%s%s%n", "{0}{1}", "${HOME}", "$(rm -rf /)", "`id`", "'; DROP TABLE tasks; --", "<script>alert(1)</script>",
        "\\u001b[31m", "\\x1b[2J", "null", "undefined", "NaN", "-1", "1e309", "0x41", " ", "", "  leading and trailing  ",
        "\"quoted\"", "back\\slash", "{\"json\": \"inside\"}", "[1,2,3]", "a|b|c", "col1\tcol2",
    ]

    /// Every string of the corpus (well over 200).
    public static var all: [String] {
        escapes + controls + bidi + invisible + wide + replaced + long + formatting
            + escapes.map { "prefix " + $0 + " suffix" } + wide.map { $0 + "\u{1B}[0m" }
    }
}
