/// The semantic colour of a cell; themes map roles to colours.
public enum Role: UInt8, Sendable, Hashable, CaseIterable {
    case normal, dim, header, title, selected, focusBorder, border, ok, pending, warn, error, accent, marked
    case series1, series2, series3, series4
}

public struct Cell: Sendable, Hashable {
    /// The grapheme shown; "" for the right half of a wide character.
    public var text: String
    public var role: Role
    public var bold: Bool
    public var reverse: Bool
    // Fill the 24 bytes a cell takes, so no byte of it is padding: two rows whose bytes are equal
    // are then equal, and the screen skips them with one memcmp (`NcursesScreen.sameBits`).
    private var zero8: UInt8 = 0
    private var zero32: UInt32 = 0

    public init(_ text: String = " ", role: Role = .normal, bold: Bool = false, reverse: Bool = false) {
        self.text = text
        self.role = role
        self.bold = bold
        self.reverse = reverse
    }

    public static let blank = Cell()
}

/// A screen's worth of cells, written by pure rendering and diffed by the terminal.
public struct CellGrid: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { if x >= 0, y >= 0, x < width, y < height { cells[y * width + x] = newValue } }
    }

    /// Writes sanitized text from (x, y), clipped at `maxX`; wide characters take two columns and
    /// are never split. Returns the column after the text.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, maxX: Int? = nil, role: Role = .normal, bold: Bool = false,
                             reverse: Bool = false, sanitize: Bool = true) -> Int {
        guard y >= 0, y < height else { return x }
        let limit = min(maxX ?? width, width)
        let text = sanitize ? Sanitizer.clean(text) : text
        if PrintableASCII.contains(only: text) {
            var column = x
            for byte in text.utf8 {
                if column + 1 > limit { break }
                if column >= 0 { self[column, y] = Cell(PrintableASCII.strings[Int(byte)], role: role, bold: bold, reverse: reverse) }
                column += 1
            }
            return column
        }
        var column = x
        for character in text {
            let w = DisplayWidth.of(character)
            if w == 0 {
                if column > x, column - 1 < limit, column - 1 >= 0 {
                    var previous = self[column - 1, y]
                    if !previous.text.isEmpty { previous.text += String(character); self[column - 1, y] = previous }
                }
                continue
            }
            if column + w > limit { break }
            if column >= 0 {
                self[column, y] = Cell(String(character), role: role, bold: bold, reverse: reverse)
                if w == 2 { self[column + 1, y] = Cell("", role: role, bold: bold, reverse: reverse) }
            }
            column += w
        }
        return column
    }

    public mutating func fill(x: Int, y: Int, width w: Int, height h: Int, cell: Cell = .blank) {
        for row in max(0, y)..<min(height, y + h) { for col in max(0, x)..<min(width, x + w) { self[col, row] = cell } }
    }

    /// The grid as plain text lines (tests, snapshots).
    public var lines: [String] {
        (0..<height).map { y in (0..<width).map { self[$0, y].text }.joined() }
    }
}
