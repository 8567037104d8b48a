/// Breaks sanitized text into lines of at most `width` columns at spaces; a word longer than a
/// line is split (wide characters never are).
enum WordWrap {
    static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0, DisplayWidth.of(text) > width else { return [text] }
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
            let candidate = current.isEmpty ? word : current + " " + word
            if DisplayWidth.of(candidate) <= width { current = candidate; continue }
            if !current.isEmpty { lines.append(current) }
            var pieces = Overlays.wrap(word, width: width)
            current = pieces.removeLast()
            lines += pieces
        }
        lines.append(current)
        return lines
    }
}
