/// How charts are drawn: braille dots (2×4 per cell) where the terminal can show them, half blocks
/// (1×2 per cell), or plain ASCII (one point per cell).
public enum ChartGlyphs: String, Sendable, CaseIterable {
    case braille, blocks, ascii

    /// Braille needs a UTF-8 terminal with a font that has it; the Linux console's fonts lack it.
    public static func detect(utf8: Bool, term: String?) -> ChartGlyphs {
        guard utf8 else { return .ascii }
        if let term, term == "linux" || term.hasPrefix("vt") || term == "dumb" { return .blocks }
        return .braille
    }

    /// Sub-cell resolution: dots across and down per cell.
    var dotsPerCell: (x: Int, y: Int) {
        switch self {
        case .braille: return (2, 4)
        case .blocks: return (1, 2)
        case .ascii: return (1, 1)
        }
    }
}
