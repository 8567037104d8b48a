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

/// A log store on a test clock: FilterLogEvents returns the events of the group from `startTime`.
final class ClockedLogs: LogsAPI, ServerClock, @unchecked Sendable {
    let clock: TestClock
    private let lock = NSLock()
    private var stored: [String: [LogEvent]] = [:]
    private(set) var reads: [String: Int] = [:]
    init(clock: TestClock) { self.clock = clock }

    func serverNow() -> Date { clock.now }
    func log(_ group: String, _ id: String) {
        let millis = Int64(clock.now.timeIntervalSince1970 * 1000)
        lock.withLock { stored[group, default: []].append(LogEvent(eventId: id, logGroup: group, logStream: "s", timestamp: millis, ingestionTime: millis, message: "m \(id)")) }
    }
    func filterLogEvents(_ request: FilterLogEventsRequest) async throws(StackError) -> FilterLogEventsPage {
        lock.withLock {
            reads[request.logGroupName, default: 0] += 1
            return FilterLogEventsPage(events: (stored[request.logGroupName] ?? []).filter { $0.timestamp >= request.startTime ?? 0 }, nextToken: nil)
        }
    }
    func describeLogGroups(prefix: String?, nextToken: String?) async throws(StackError) -> (groups: [LogGroupInfo], nextToken: String?) { ([], nil) }
    func startQuery(logGroupNames: [String], queryString: String, startTime: Int64, endTime: Int64, limit: Int?) async throws(StackError) -> String { "q" }
    func getQueryResults(queryId: String) async throws(StackError) -> InsightsQueryResults { InsightsQueryResults(status: "Complete", rows: []) }
}

@Suite struct EventsPollerTests {
    /// A group whose first read found nothing, read again long after the initial look-back: the
    /// second read starts where the first one ended, not a look-back before now.
    @Test func aLateSecondReadStartsWhereTheFirstEnded() async throws {
        let clock = TestClock()
        let logs = ClockedLogs(clock: clock)
        let store = StackStore()
        let poller = EventsPoller(logs: logs, store: store, clock: logs, groups: ["/quiet"], initialLookback: 900, local: { clock.now })
        try await poller.poll()
        clock.advance(10)
        logs.log("/quiet", "early")
        clock.advance(2000)
        logs.log("/quiet", "late")
        try await poller.poll()
        #expect(store.current().events.events.map(\.id) == ["early", "late"])
    }

    /// Busy groups are read more often, but a quiet one is never left unread past `maxIdle`.
    @Test func aQuietGroupIsReadWithinMaxIdle() async throws {
        let clock = TestClock()
        let logs = ClockedLogs(clock: clock)
        let store = StackStore()
        let poller = EventsPoller(logs: logs, store: store, clock: logs, groups: ["/busy", "/quiet"], callsPerSecond: 1, maxIdle: 60, local: { clock.now })
        var quietReads: [Date] = []
        for second in 0..<600 {
            clock.advance(1)
            for n in 0..<20 { logs.log("/busy", "b\(second)-\(n)") }
            let before = logs.reads["/quiet"] ?? 0
            try await poller.poll()
            if (logs.reads["/quiet"] ?? 0) > before { quietReads.append(clock.now) }
        }
        #expect(quietReads.count >= 9, "the quiet group is read about once a minute: \(quietReads.count) reads in 600 s")
        #expect(zip(quietReads, quietReads.dropFirst()).allSatisfy { $1.timeIntervalSince($0) <= 61 })
        #expect((logs.reads["/busy"] ?? 0) > 5 * quietReads.count, "the busy group still gets most reads")
    }

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

    /// With two groups a poll every two seconds at one call a second, the primary group (where task
    /// events land) is read on every poll, the others take turns with the second read, and the
    /// budget holds.
    @Test func thePrimaryGroupIsReadEveryPollWithinTheBudget() async throws {
        let clock = TestClock()
        let logs = ClockedLogs(clock: clock)
        let store = StackStore()
        let others = ["/lambda/a", "/lambda/b", "/states", "/api"]
        let poller = EventsPoller(logs: logs, store: store, clock: logs, groups: others + ["/events"], callsPerSecond: 1,
                                  primaryGroup: "/events", groupsPerPoll: 2, local: { clock.now })
        let polls = 300
        for poll in 0..<polls {
            clock.advance(2)
            logs.log("/events", "e\(poll)")
            let before = logs.reads["/events"] ?? 0
            try await poller.poll()
            #expect((logs.reads["/events"] ?? 0) == before + 1, "poll \(poll) read the primary group")
            #expect(store.current().events.events.contains { $0.id == "e\(poll)" }, "an event is visible after the next poll")
        }
        let total = logs.reads.values.reduce(0, +)
        #expect(total <= polls * 2, "at most one call a second: \(total) calls in \(polls * 2) s")
        for group in others {
            #expect((logs.reads[group] ?? 0) >= polls / others.count - 2, "\(group) takes its turn: \(logs.reads[group] ?? 0) reads")
        }
    }

    /// With one read per poll the primary group would take every read: it is only preferred among several.
    @Test func aSingleReadPerPollStillRotates() async throws {
        let clock = TestClock()
        let logs = ClockedLogs(clock: clock)
        let poller = EventsPoller(logs: logs, store: StackStore(), clock: logs, groups: ["/a", "/events"], callsPerSecond: 1,
                                  primaryGroup: "/events", groupsPerPoll: 1, local: { clock.now })
        for _ in 0..<20 {
            clock.advance(1)
            try await poller.poll()
        }
        #expect((logs.reads["/a"] ?? 0) >= 5)
    }
}
