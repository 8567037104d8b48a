import Foundation
import TaskOpsCore

/// A metric widget as a line chart: y-axis labels on the left, the series plotted over the widget's
/// common time range, and a legend with each series' latest value along the bottom.
enum LineChart {
    static let seriesRoles: [Role] = [.series1, .series2, .series3, .series4]

    /// Whether the frame has room for at least three plot rows above the legend.
    static func fits(_ series: [MetricSeries], _ frame: Frame) -> Bool {
        frame.innerWidth >= 20 && frame.innerHeight - legendRows(series, frame) >= 3
    }

    /// One or two rows for the plotted series' legend, plus one row per series that can never have data (with why).
    static func legendRows(_ series: [MetricSeries], _ frame: Frame) -> Int {
        let explained = series.filter { $0.noDataReason != nil }.count
        let entries = series.count - explained
        let width = series.filter { $0.noDataReason == nil }.map { DisplayWidth.of(Sanitizer.clean($0.label)) + 12 }.reduce(0, +)
        return (entries == 0 ? 0 : (width > frame.innerWidth ? 2 : 1)) + explained
    }

    static func render(_ series: [MetricSeries], glyphs: ChartGlyphs, into grid: inout CellGrid, frame: Frame) {
        let plotted = series.filter { !$0.values.isEmpty && $0.noDataReason == nil }
        let legendHeight = legendRows(series, frame)
        let plotHeight = frame.innerHeight - legendHeight
        let values = plotted.flatMap(\.values)
        let low = min(0, values.min() ?? 0)
        let high = max(values.max() ?? 1, low + 1e-9)
        let labels = [format(high), format((high + low) / 2), format(low)]
        let axisWidth = (labels.map(\.count).max() ?? 1) + 1
        let plot = Frame(x: frame.x + 1 + axisWidth, y: frame.y + 1, width: frame.innerWidth - axisWidth, height: plotHeight)
        axis(labels, plot: plot, into: &grid, x: frame.x + 1, ascii: glyphs == .ascii)
        if plotted.isEmpty {
            grid.put("no datapoints yet", x: plot.x + 1, y: plot.y + plotHeight / 2, maxX: plot.x + plot.width, role: .dim)
        } else {
            var canvas = DotCanvas(columns: plot.width, rows: plot.height, glyphs: glyphs)
            draw(plotted, on: &canvas, low: low, high: high, allSeries: series)
            blit(canvas, into: &grid, at: plot)
        }
        legend(series, glyphs: glyphs, into: &grid, frame: Frame(x: frame.x + 1, y: plot.y + plotHeight, width: frame.innerWidth, height: legendHeight))
    }

    private static func axis(_ labels: [String], plot: Frame, into grid: inout CellGrid, x: Int, ascii: Bool) {
        let rows = [plot.y, plot.y + (plot.height - 1) / 2, plot.y + plot.height - 1]
        for (label, y) in zip(labels, rows) where plot.height >= 2 || y == plot.y {
            grid.put(String(repeating: " ", count: max(0, plot.x - x - 1 - label.count)) + label, x: x, y: y, maxX: plot.x - 1, role: .dim, sanitize: false)
        }
        for y in plot.y..<(plot.y + plot.height) { grid[plot.x - 1, y] = Cell(ascii ? (rows.contains(y) ? "+" : "|") : (rows.contains(y) ? "┤" : "│"), role: .border) }
    }

    private static func draw(_ plotted: [MetricSeries], on canvas: inout DotCanvas, low: Double, high: Double, allSeries: [MetricSeries]) {
        let times = plotted.flatMap(\.timestamps)
        let start = times.min()?.timeIntervalSince1970 ?? 0
        let span = max(1, (times.max()?.timeIntervalSince1970 ?? 0) - start)
        for series in plotted {
            let index = allSeries.firstIndex(of: series) ?? 0
            var previous: (x: Int, y: Int)?
            for (offset, value) in series.values.enumerated() {
                let time = series.timestamps.indices.contains(offset) ? series.timestamps[offset].timeIntervalSince1970 - start
                                                                       : Double(offset) / Double(max(1, series.values.count - 1)) * span
                let x = Int((time / span * Double(canvas.width - 1)).rounded())
                let y = canvas.height - 1 - Int(((value - low) / (high - low) * Double(canvas.height - 1)).rounded())
                let point = (x: x, y: y)
                if let previous, canvas.glyphs != .ascii { canvas.line(from: previous, to: point, series: index) } else { canvas.set(x, y, series: index) }
                previous = point
            }
        }
    }

    private static func blit(_ canvas: DotCanvas, into grid: inout CellGrid, at plot: Frame) {
        for row in 0..<canvas.rows {
            for column in 0..<canvas.columns {
                guard let glyph = canvas.glyph(column: column, row: row) else { continue }
                grid[plot.x + column, plot.y + row] = Cell(glyph.text, role: seriesRoles[max(0, glyph.series) % seriesRoles.count])
            }
        }
    }

    private static func legend(_ series: [MetricSeries], glyphs: ChartGlyphs, into grid: inout CellGrid, frame: Frame) {
        var x = frame.x, y = frame.y
        let maxX = frame.x + frame.width
        let explained = series.enumerated().filter { $0.element.noDataReason != nil }
        let lastEntryRow = frame.y + frame.height - explained.count - 1
        for (index, item) in series.enumerated() where item.noDataReason == nil {
            let entry = "\(CellGrid.truncate(Sanitizer.clean(item.label), to: 22)) \(item.latest.map(format) ?? "–")"
            let width = DisplayWidth.of(entry) + 2
            if x > frame.x && x + width > maxX {
                guard y < lastEntryRow else { break }
                x = frame.x
                y += 1
            }
            grid.put(glyphs == .ascii ? String(DotCanvas.asciiMarks[index % DotCanvas.asciiMarks.count]) : "■", x: x, y: y, maxX: maxX,
                     role: seriesRoles[index % seriesRoles.count], sanitize: false)
            grid.put(entry, x: x + 2, y: y, maxX: maxX, sanitize: false)
            x += width + 2
        }
        for (offset, item) in explained.enumerated() {
            let row = frame.y + frame.height - explained.count + offset
            let text = "\(glyphs == .ascii ? "-" : "■") \(Sanitizer.clean(item.element.label)): no data: \(item.element.noDataReason ?? "")"
            grid.put(text, x: frame.x, y: row, maxX: maxX, role: .dim)
        }
    }

    static func format(_ value: Double) -> String {
        let magnitude = abs(value)
        if magnitude >= 1e9 { return String(format: "%.1fG", value / 1e9) }
        if magnitude >= 1e6 { return String(format: "%.1fM", value / 1e6) }
        if magnitude >= 1e4 { return String(format: "%.1fk", value / 1e3) }
        if value == value.rounded() { return String(Int(value)) }
        return String(format: magnitude >= 100 ? "%.0f" : (magnitude >= 1 ? "%.1f" : "%.2f"), value)
    }
}
