import Foundation
import Testing
import TaskOpsCore
import TaskOpsTesting
@testable import TaskOpsUI

/// What the simulator cannot carry yet — hostile alarm names and reasons, dashboard and widget
/// titles, series labels, Logs Insights rows, and values that are NaN, infinite or huge — rendered
/// straight from a snapshot: inert, inside the pane, no crash.
@Suite struct HostileMetricsPaneTests {
    static func snapshot(_ texts: [String]) throws -> StackSnapshot {
        var snapshot = StackSnapshot()
        let widgets: [JSONValue] = texts.prefix(12).enumerated().map { index, text in
            index % 3 == 2
                ? .object(["type": .string("log"), "properties": .object(["title": .string(text), "query": .string(text)])])
                : .object(["type": .string("metric"), "properties": .object([
                    "title": .string(text), "period": .int(300),
                    "metrics": .array([.array([.string("AWS/Lambda"), .string(text), .object(["label": .string(text), "stat": .string("Sum")])])]),
                ])])
        }
        let body = try DashboardBodyParser.parse(JSONWriter.compact(.object(["widgets": .array(widgets)])))
        snapshot.metrics.dashboard = body
        snapshot.metrics.dashboardName = texts[0]
        snapshot.metrics.dashboardNote = texts[1]
        snapshot.metrics.placement = DashboardGridLayout.place(body.widgets)
        let now = Date(timeIntervalSince1970: 1_795_000_000)
        let odd: [Double] = [.nan, .infinity, -.infinity, 1e308, -1e308, 0, 5, .leastNonzeroMagnitude]
        snapshot.metrics.widgets = body.widgets.enumerated().map { index, widget in
            WidgetData(widgetIndex: index,
                       series: widget.metrics.map { row in
                           MetricSeries(label: row.displayLabel, row: row, timestamps: odd.indices.map { now.addingTimeInterval(Double($0) * 60) }, values: odd,
                                        noDataReason: texts[(index + 3) % texts.count])
                       },
                       logColumns: [texts[index % texts.count], "@message"], logRows: [[texts[(index + 1) % texts.count], texts[(index + 2) % texts.count]]],
                       note: texts[(index + 4) % texts.count])
        }
        snapshot.alarms.alarms = texts.prefix(40).enumerated().map { index, text in
            AlarmStatus(alarm: AlarmInfo(name: text, description: text, state: [.ok, .alarm, .insufficientData][index % 3], stateReason: text,
                                         stateUpdated: index % 5 == 0 ? Date(timeIntervalSince1970: 1e300) : now, namespace: text, metricName: text,
                                         statistic: text, period: index % 7 == 0 ? Int.max : 300, evaluationPeriods: 2,
                                         threshold: odd[index % odd.count]),
                        noDataReason: index % 2 == 0 ? text : nil)
        }
        return snapshot
    }

    @Test func metricsPaneRendersHostileAlarmsAndDashboardsInert() throws {
        let texts = HostileStrings.all.filter { !$0.isEmpty }
        for offset in stride(from: 0, to: texts.count, by: 40) {
            let slice = Array(texts[offset...] + texts[..<offset])
            var state = ConsoleState(header: HeaderInfo(stack: slice[0], region: slice[1], endpoint: slice[2], mode: "TEST"))
            state = ConsoleReducer.reduce(state, .snapshot(try Self.snapshot(slice))).0
            state.focus = .metrics
            for (zoomed, mode) in [(false, Mode.normal), (true, .normal), (true, .detail)] {
                state.zoomed = zoomed
                state.mode = mode
                for selected in [0, 7, 39] {
                    state.selection[.metrics] = selected
                    for (w, h) in [(160, 50), (80, 24)] {
                        let grid = ConsoleRenderer.render(state, width: w, height: h, now: Date(timeIntervalSince1970: 1_795_000_100))
                        let controls = grid.cells.flatMap { $0.text.unicodeScalars.map(\.value) }.filter {
                            $0 < 0x20 || (0x7F...0x9F).contains($0) || (0x202A...0x202E).contains($0) || (0x2066...0x2069).contains($0)
                        }
                        #expect(controls.isEmpty, "offset \(offset) \(w)x\(h) zoomed \(zoomed): \(controls.prefix(5))")
                        if mode == .normal {
                            for y in 2..<(h - 3) { #expect(["│", "┐", "┘"].contains(grid[w - 1, y].text), "offset \(offset) \(w)x\(h) row \(y) lost its border") }
                        }
                    }
                }
            }
        }
    }
}
