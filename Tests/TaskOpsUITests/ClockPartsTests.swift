import Foundation
import Testing
import TaskOpsCore
@testable import TaskOpsUI

/// The console keeps the panes drawn at the last change and, on the once-a-second tick, draws only
/// what the clock moves over them: the approvals pane's waiting times, the status line's ages and
/// any overlay. Drawn that way a frame is the frame drawn whole.
@Suite struct ClockPartsTests {
    func text(_ grid: CellGrid) -> String {
        (0..<grid.height).map { y in (0..<grid.width).map { grid[$0, y].text }.joined() }.joined(separator: "\n")
    }

    @Test func aKeptBaseWithTheClocksPartsIsTheWholeFrame() {
        var states = [Fixtures.state(tasks: 40, pending: 3)]
        var zoomed = states[0]
        zoomed.focus = .approvals
        zoomed.zoomed = true
        states.append(zoomed)
        var ascii = states[0]
        ascii.ascii = true
        states.append(ascii)
        var helped = states[0]
        helped = ConsoleReducer.reduce(helped, .key(.char("?"))).0
        states.append(helped)
        for state in states {
            for (width, height) in [(200, 60), (80, 24), (40, 10)] {
                let base = ConsoleRenderer.base(state, width: width, height: height)
                for later in [0.0, 61, 3_700] {
                    let now = Fixtures.now.addingTimeInterval(later)
                    #expect(ConsoleRenderer.finish(base, state, now: now) == ConsoleRenderer.render(state, width: width, height: height, now: now))
                }
            }
        }
    }

    @Test func theTickMovesTheWaitingTimesOverAKeptBase() {
        let state = Fixtures.state(tasks: 10, pending: 2)
        let base = ConsoleRenderer.base(state, width: 200, height: 60)
        let first = text(ConsoleRenderer.finish(base, state, now: Fixtures.now))
        let later = text(ConsoleRenderer.finish(base, state, now: Fixtures.now.addingTimeInterval(3_600)))
        #expect(first != later, "waiting times and ages move with the clock")
        #expect(!text(base).contains("Deploy 0"), "the approvals pane is drawn with the clock")
        #expect(first.contains("Deploy 0") && later.contains("Deploy 0"))
    }

    /// The screen skips a row whose bytes are last frame's: a cell has no padding, so equal rows
    /// are equal bytes however their memory was used before; a changed cell sends its row to the
    /// cell-by-cell comparison.
    @Test func rowsOfEqualCellsAreEqualBytesAndOnlyThose() {
        #expect(MemoryLayout<Cell>.size == MemoryLayout<Cell>.stride, "no padding in a cell")
        // Dirty the heap the grids will come from.
        for _ in 0..<20 { _ = [UInt8](repeating: 0xA5, count: 120 * 40 * MemoryLayout<Cell>.stride) }
        let state = Fixtures.state(tasks: 10, pending: 2)
        let a = ConsoleRenderer.render(state, width: 120, height: 40, now: Fixtures.now)
        var b = a
        b[5, 7] = Cell("x", role: .warn)
        for y in 0..<40 { #expect(NcursesScreen.sameBits(a, b, row: y) == (y != 7)) }
        let redrawn = ConsoleRenderer.render(state, width: 120, height: 40, now: Fixtures.now)
        #expect((0..<40).allSatisfy { NcursesScreen.sameBits(a, redrawn, row: $0) }, "a frame drawn again is the same bytes")
        #expect(NcursesScreen.sameBits(CellGrid(width: 0, height: 3), CellGrid(width: 0, height: 3), row: 1))
    }
}
