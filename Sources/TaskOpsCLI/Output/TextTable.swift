/// A plain text table for command output: headers, sanitized cells, columns sized to content
/// (capped), the last column left unpadded.
public struct TextTable {
    public struct Column {
        public var title: String
        public var maxWidth: Int
        public var alignRight: Bool
        public init(_ title: String, maxWidth: Int = 40, alignRight: Bool = false) {
            self.title = title
            self.maxWidth = maxWidth
            self.alignRight = alignRight
        }
    }

    public var columns: [Column]
    public var rows: [[String]] = []

    public init(columns: [Column]) { self.columns = columns }

    public mutating func add(_ cells: [String]) { rows.append(cells) }

    public func render(_ measure: TextMeasure) -> String {
        let cleaned = rows.map { row in
            columns.indices.map { index in
                measure.truncate(measure.sanitize(index < row.count ? row[index] : ""), to: columns[index].maxWidth)
            }
        }
        var widths = columns.map { measure.width($0.title) }
        for row in cleaned { for (index, cell) in row.enumerated() { widths[index] = max(widths[index], measure.width(cell)) } }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (index, cell) in cells.enumerated() {
                let last = index == cells.count - 1
                parts.append(last && !columns[index].alignRight ? cell : measure.pad(cell, to: widths[index], right: columns[index].alignRight))
            }
            return parts.joined(separator: "  ")
        }
        var out = [line(columns.map(\.title))]
        out += cleaned.map(line)
        return out.joined(separator: "\n") + "\n"
    }
}
