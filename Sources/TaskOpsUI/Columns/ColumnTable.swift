/// A pane's columns and the inner width from which the pane counts as wide. `layout(width:)`
/// chooses the columns that fit (dropping the lowest priority first), gives each its width, and
/// gives the fill column what is left; columns are one space apart.
struct ColumnTable: Sendable {
    var columns: [ColumnSpec]
    /// Inner width from which wide widths, wide headers and wide-only columns apply.
    var wideFrom: Int = .max

    struct Layout: Sendable, Equatable {
        /// Indices into `columns` of the columns shown, in order.
        var shown: [Int]
        var widths: [Int]
        var headers: [String]

        /// The row's cells for the columns shown, paired with their widths (`cells` holds one per column).
        func pick(_ cells: [String]) -> [(String, Int)] {
            zip(shown, widths).map { (cells.indices.contains($0.0) ? cells[$0.0] : "", $0.1) }
        }

        func width(of column: Int) -> Int? { shown.firstIndex(of: column).map { widths[$0] } }
    }

    func layout(width: Int) -> Layout {
        let wide = width >= wideFrom
        var shown = columns.indices.filter { wide || !columns[$0].wideOnly }
        func needed() -> Int { shown.map { columns[$0].requested(wide: wide) }.reduce(0, +) + max(0, shown.count - 1) }
        while needed() > width, shown.count > 1, let weakest = shown.min(by: { columns[$0].priority < columns[$1].priority }) {
            shown.removeAll { $0 == weakest }
        }
        var widths = shown.map { columns[$0].requested(wide: wide) }
        if let fill = shown.firstIndex(where: { columns[$0].fills }) {
            widths[fill] += max(0, width - needed())
        }
        return Layout(shown: shown, widths: widths, headers: shown.map { columns[$0].header(wide: wide) })
    }
}
