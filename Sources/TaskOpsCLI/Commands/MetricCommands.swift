import Foundation
import TaskOpsCore
import TaskOpsService

/// `taskops metrics`: every dashboard row with its latest value, in one GetMetricData call.
public enum MetricCommands {
    public static func run(_ context: CommandContext, clock: any ServerClock, stackDashboard: Bool) async -> ExitStatus {
        guard let cloudWatch = context.cloudWatch else { return context.fail("no CloudWatch client configured", .config) }
        let store = StackStore()
        let poller = MetricsPoller(cloudWatch: cloudWatch, logs: context.logs, store: store, clock: clock, names: context.target.names,
                                   apiId: context.target.apiID, dashboardName: context.target.dashboardName)
        if stackDashboard { poller.show(.stack) }
        do { try await poller.poll() } catch { return context.fail(error) }
        let metrics = store.current().metrics
        if let note = metrics.dashboardNote { context.output.error("taskops: \(note)") }
        var rows: [JSONValue] = []
        var table = TextTable(columns: [TextTable.Column("WIDGET", maxWidth: 28), TextTable.Column("SERIES", maxWidth: 28),
                                        TextTable.Column("LATEST", maxWidth: 14, alignRight: true), TextTable.Column("NOTE", maxWidth: 90)])
        for widget in metrics.widgets {
            let title = metrics.dashboard.widgets.indices.contains(widget.widgetIndex) ? metrics.dashboard.widgets[widget.widgetIndex].title : ""
            for series in widget.series {
                let latest = series.latest.map { String(format: "%.2f", $0) } ?? "-"
                let note = series.noDataReason.map { "never has data: \($0)" } ?? (series.values.isEmpty ? "no datapoints in the last 3 h" : "")
                table.add([title, "\(series.label) (\(series.row.stat))", latest, note])
                rows.append(.object(["widget": .string(title), "label": .string(series.label), "namespace": .string(series.row.namespace),
                                     "metric": .string(series.row.metricName), "stat": .string(series.row.stat),
                                     "latest": series.latest.map { .double($0) } ?? .null,
                                     "noDataReason": series.noDataReason.map { .string($0) } ?? .null]))
            }
        }
        if context.json {
            context.output.print(JSONWriter.compact(.object(["dashboard": .string(metrics.dashboardName), "series": .array(rows)])))
        } else {
            context.output.print(table.render(context.measure))
        }
        return .ok
    }
}
