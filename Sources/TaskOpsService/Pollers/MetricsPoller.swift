import Foundation
import TaskOpsCore

/// Reads the dashboard and fetches every metric widget's rows in ONE GetMetricData call per
/// refresh (split only at 500 queries, following NextToken), windows computed on the server clock.
/// Log widgets run their Logs Insights query.
public final class MetricsPoller: SourcePoller, @unchecked Sendable {
    public let source = SourceID.metrics
    let cloudWatch: any CloudWatchAPI
    let logs: (any LogsAPI)?
    let store: StackStore
    let clock: any ServerClock
    let names: StackNames
    let apiId: String?
    let dashboardName: String
    let window: TimeInterval
    private let lock = NSLock()
    private var dashboardSource: DashboardSource = .deployed
    /// Whether the handlers' logs have shown that their role may not put the custom metrics.
    private var putMetricDataDenied = false

    public init(cloudWatch: any CloudWatchAPI, logs: (any LogsAPI)?, store: StackStore, clock: any ServerClock, names: StackNames,
                apiId: String?, dashboardName: String? = nil, window: TimeInterval = 3 * 3600) {
        self.cloudWatch = cloudWatch
        self.logs = logs
        self.store = store
        self.clock = clock
        self.names = names
        self.apiId = apiId
        self.dashboardName = dashboardName ?? names.dashboardName
        self.window = window
    }

    public func show(_ source: DashboardSource) { lock.withLock { dashboardSource = source } }

    public func poll() async throws(StackError) {
        let which = lock.withLock { dashboardSource }
        var note: String?
        var body: DashboardBody
        var name = dashboardName
        if which == .stack {
            body = BuiltInDashboards.stackDashboard(names, apiId: apiId)
            name = "stack (built-in)"
        } else {
            do {
                let info = try await cloudWatch.getDashboard(name: dashboardName)
                body = try DashboardBodyParser.parse(info.body)
            } catch let error as StackError where error.kind == .notFound || error.kind == .auth {
                note = "Dashboard \(dashboardName) could not be read (\(error.code)); showing the stack's Terraform layout"
                body = (try? DashboardBodyParser.parse(BuiltInDashboards.deployedBody(names))) ?? DashboardBody(widgets: [])
            } catch let error as StackError {
                throw error
            } catch let error as DashboardBodyParser.Failure {
                note = "Dashboard \(dashboardName): \(error.message); showing the stack's Terraform layout"
                body = (try? DashboardBodyParser.parse(BuiltInDashboards.deployedBody(names))) ?? DashboardBody(widgets: [])
            } catch {
                body = DashboardBody(widgets: [])
            }
        }
        let widgets = try await fetch(body)
        let placement = DashboardGridLayout.place(body.widgets)
        store.update { snapshot in
            snapshot.metrics.source = which
            snapshot.metrics.dashboardName = name
            snapshot.metrics.dashboard = body
            snapshot.metrics.placement = placement
            snapshot.metrics.widgets = widgets
            snapshot.metrics.dashboardNote = note
            snapshot.metrics.generation += 1
        }
    }

    /// Every row of every metric widget as one query list.
    static func queries(for body: DashboardBody) -> [(widget: Int, row: Int, query: MetricDataQuery)] {
        var result: [(Int, Int, MetricDataQuery)] = []
        for (w, widget) in body.widgets.enumerated() where widget.kind == .metric {
            for (r, row) in widget.metrics.enumerated() {
                result.append((w, r, MetricDataQuery(id: "w\(w)r\(r)", namespace: row.namespace, metricName: row.metricName,
                                                      dimensions: row.dimensions, period: max(60, row.period), stat: row.stat, label: row.label)))
            }
        }
        return result
    }

