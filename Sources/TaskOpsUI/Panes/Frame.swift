/// A rectangle of the screen.
public struct Frame: Sendable, Equatable {
    public var x: Int, y: Int, width: Int, height: Int
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }
    public var innerWidth: Int { max(0, width - 2) }
    public var innerHeight: Int { max(0, height - 2) }
}

extension CellGrid {
    /// Draws a box with a title; the focused pane's border stands out (and is bold in monochrome).
    mutating func box(_ frame: Frame, title: String, focused: Bool, ascii: Bool) {
        guard frame.width >= 2, frame.height >= 2 else { return }
        let role: Role = focused ? .focusBorder : .border
        let (h, v, tl, tr, bl, br) = ascii ? ("-", "|", "+", "+", "+", "+") : ("─", "│", "┌", "┐", "└", "┘")
        for col in frame.x..<(frame.x + frame.width) {
            self[col, frame.y] = Cell(h, role: role, bold: focused)
            self[col, frame.y + frame.height - 1] = Cell(h, role: role, bold: focused)
        }
        for row in frame.y..<(frame.y + frame.height) {
            self[frame.x, row] = Cell(v, role: role, bold: focused)
            self[frame.x + frame.width - 1, row] = Cell(v, role: role, bold: focused)
        }
        self[frame.x, frame.y] = Cell(tl, role: role, bold: focused)
        self[frame.x + frame.width - 1, frame.y] = Cell(tr, role: role, bold: focused)
        self[frame.x, frame.y + frame.height - 1] = Cell(bl, role: role, bold: focused)
        self[frame.x + frame.width - 1, frame.y + frame.height - 1] = Cell(br, role: role, bold: focused)
        put(" \(title) ", x: frame.x + 2, y: frame.y, maxX: frame.x + frame.width - 2, role: focused ? .title : .header, bold: true)
    }

    /// One table row: cells padded to column widths.
    mutating func row(_ cells: [(String, Int)], x: Int, y: Int, maxX: Int, role: Role, reverse: Bool = false) {
        if reverse { fill(x: x, y: y, width: maxX - x, height: 1, cell: Cell(" ", role: role, reverse: true)) }
        var column = x
        for (text, width) in cells {
            guard column < maxX else { break }
            let clipped = CellGrid.truncate(Sanitizer.clean(text), to: width)
            put(clipped, x: column, y: y, maxX: min(maxX, column + width), role: role, reverse: reverse, sanitize: false)
            column += width + 1
        }
    }

    static func truncate(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        if PrintableASCII.contains(only: text) {
            return text.utf8.count <= width ? text : String(decoding: text.utf8.prefix(width - 1), as: UTF8.self) + "…"
        }
        if DisplayWidth.of(text) <= width { return text }
        var out = ""
        var used = 0
        for character in text {
            let w = DisplayWidth.of(character)
            if used + w > width - 1 { break }
            out.append(character)
            used += w
        }
        return out + "…"
    }
}

/// The first row to show so that `selected` stays visible in `height` rows.
func scrollStart(selected: Int, count: Int, height: Int) -> Int {
    guard count > height, height > 0 else { return 0 }
    return min(max(0, selected - height / 2), count - height)
}
