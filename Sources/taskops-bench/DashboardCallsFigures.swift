import Foundation
import TaskOpsAWS
import TaskOpsCore
import TaskOpsService
import TaskOpsSim

/// API calls one dashboard refresh costs: the metrics poller's single GetMetricData against one
/// call per metric widget (what the CloudWatch web console does), both over loopback.
enum DashboardCallsFigures {
    static func run() async -> [Figure] {
        let clock = ManualSimClock(start: Date().addingTimeInterval(-3 * 3600))
        guard let h = try? await SimHarness.start(clock: clock) else {
            return [Figure("API calls per dashboard refresh", measured: "simulator failed to start", target: "1 GetMetricData")]
        }
        defer { Task { await h.stop() } }
        let generator = TrafficGenerator(stack: h.stack, seed: 3)
        for _ in 0..<60 { generator.step(); clock.advance(by: 60); h.stack.runDue() }
        let store = StackStore()
        let poller = MetricsPoller(cloudWatch: h.clients.cloudWatch, logs: nil, store: store, clock: h.clients.clock, names: StackNames(), apiId: h.stack.apiId)
        let refreshes = 5
        for _ in 0..<refreshes { try? await poller.poll() }
        let ours = Double(h.counter.count("GetMetricData")) / Double(refreshes)
        let snapshot = store.current().metrics
        let metricWidgets = snapshot.dashboard.widgets.filter { $0.kind == .metric }
        // The reference: the same window, one GetMetricData per metric widget.
        let before = h.counter.count("GetMetricData")
        let end = h.clients.clock.serverNow()
        for (w, widget) in metricWidgets.enumerated() {
            let queries = widget.metrics.enumerated().map { r, row in
                MetricDataQuery(id: "w\(w)r\(r)", namespace: row.namespace, metricName: row.metricName, dimensions: row.dimensions,
                                period: max(60, row.period), stat: row.stat, label: row.label)
            }
            _ = try? await h.clients.cloudWatch.getMetricData(GetMetricDataRequest(queries: queries, startTime: end.addingTimeInterval(-3 * 3600), endTime: end))
        }
        let perWidget = Double(h.counter.count("GetMetricData") - before)
        let rows = metricWidgets.reduce(0) { $0 + $1.metrics.count }
        return [
            Figure("API calls per dashboard refresh (\(metricWidgets.count) metric widgets, \(rows) rows)",
                   measured: Format.number(ours, digits: 0) + " GetMetricData", target: "1 GetMetricData",
                   reference: "per widget: " + Format.number(perWidget, digits: 0), ratio: Format.ratio(ours, perWidget), meetsTarget: ours == 1),
        ]
    }
}
