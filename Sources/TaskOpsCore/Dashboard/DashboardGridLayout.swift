/// Places widgets on CloudWatch's 24-column grid: positioned widgets where they say, the others
/// at the next free place left to right, top to bottom, 6 wide and 6 high by default.
public enum DashboardGridLayout {
    public static let columns = 24
    public static let defaultWidth = 6
    public static let defaultHeight = 6
    static let maxHeight = 1000

    public static func place(_ widgets: [DashboardWidget]) -> [PlacedWidget] {
        var occupied: [[Bool]] = []
        func ensureRows(_ count: Int) {
            while occupied.count < count { occupied.append(Array(repeating: false, count: columns)) }
        }
        func fits(_ x: Int, _ y: Int, _ w: Int, _ h: Int) -> Bool {
            ensureRows(y + h)
            for row in y..<(y + h) { for column in x..<(x + w) where occupied[row][column] { return false } }
            return true
        }
        func mark(_ x: Int, _ y: Int, _ w: Int, _ h: Int) {
            ensureRows(y + h)
            for row in y..<(y + h) { for column in x..<(x + w) { occupied[row][column] = true } }
        }
        var placed: [PlacedWidget?] = Array(repeating: nil, count: widgets.count)
        for (index, widget) in widgets.enumerated() {
            guard let x = widget.x, let y = widget.y else { continue }
            let w = clamp(widget.width ?? defaultWidth, 1, columns)
            let h = clamp(widget.height ?? defaultHeight, 1, maxHeight)
            let cx = clamp(x, 0, columns - w), cy = clamp(y, 0, 10_000)
            mark(cx, cy, w, h)
            placed[index] = PlacedWidget(index: index, x: cx, y: cy, width: w, height: h)
        }
        for (index, widget) in widgets.enumerated() where placed[index] == nil {
            let w = clamp(widget.width ?? defaultWidth, 1, columns)
            let h = clamp(widget.height ?? defaultHeight, 1, maxHeight)
            var y = 0
            search: while true {
                for x in 0...(columns - w) where fits(x, y, w, h) {
                    mark(x, y, w, h)
                    placed[index] = PlacedWidget(index: index, x: x, y: y, width: w, height: h)
                    break search
                }
                y += 1
            }
        }
        return placed.compactMap { $0 }
    }

    static func clamp(_ value: Int, _ low: Int, _ high: Int) -> Int { min(max(value, low), high) }
}
