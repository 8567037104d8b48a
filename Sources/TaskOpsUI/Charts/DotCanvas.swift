/// A plot area addressed in dots (sub-cell points), turned into one glyph per cell.
struct DotCanvas {
    let columns: Int
    let rows: Int
    let glyphs: ChartGlyphs
    /// Per cell: the dots set (bit mask) and the series that last drew there.
    private(set) var bits: [UInt8]
    private(set) var owner: [Int]

    init(columns: Int, rows: Int, glyphs: ChartGlyphs) {
        self.columns = max(0, columns)
        self.rows = max(0, rows)
        self.glyphs = glyphs
        bits = Array(repeating: 0, count: self.columns * self.rows)
        owner = Array(repeating: -1, count: self.columns * self.rows)
    }

    var width: Int { columns * glyphs.dotsPerCell.x }
    var height: Int { rows * glyphs.dotsPerCell.y }

    /// Sets the dot at (x, y), y counted from the top.
    mutating func set(_ x: Int, _ y: Int, series: Int) {
        guard x >= 0, y >= 0, x < width, y < height else { return }
        let per = glyphs.dotsPerCell
        let index = (y / per.y) * columns + x / per.x
        bits[index] |= Self.bit(glyphs, dx: x % per.x, dy: y % per.y)
        owner[index] = series
    }

    /// A line between two dots (Bresenham), so steep changes stay connected.
    mutating func line(from a: (x: Int, y: Int), to b: (x: Int, y: Int), series: Int) {
        var x = a.x, y = a.y
        let dx = abs(b.x - a.x), dy = -abs(b.y - a.y)
        let sx = a.x < b.x ? 1 : -1, sy = a.y < b.y ? 1 : -1
        var error = dx + dy
        while true {
            set(x, y, series: series)
            if x == b.x && y == b.y { break }
            let doubled = 2 * error
            if doubled >= dy { error += dy; x += sx }
            if doubled <= dx { error += dx; y += sy }
        }
    }

    /// The glyph for a cell, nil when empty.
    func glyph(column: Int, row: Int) -> (text: String, series: Int)? {
        let index = row * columns + column
        let mask = bits[index]
        guard mask != 0 else { return nil }
        switch glyphs {
        case .braille:
            return (String(UnicodeScalar(0x2800 + UInt32(mask)).map(Character.init) ?? "⠿"), owner[index])
        case .blocks:
            return (mask == 0b11 ? "█" : (mask == 0b01 ? "▀" : "▄"), owner[index])
        case .ascii:
            return (String(Self.asciiMarks[max(0, owner[index]) % Self.asciiMarks.count]), owner[index])
        }
    }

    static let asciiMarks: [Character] = ["*", "+", "o", "x"]

    /// Braille dot numbering: column 0 rows 0-2 are dots 1-3, column 1 rows 0-2 dots 4-6, row 3 dots 7 and 8.
    private static func bit(_ glyphs: ChartGlyphs, dx: Int, dy: Int) -> UInt8 {
        switch glyphs {
        case .braille:
            let table: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]
            return table[dx][dy]
        case .blocks: return dy == 0 ? 0b01 : 0b10
        case .ascii: return 1
        }
    }
}
