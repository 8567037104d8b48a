/// One column of a pane's table as data: its header, its width rule, how much it matters when the
/// pane is too narrow for every column, and whether it shows only when the pane is wide.
struct ColumnSpec: Sendable {
    enum Width: Sendable {
        case fixed(Int)
        /// One width in a narrow pane, another in a wide one.
        case byClass(narrow: Int, wide: Int)
        /// Whatever the other columns leave, at least `minimum`.
        case fill(minimum: Int)
    }

    var header: String
    /// The header in a wide pane, when it differs (`PRIORITY` for `PRIO`).
    var wideHeader: String?
    var width: Width
    /// Higher stays longer: when the columns do not fit, the lowest priority goes first.
    var priority: Int
    var wideOnly = false

    init(_ header: String, wideHeader: String? = nil, _ width: Width, priority: Int, wideOnly: Bool = false) {
        self.header = header
        self.wideHeader = wideHeader
        self.width = width
        self.priority = priority
        self.wideOnly = wideOnly
    }

    func header(wide: Bool) -> String { wide ? wideHeader ?? header : header }

    /// The width this column asks for (a fill column: its minimum).
    func requested(wide: Bool) -> Int {
        switch width {
        case .fixed(let n): return n
        case .byClass(let narrow, let wideWidth): return wide ? wideWidth : narrow
        case .fill(let minimum): return minimum
        }
    }

    var fills: Bool {
        if case .fill = width { return true }
        return false
    }
}
