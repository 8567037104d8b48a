import Foundation
import Testing
import TaskOpsCore
@testable import TaskOpsService

/// CloudWatch that serves one dashboard and records each GetMetricData call's size and token.
final class RecordingCloudWatch: CloudWatchAPI, @unchecked Sendable {
    let body: String
    private let lock = NSLock()
    private(set) var calls: [(queries: Int, token: String?)] = []
    init(body: String) { self.body = body }

    func getMetricData(_ request: GetMetricDataRequest) async throws(StackError) -> GetMetricDataPage {
        lock.withLock { calls.append((request.queries.count, request.nextToken)) }
        // The first chunk answers in two pages, to show the token is followed before the next chunk.
        let firstPage = request.nextToken == nil && request.queries.first?.id == "w0r0"
        let at = Date(timeIntervalSince1970: firstPage ? 1_795_000_000 : 1_795_000_060)
        let results = request.queries.map { MetricDataResult(id: $0.id, label: $0.metricName, timestamps: [at], values: [firstPage ? 1 : 2],
                                                               statusCode: firstPage ? "PartialData" : "Complete") }
        return GetMetricDataPage(results: results, nextToken: firstPage ? "page2" : nil)
    }
    func getDashboard(name: String) async throws(StackError) -> DashboardInfo { DashboardInfo(name: name, body: body) }
    func listDashboards(prefix: String?) async throws(StackError) -> [String] { [] }
    func describeAlarms(prefix: String?, maxRecords: Int?, nextToken: String?) async throws(StackError) -> DescribeAlarmsPage { DescribeAlarmsPage(alarms: [], nextToken: nil) }
    func describeAlarmHistory(alarmName: String?, maxRecords: Int?, nextToken: String?) async throws(StackError) -> (items: [AlarmHistoryItem], nextToken: String?) { ([], nil) }
}

struct FixedClock: ServerClock {
    func serverNow() -> Date { Date(timeIntervalSince1970: 1_795_000_100) }
}

@Suite struct MetricsPollerSplitTests {
    /// 13 widgets of 40 rows: 520 queries.
    static let bigDashboard: String = {
        let widgets = (0..<13).map { w in
            let rows = (0..<40).map { r in #"["AWS/Lambda", "Invocations", "FunctionName", "fn-\#(w)-\#(r)"]"# }.joined(separator: ",")
            return #"{"type": "metric", "properties": {"title": "w\#(w)", "period": 60, "stat": "Sum", "metrics": [\#(rows)]}}"#
        }
        return #"{"widgets": [\#(widgets.joined(separator: ","))]}"#
    }()

    @Test func moreThan500QueriesSplitIntoTwoCallsAndTokensAreFollowed() async throws {
        let cloudWatch = RecordingCloudWatch(body: Self.bigDashboard)
        let store = StackStore()
        let poller = MetricsPoller(cloudWatch: cloudWatch, logs: nil, store: store, clock: FixedClock(), names: StackNames(), apiId: nil)
        try await poller.poll()
        #expect(cloudWatch.calls.map(\.queries) == [500, 500, 20], "500, its second page, then the remaining 20")
        #expect(cloudWatch.calls.map(\.token) == [nil, "page2", nil])
        let widgets = store.current().metrics.widgets
        #expect(widgets.count == 13)
        #expect(widgets[0].series[0].values == [1, 2], "pages of one series are merged in time order")
        #expect(widgets[12].series[39].values == [2])
    }
}
