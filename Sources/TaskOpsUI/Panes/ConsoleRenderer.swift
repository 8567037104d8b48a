import Foundation
import TaskOpsCore

/// State → cell grid. Pure: the same state and size always give the same grid.
public enum ConsoleRenderer {
    public static let minimumWidth = 60
    public static let minimumHeight = 16

    public static func render(_ state: ConsoleState, width: Int, height: Int, now: Date) -> CellGrid {
        var grid = base(state, width: width, height: height)
        drawClockParts(state, into: &grid, now: now)
        return grid
    }

    /// What does not move with the clock: the header and every pane but approvals (its waiting
    /// times do). The console keeps it between changes, so the once-a-second tick that ages the
    /// status line draws only what the clock moves.
    public static func base(_ state: ConsoleState, width: Int, height: Int) -> CellGrid {
        var grid = CellGrid(width: width, height: height)
        guard fits(width: width, height: height) else {
            grid.put("Terminal too small: \(width)×\(height)", x: 0, y: 0, role: .warn)
            grid.put("taskops needs at least \(minimumWidth)×\(minimumHeight)", x: 0, y: 1)
            grid.put("q quits", x: 0, y: 2, role: .dim)
            return grid
        }
        header(state, into: &grid, width: width)
        for (pane, frame) in layout(state, body(width: width, height: height)) {
            switch pane {
            case .tasks: TasksPane.render(state, into: &grid, frame: frame)
            case .events: EventsPane.render(state, into: &grid, frame: frame)
            case .metrics: MetricsPane.render(state, into: &grid, frame: frame)
            case .approvals: break
            }
        }
        return grid
    }

    /// `base` with the clock's parts drawn at `now`: the approvals pane, the status line and any
    /// overlay. Panes never overlap, so drawing approvals last gives the frame drawing in order would.
    public static func finish(_ base: CellGrid, _ state: ConsoleState, now: Date) -> CellGrid {
        var grid = base
        drawClockParts(state, into: &grid, now: now)
        return grid
    }

    static func drawClockParts(_ state: ConsoleState, into grid: inout CellGrid, now: Date) {
        let (width, height) = (grid.width, grid.height)
        if fits(width: width, height: height) {
            for (pane, frame) in layout(state, body(width: width, height: height)) where pane == .approvals {
                ApprovalsPane.render(state, into: &grid, frame: frame, now: now.addingTimeInterval(state.serverOffset))
            }
            StatusLine.render(state, into: &grid, y: height - 2, width: width, now: now)
            Overlays.render(state, into: &grid, width: width, height: height, now: now)
        }
        if state.ascii { grid.restrictToASCII() }
    }

    static func fits(width: Int, height: Int) -> Bool { width >= minimumWidth && height >= minimumHeight }

    /// The panes' area: below the header, above the status and hint lines.
    public static func body(width: Int, height: Int) -> Frame { Frame(x: 0, y: 1, width: width, height: height - 3) }

    /// 2×2 grid (tasks | approvals over events | metrics); zoom gives the focused pane everything.
    public static func layout(_ state: ConsoleState, _ body: Frame) -> [(PaneID, Frame)] {
        if state.zoomed { return [(state.focus, body)] }
        let leftWidth = body.width / 2
        let topHeight = body.height / 2
        return [
            (.tasks, Frame(x: body.x, y: body.y, width: leftWidth, height: topHeight)),
            (.approvals, Frame(x: body.x + leftWidth, y: body.y, width: body.width - leftWidth, height: topHeight)),
            (.events, Frame(x: body.x, y: body.y + topHeight, width: leftWidth, height: body.height - topHeight)),
            (.metrics, Frame(x: body.x + leftWidth, y: body.y + topHeight, width: body.width - leftWidth, height: body.height - topHeight)),
        ]
    }

    static func header(_ state: ConsoleState, into grid: inout CellGrid, width: Int) {
        grid.fill(x: 0, y: 0, width: width, height: 1, cell: Cell(" ", role: .header, reverse: true))
        let mode = state.readonly && state.header.mode != "READ-ONLY" ? "\(state.header.mode) READ-ONLY" : state.header.mode
        let text = " taskops · \(state.header.stack) · \(state.header.region) · \(state.header.endpoint) "
        grid.put(text, x: 0, y: 0, maxX: width - mode.count - 3, role: .header, bold: true, reverse: true)
        grid.put(" \(mode) ", x: width - mode.count - 2, y: 0, maxX: width, role: mode.contains("DEMO") ? .accent : .warn, bold: true, reverse: true)
    }
}