    func fetch(_ body: DashboardBody) async throws(StackError) -> [WidgetData] {
        let all = Self.queries(for: body)
        let end = clock.serverNow()
        let period = TimeInterval(all.map(\.query.period).max() ?? 300)
        let alignedEnd = Date(timeIntervalSince1970: (floor(end.timeIntervalSince1970 / period) + 1) * period)
        let start = alignedEnd.addingTimeInterval(-window)
        var results: [String: MetricDataResult] = [:]
        var index = 0
        while index < all.count {
            let chunk = Array(all[index..<min(all.count, index + CloudWatchLimits.maxQueriesPerGetMetricData)]).map(\.query)
            var token: String?
            repeat {
                let page = try await cloudWatch.getMetricData(GetMetricDataRequest(queries: chunk, startTime: start, endTime: alignedEnd, nextToken: token))
                for result in page.results {
                    if var existing = results[result.id] {
                        existing.timestamps += result.timestamps
                        existing.values += result.values
                        results[result.id] = existing
                    } else {
                        results[result.id] = result
                    }
                }
                token = page.nextToken
            } while token != nil
            index += CloudWatchLimits.maxQueriesPerGetMetricData
        }
        let denied = customMetricsDenied()
        var widgets: [WidgetData] = []
        for (w, widget) in body.widgets.enumerated() {
            switch widget.kind {
            case .metric:
                let series = widget.metrics.enumerated().map { r, row -> MetricSeries in
                    let result = results["w\(w)r\(r)"]
                    let pairs = zip(result?.timestamps ?? [], result?.values ?? []).sorted { $0.0 < $1.0 }
                    var reason = NoDataExplainer.reason(for: row, names: names)
                    if reason == nil, denied, pairs.isEmpty { reason = NoDataExplainer.caveat(namespace: row.namespace, names: names) }
                    return MetricSeries(label: row.displayLabel, row: row, timestamps: pairs.map(\.0), values: pairs.map(\.1), noDataReason: reason)
                }
                widgets.append(WidgetData(widgetIndex: w, series: series))
            case .log:
                widgets.append(await logWidget(w, widget, start: start, end: end))
            default:
                widgets.append(WidgetData(widgetIndex: w))
            }
        }
        return widgets
    }

    /// Whether the events read so far carry the handlers' AccessDenied lines for PutMetricData
    /// (once seen, for good: an empty custom metric is then explained, not merely empty).
    func customMetricsDenied() -> Bool {
        if lock.withLock({ putMetricDataDenied }) { return true }
        guard PutMetricDataDenial.seen(in: store.current().events.events, names: names) else { return false }
        lock.withLock { putMetricDataDenied = true }
        return true
    }

    func logWidget(_ index: Int, _ widget: DashboardWidget, start: Date, end: Date) async -> WidgetData {
        guard let logs, let query = widget.query else { return WidgetData(widgetIndex: index, note: "no query") }
        let (groups, text) = Self.splitSource(query)
        guard !groups.isEmpty else { return WidgetData(widgetIndex: index, note: "query names no SOURCE log group") }
        do {
            let id = try await logs.startQuery(logGroupNames: groups, queryString: text, startTime: Saturating.int64(start.timeIntervalSince1970),
                                               endTime: Saturating.int64(end.timeIntervalSince1970), limit: nil)
            for _ in 0..<10 {
                let results = try await logs.getQueryResults(queryId: id)
                if ["Complete", "Failed", "Cancelled", "Timeout"].contains(results.status) {
                    let columns = results.rows.first?.map(\.field).filter { $0 != "@ptr" } ?? []
                    let rows = results.rows.map { row in columns.map { column in row.first { $0.field == column }?.value ?? "" } }
                    return WidgetData(widgetIndex: index, logColumns: columns, logRows: rows,
                                      note: results.status == "Complete" ? nil : "query \(results.status.lowercased())")
                }
                try? await Task.sleep(nanoseconds: 200_000_000)
            }
            return WidgetData(widgetIndex: index, note: "query still running")
        } catch {
            return WidgetData(widgetIndex: index, note: error.description)
        }
    }

    /// `SOURCE '/a' | SOURCE '/b' | fields …` → (["/a", "/b"], "fields …").
    static func splitSource(_ query: String) -> ([String], String) {
        var groups: [String] = []
        var rest: [Substring] = []
        for part in query.split(separator: "|") {
            let trimmed = part.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.hasPrefix("SOURCE") {
                for quoted in trimmed.split(separator: "'").enumerated() where quoted.offset % 2 == 1 { groups.append(String(quoted.element)) }
            } else {
                rest.append(part)
            }
        }
        return (groups, rest.joined(separator: "|").trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
