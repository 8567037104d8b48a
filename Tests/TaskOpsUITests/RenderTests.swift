import Foundation
import Testing
import TaskOpsCore
import TaskOpsTesting
@testable import TaskOpsUI

@Suite struct RenderTests {
    @Test func allFourPanesAppearAt80x24And200x60() {
        for (w, h) in [(80, 24), (200, 60)] {
            let text = ConsoleRenderer.render(Fixtures.state(), width: w, height: h, now: Fixtures.now).lines.joined(separator: "\n")
            for title in ["1 Tasks", "2 Events", "3 Approvals", "4 Metrics"] { #expect(text.contains(title), "\(title) at \(w)x\(h)") }
            #expect(text.contains("DEMO"))
        }
    }

    @Test func tooSmallScreenSaysSo() {
        let text = ConsoleRenderer.render(Fixtures.state(), width: 40, height: 10, now: Fixtures.now).lines.joined()
        #expect(text.contains("Terminal too small"))
    }

    @Test func hostileStringsRenderInertAndAligned() {
        var state = Fixtures.state(tasks: 0, pending: 0)
        var snapshot = state.snapshot
        snapshot.tasks.tasks = HostileStrings.all.enumerated().map { Fixtures.task($0.offset, title: $0.element) }
        state = ConsoleReducer.reduce(state, .snapshot(snapshot)).0
        state.zoomed = true
        for start in stride(from: 0, to: HostileStrings.all.count, by: 30) {
            state.selection[.tasks] = start
            let grid = ConsoleRenderer.render(state, width: 120, height: 40, now: Fixtures.now)
            for cell in grid.cells {
                for scalar in cell.text.unicodeScalars {
                    #expect(scalar.value >= 0x20 && scalar.value != 0x7F && !(0x80..<0xA0).contains(scalar.value), "control \(scalar.value) reached the grid")
                    #expect(!(0x202A...0x202E).contains(scalar.value) && !(0x2066...0x2069).contains(scalar.value))
                }
            }
            // Every row keeps its right border in the last column: nothing pushed the layout.
            for y in 2..<37 { #expect(grid[119, y].text == "│") }
        }
    }

    @Test func sanitizerNeutralizesEscapeSequences() {
        #expect(Sanitizer.clean("a\u{1B}]52;c;cm0=\u{07}b") == "a␛b")
        #expect(Sanitizer.clean("x\u{1B}[2Jy") == "x␛y")
        #expect(Sanitizer.clean("\u{202E}txt") == "⁇txt")
        #expect(Sanitizer.clean("tab\there\nnew") == "tab here new")
        #expect(Sanitizer.clean("\u{9B}31mred") == "␛red")
    }

    @Test func widthsOfWideAndCombiningText() {
        #expect(DisplayWidth.of("日本") == 4)
        #expect(DisplayWidth.of("e\u{0301}") == 1)
        #expect(DisplayWidth.of("😀") == 2)
        #expect(DisplayWidth.of("a\u{200B}b") == 2)
        var grid = CellGrid(width: 5, height: 1)
        grid.put("日本語", x: 0, y: 0)
        #expect(grid.lines == ["日本 "], "a wide character is never split at the edge")
    }

    @Test func unchangedFramesWriteNothingAndOneRowWritesLittle() {
        let screen = MemoryScreen(width: 200, height: 60)
        var state = Fixtures.state(tasks: 50)
        let full = screen.draw(ConsoleRenderer.render(state, width: 200, height: 60, now: Fixtures.now))
        #expect(screen.draw(ConsoleRenderer.render(state, width: 200, height: 60, now: Fixtures.now)) == 0)
        var snapshot = state.snapshot
        snapshot.tasks.tasks[45].status = "blocked"
        state = ConsoleReducer.reduce(state, .snapshot(snapshot)).0
        let changed = screen.draw(ConsoleRenderer.render(state, width: 200, height: 60, now: Fixtures.now))
        #expect(changed > 0)
        #expect(changed * 50 <= full, "one changed row writes at most 2 % of a full repaint")
    }

    @Test func renderingVisitsOnlyVisibleRows() {
        var state = Fixtures.state(tasks: 0)
        var snapshot = state.snapshot
        snapshot.events.events = (0..<100_000).map { TaskEvent(id: "e\($0)", timestamp: Int64($0), logGroup: "g", source: "s", kind: .other, summary: "row \($0)", raw: "") }
        state = ConsoleReducer.reduce(state, .snapshot(snapshot)).0
        let text = ConsoleRenderer.render(state, width: 120, height: 40, now: Fixtures.now).lines.joined(separator: "\n")
        #expect(text.contains("row 99999"))
        #expect(!text.contains("row 99000 "))
    }

    @Test func metricsPaneExplainsRowsWithoutData() throws {
        var state = Fixtures.state()
        var snapshot = state.snapshot
        let body = try DashboardBodyParser.parse(BuiltInDashboards.deployedBody(StackNames()))
        snapshot.metrics.dashboard = body
        snapshot.metrics.placement = DashboardGridLayout.place(body.widgets)
        snapshot.metrics.widgets = body.widgets.enumerated().map { index, widget in
            WidgetData(widgetIndex: index, series: widget.metrics.map { MetricSeries(label: $0.displayLabel, row: $0, timestamps: [Fixtures.now], values: [3],
                                                                                    noDataReason: NoDataExplainer.reason(for: $0, names: StackNames())) })
        }
        state = ConsoleReducer.reduce(state, .snapshot(snapshot)).0
        state.focus = .metrics
        state.zoomed = true
        let text = ConsoleRenderer.render(state, width: 200, height: 60, now: Fixtures.now).lines.joined(separator: "\n")
        #expect(text.contains("no data: 4XXError is a REST"))
        #expect(text.contains("Lambda Metrics Overview"))
    }
}
