/// Where frames go: the ncurses backend, or memory in tests. Implementations write only the
/// cells that differ from the previous frame and count what they wrote.
public protocol TerminalScreen: AnyObject {
    var size: (width: Int, height: Int) { get }
    /// Draws `grid`; returns the number of cells written.
    @discardableResult func draw(_ grid: CellGrid) -> Int
}

/// An in-memory screen for tests: keeps the visible grid and counts cells written.
public final class MemoryScreen: TerminalScreen {
    public var size: (width: Int, height: Int)
    public private(set) var visible: CellGrid
    public private(set) var cellsWritten = 0

    public init(width: Int, height: Int) {
        size = (width, height)
        visible = CellGrid(width: width, height: height)
    }

    @discardableResult
    public func draw(_ grid: CellGrid) -> Int {
        var written = 0
        if grid.width != visible.width || grid.height != visible.height {
            visible = CellGrid(width: grid.width, height: grid.height)
            written = grid.cells.count
            visible = grid
        } else {
            for (index, cell) in grid.cells.enumerated() where visible.cells[index] != cell { written += 1 }
            visible = grid
        }
        cellsWritten += written
        return written
    }
}
