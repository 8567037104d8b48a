import Foundation
import Testing
import TaskOpsCore
@testable import TaskOpsService

/// Answers FilterLogEvents with `emptyPages` empty pages carrying tokens, then one event.
final class EmptyPagesLogs: LogsAPI, @unchecked Sendable {
    let emptyPages: Int
    private let lock = NSLock()
    var tokensAsked: [String] = []
    init(emptyPages: Int) { self.emptyPages = emptyPages }

    func filterLogEvents(_ request: FilterLogEventsRequest) async throws(StackError) -> FilterLogEventsPage {
        let position = Int(request.nextToken ?? "0") ?? 0
        lock.withLock { tokensAsked.append(request.nextToken ?? "-") }
        if position < emptyPages { return FilterLogEventsPage(events: [], nextToken: String(position + 1)) }
        return FilterLogEventsPage(events: [LogEvent(eventId: "late", logGroup: request.logGroupName, logStream: "s", timestamp: 5, ingestionTime: 5,
                                                     message: "Published TaskCreated event for task x")], nextToken: nil)
    }
    func describeLogGroups(prefix: String?, nextToken: String?) async throws(StackError) -> (groups: [LogGroupInfo], nextToken: String?) { ([], nil) }
    func startQuery(logGroupNames: [String], queryString: String, startTime: Int64, endTime: Int64, limit: Int?) async throws(StackError) -> String { "q" }
    func getQueryResults(queryId: String) async throws(StackError) -> InsightsQueryResults { InsightsQueryResults(status: "Complete", rows: []) }
}

@Suite struct EventsPollerTests {
    @Test func aLongRunOfEmptyPagesIsResumedNotRestarted() async throws {
        let logs = EmptyPagesLogs(emptyPages: 12)
        let store = StackStore()
        let clock = TestClock()
        let poller = EventsPoller(logs: logs, store: store, clock: SystemTimeSource(), groups: ["/g"], callsPerSecond: 1, local: { clock.now })
        for _ in 0..<20 {
            clock.advance(10)
            try await poller.poll()
        }
        #expect(store.current().events.events.map(\.id) == ["late"], "the event after the empty pages arrives")
        // Three polls walk one chain: five pages each, resumed where the page budget stopped it.
        #expect(Array(logs.tokensAsked.prefix(13)) == ["-"] + (1...12).map(String.init), "the chain is resumed, not started over")
    }
}
