import Foundation
import Testing
import TaskOpsCore
@testable import TaskOpsUI

@Suite struct ChartTests {
    static func series(_ label: String, _ values: [Double], reason: String? = nil) -> MetricSeries {
        let row = DashboardMetricRow(namespace: "AWS/Lambda", metricName: label, stat: "Sum", period: 60)
        let times = values.indices.map { Fixtures.now.addingTimeInterval(Double($0 - values.count) * 60) }
        return MetricSeries(label: label, row: row, timestamps: reason == nil ? times : [], values: reason == nil ? values : [], noDataReason: reason)
    }

    static func draw(_ glyphs: ChartGlyphs, width: Int = 60, height: Int = 12) -> [String] {
        var grid = CellGrid(width: width, height: height)
        let data = [series("Invocations", [0, 4, 9, 3, 12, 7, 20, 15]), series("Errors", [0, 0, 1, 0, 2, 0, 0, 1]),
                    series("4XXError", [], reason: "a REST API metric; HTTP APIs emit 4xx")]
        LineChart.render(data, glyphs: glyphs, into: &grid, frame: Frame(x: 0, y: 0, width: width, height: height))
        return grid.lines
    }

    @Test func brailleChartHasAxisLegendAndReasons() {
        let lines = Self.draw(.braille)
        let text = lines.joined(separator: "\n")
        #expect(text.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) }, "braille dots are drawn")
        #expect(lines[1].contains("20"), "the top axis label is the maximum")
        #expect(text.contains("┤"))
        #expect(text.contains("Invocations 15") && text.contains("Errors 1"), "legend with latest values")
        #expect(text.contains("4XXError: no data: a REST API metric"))
    }

    @Test func blocksAndASCIIFallbacks() {
        let blocks = Self.draw(.blocks).joined()
        #expect(blocks.contains("▀") || blocks.contains("▄") || blocks.contains("█"))
        #expect(!blocks.unicodeScalars.contains { (0x2800...0x28FF).contains($0.value) })
        let ascii = Self.draw(.ascii).joined(separator: "\n")
        #expect(ascii.contains("*") && ascii.contains("+"), "one mark per series")
        #expect(!ascii.contains("▀") && !ascii.contains("⠁"))
    }

    @Test func theHighestPointIsOnTheTopRowAndZeroOnTheBottom() {
        var canvas = DotCanvas(columns: 4, rows: 2, glyphs: .braille)
        canvas.line(from: (0, 7), to: (7, 0), series: 0)
        #expect(canvas.glyph(column: 0, row: 1) != nil && canvas.glyph(column: 3, row: 0) != nil)
        #expect(canvas.glyph(column: 0, row: 0) == nil && canvas.glyph(column: 3, row: 1) == nil)
        // Bottom-left cell: dots (0, 7) and (1, 6) are braille dots 7 (0x40) and 6 (0x20); top-right
        // cell: dots (6, 1) and (7, 0) are dots 2 (0x02) and 4 (0x08).
        #expect(canvas.glyph(column: 0, row: 1)?.text == "\u{2860}")
        #expect(canvas.glyph(column: 3, row: 0)?.text == "\u{280A}")
    }

    @Test func glyphsFollowTheTerminal() {
        #expect(ChartGlyphs.detect(utf8: true, term: "xterm-256color") == .braille)
        #expect(ChartGlyphs.detect(utf8: true, term: "linux") == .blocks)
        #expect(ChartGlyphs.detect(utf8: false, term: "xterm") == .ascii)
        #expect(ConsoleState(header: Fixtures.state().header, ascii: true).chartGlyphs == .ascii)
    }

    @Test func chartsCommandSwitchesGlyphs() {
        var state = Fixtures.state()
        for key in ":charts blocks" { state = ConsoleReducer.reduce(state, .key(.char(key))).0 }
        state = ConsoleReducer.reduce(state, .key(.enter)).0
        #expect(state.chartGlyphs == .blocks)
        for key in ":charts nope" { state = ConsoleReducer.reduce(state, .key(.char(key))).0 }
        state = ConsoleReducer.reduce(state, .key(.enter)).0
        #expect(state.flash?.contains("braille") == true)
    }

    @Test func hostileLabelsStayInert() {
        var grid = CellGrid(width: 50, height: 8)
        LineChart.render([Self.series("\u{1B}]52;c;aGk=\u{07}evil\u{202E}", [1, 2, 3])], glyphs: .braille, into: &grid, frame: Frame(x: 0, y: 0, width: 50, height: 8))
        let text = grid.lines.joined()
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E })
    }
}

@Suite struct OtherWidgetTests {
    @Test func alarmAndTextWidgetsShowTheirContent() {
        var state = Fixtures.state()
        let body = DashboardBody(widgets: [
            DashboardWidget(kind: .alarm, typeName: "alarm", x: 0, y: 0, width: 12, height: 6, title: "Alarms",
                            alarms: ["arn:aws:cloudwatch:us-east-1:123456789012:alarm:task-manager-api-latency-dev", "arn:aws:cloudwatch:us-east-1:1:alarm:gone"]),
            DashboardWidget(kind: .text, typeName: "text", x: 12, y: 0, width: 12, height: 6, markdown: "# Runbook\nSee **[the wiki](https://x)** first"),
        ])
        state.snapshot.metrics.dashboard = body
        state.snapshot.metrics.placement = DashboardGridLayout.place(body.widgets)
        state.snapshot.alarms.alarms = [AlarmStatus(alarm: AlarmInfo(name: "task-manager-api-latency-dev",
                                                                     arn: "arn:aws:cloudwatch:us-east-1:123456789012:alarm:task-manager-api-latency-dev", state: .alarm,
                                                                     stateUpdated: Fixtures.now, namespace: "AWS/ApiGateway", metricName: "Latency", statistic: "Average",
                                                                     period: 300, evaluationPeriods: 2, threshold: 2000))]
        state.focus = .metrics
        state.zoomed = true
        let text = ConsoleRenderer.render(state, width: 160, height: 40, now: Fixtures.now).lines.joined(separator: "\n")
        #expect(text.contains("ALARM") && text.contains("api-latency"))
        #expect(text.contains("UNKNOWN") && text.contains("gone"), "an alarm the stack does not have says so")
        #expect(text.contains("Runbook") && text.contains("See the wiki first"))
    }
}

@Suite struct ASCIIModeTests {
    @Test func asciiModeWritesOnlyASCIIAndKeepsColumns() {
        var state = Fixtures.state()
        state.ascii = true
        state.chartGlyphs = .ascii
        state.snapshot.tasks.tasks[0].title = "Fix flaky test ☕ — 支払い API…"
        let grid = ConsoleRenderer.render(state, width: 120, height: 40, now: Fixtures.now)
        #expect(grid.cells.allSatisfy { $0.text.utf8.allSatisfy { $0 < 0x80 } && !$0.text.isEmpty }, "every cell is printable ASCII")
        let row = grid.lines.first { $0.contains("Fix flaky test") } ?? ""
        #expect(row.contains("Fix flaky test ??~ pending"), "a wide character keeps its two columns: \(row)")
        let unicode = ConsoleRenderer.render(Fixtures.state(), width: 120, height: 40, now: Fixtures.now)
        #expect(unicode.cells.contains { $0.text == "─" }, "Unicode terminals keep box drawing")
    }
}
