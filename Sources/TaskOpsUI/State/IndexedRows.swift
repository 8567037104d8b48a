/// A pane's rows as a view over the snapshot's array: either all of it in order, or the positions
/// a filter and sort picked. Holding positions instead of copies keeps a sorted 100k-task list at
/// 400 KB and lets the renderer touch only the rows it shows.
public struct IndexedRows<Row>: RandomAccessCollection {
    let source: [Row]
    /// Positions in `source`, in display order; nil shows `source` as it is.
    let order: [Int32]?

    init(_ source: [Row], order: [Int32]? = nil) {
        self.source = source
        self.order = order
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { order?.count ?? source.count }
    public subscript(position: Int) -> Row { source[order.map { Int($0[position]) } ?? position] }
}
