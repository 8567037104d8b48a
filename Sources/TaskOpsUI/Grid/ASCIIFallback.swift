/// For terminals that cannot show Unicode (a non-UTF-8 locale, or `--ascii`): every cell becomes
/// plain ASCII of the same width, so columns stay aligned and nothing undisplayable reaches curses.
extension CellGrid {
    static let asciiStandIns: [String: String] = [
        "…": "~", "–": "-", "—": "-", "·": "-", "•": "*", "✓": "v", "✗": "x", "▏": "|", "◂": "<", "▸": ">", "›": ">",
        "■": "#", "↑": "^", "↓": "v", "←": "<", "→": ">", "×": "x", "│": "|", "─": "-", "┤": "+", "┌": "+", "┐": "+", "└": "+", "┘": "+",
    ]

    public mutating func restrictToASCII() {
        for index in cells.indices {
            let text = cells[index].text
            if !text.isEmpty && text.utf8.allSatisfy({ $0 < 0x80 }) { continue }
            var cell = cells[index]
            // The right half of a wide character (""), like the character itself, becomes "?".
            cell.text = text.isEmpty ? "?" : (Self.asciiStandIns[text] ?? "?")
            self[index % width, index / width] = cell
        }
    }
}
