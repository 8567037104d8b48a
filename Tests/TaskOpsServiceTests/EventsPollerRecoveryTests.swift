import Foundation
import Testing
import TaskOpsCore
@testable import TaskOpsService

/// A log store on a test clock that behaves as CloudWatch Logs does where the events poller must
/// recover: a group may not exist yet, an event becomes readable only at its ingestion time, pages
/// hold `pageSize` events, and tokens issued before `expireTokens()` are answered InvalidParameterException.
final class DeliveringLogs: LogsAPI, ServerClock, @unchecked Sendable {
    let clock: TestClock
    let pageSize: Int
    private let lock = NSLock()
    private var stored: [String: [LogEvent]] = [:]
    private(set) var reads: [String: Int] = [:]
    private(set) var tokensSent: [String] = []
    private var issued = 0
    private var expiredBelow = 0

    init(clock: TestClock, groups: [String], pageSize: Int = 1000) {
        self.clock = clock
        self.pageSize = pageSize
        for group in groups { stored[group] = [] }
    }

    func serverNow() -> Date { clock.now }
    var millis: Int64 { Int64(clock.now.timeIntervalSince1970 * 1000) }

    func createGroup(_ group: String) { lock.withLock { stored[group] = stored[group] ?? [] } }

    /// Every token issued so far is refused from now on; returns how many were issued.
    @discardableResult
    func expireTokens() -> Int { lock.withLock { expiredBelow = issued; return issued } }

    static func serial(_ token: String) -> Int { Int(token.split(separator: "#").last ?? "") ?? -1 }

    /// An event stamped `age` seconds ago, readable from now on.
    func log(_ group: String, _ id: String, age: TimeInterval = 0) {
        let event = LogEvent(eventId: id, logGroup: group, logStream: "s", timestamp: millis - Int64(age * 1000), ingestionTime: millis, message: "m \(id)")
        lock.withLock { stored[group]?.append(event) }
    }

    func filterLogEvents(_ request: FilterLogEventsRequest) async throws(StackError) -> FilterLogEventsPage {
        let now = millis
        let answer = lock.withLock { () -> Result<FilterLogEventsPage, StackError> in
            reads[request.logGroupName, default: 0] += 1
            if let token = request.nextToken {
                tokensSent.append(token)
                if Self.serial(token) < expiredBelow {
                    return .failure(StackError(kind: .validation, code: "InvalidParameterException", message: "The specified nextToken is invalid."))
                }
            }
            guard let events = stored[request.logGroupName] else {
                return .failure(StackError(kind: .notFound, code: "ResourceNotFoundException", message: "The specified log group does not exist."))
            }
            let visible = events.filter { $0.ingestionTime <= now && $0.timestamp >= request.startTime ?? 0 }.sorted { $0.timestamp < $1.timestamp }
            let offset = Int(request.nextToken?.split(separator: "@").last?.split(separator: "#").first ?? "0") ?? 0
            let page = Array(visible.dropFirst(offset).prefix(pageSize))
            var next: String?
            if offset + page.count < visible.count {
                next = "\(request.logGroupName)@\(offset + page.count)#\(issued)"
                issued += 1
            }
            return .success(FilterLogEventsPage(events: page, nextToken: next))
        }
        return try answer.get()
    }

    func describeLogGroups(prefix: String?, nextToken: String?) async throws(StackError) -> (groups: [LogGroupInfo], nextToken: String?) { ([], nil) }
    func startQuery(logGroupNames: [String], queryString: String, startTime: Int64, endTime: Int64, limit: Int?) async throws(StackError) -> String { "q" }
    func getQueryResults(queryId: String) async throws(StackError) -> InsightsQueryResults { InsightsQueryResults(status: "Complete", rows: []) }
}

@Suite struct EventsPollerRecoveryTests {
    /// A Lambda's log group is made by its first invocation, often after the console started: the
    /// group is looked for again every `missingRecheck`, and at once on a refresh.
    @Test func aMissingGroupIsLookedForAgain() async throws {
        let clock = TestClock()
        let logs = DeliveringLogs(clock: clock, groups: ["/events"])
        let store = StackStore()
        let poller = EventsPoller(logs: logs, store: store, clock: logs, groups: ["/events", "/aws/lambda/late"], callsPerSecond: 5,
                                  groupsPerPoll: 2, missingRecheck: 180, local: { clock.now })
        try await poller.poll()
        #expect(poller.missingGroups == ["/aws/lambda/late"])
        logs.createGroup("/aws/lambda/late")
        clock.advance(5)
        logs.log("/aws/lambda/late", "first")
        for _ in 0..<10 {
            clock.advance(10)
            try await poller.poll()
        }
        #expect(logs.reads["/aws/lambda/late"] == 1, "not read again before the re-check is due")
        clock.advance(90)
        try await poller.poll()
        #expect(poller.missingGroups.isEmpty)
        #expect(store.current().events.events.map(\.id) == ["first"], "what the group logged since it was found missing is read")

        logs.log("/events", "e")
        let refreshed = EventsPoller(logs: logs, store: StackStore(), clock: logs, groups: ["/events", "/aws/lambda/new"], callsPerSecond: 5,
                                     groupsPerPoll: 2, missingRecheck: 180, local: { clock.now })
        try await refreshed.poll()
        #expect(refreshed.missingGroups == ["/aws/lambda/new"])
        logs.createGroup("/aws/lambda/new")
        let scheduler = PollScheduler(store: StackStore(), entries: [.init(poller: refreshed, interval: 2)], now: { clock.now })
        await scheduler.refresh(.events)
        clock.advance(2)
        try await refreshed.poll()
        #expect(refreshed.missingGroups.isEmpty, "a refresh looks for the missing group at once")
    }

    /// A token the service refuses is dropped, never sent again: the group is read again from the
    /// overlap window and the refusal counted.
    @Test func aRefusedTokenIsDroppedAndTheGroupReRead() async throws {
        let clock = TestClock()
        let logs = DeliveringLogs(clock: clock, groups: ["/g"], pageSize: 1)
        let store = StackStore()
        let poller = EventsPoller(logs: logs, store: store, clock: logs, groups: ["/g"], callsPerSecond: 2, maxPagesPerPoll: 2, local: { clock.now })
        for n in 0..<4 { logs.log("/g", "e\(n)") }
        try await poller.poll()
        #expect(store.current().events.events.map(\.id) == ["e0", "e1"], "the page budget stopped the chain at a token")
        let expired = logs.expireTokens()
        for _ in 0..<6 {
            clock.advance(2)
            try await poller.poll()
        }
        #expect(logs.tokensSent.filter { DeliveringLogs.serial($0) < expired }.count == 2, "each token sent once, the refused one never again: \(logs.tokensSent)")
        #expect(store.current().events.readHealth.refusedTokens == 1)
        #expect(store.current().events.events.map(\.id) == ["e0", "e1", "e2", "e3"], "re-read from the window, nothing lost")
    }

    /// Events that become readable long after their timestamp: the reads measure the delay, widen
    /// the window to keep catching them, and say when one came later than the window allowed.
    @Test func ingestionDelayWidensTheWindowAndLateArrivalsAreShown() async throws {
        let clock = TestClock()
        let logs = DeliveringLogs(clock: clock, groups: ["/g"])
        let store = StackStore()
        let poller = EventsPoller(logs: logs, store: store, clock: logs, groups: ["/g"], callsPerSecond: 1, overlap: 60, maxOverlap: 900,
                                  local: { clock.now })
        try await poller.poll()
        logs.log("/g", "prompt", age: 2)
        clock.advance(2)
        try await poller.poll()
        #expect(poller.windowMillis == 60_000, "a delay of seconds keeps the configured window")
        #expect(store.current().events.readHealth.lateEvents == 0)
        // An event stamped 50 s before the last read, delivered 90 s after its timestamp: still in the window.
        clock.advance(40)
        logs.log("/g", "slow", age: 90)
        clock.advance(2)
        try await poller.poll()
        #expect(store.current().events.events.map(\.id).contains("slow"))
        #expect(store.current().events.readHealth.lateEvents == 1, "90 s is later than the 60 s window allowed")
        #expect(poller.windowMillis == 180_000, "the window widens to twice the delay")
        #expect(store.current().events.readHealth.lateWarning(now: clock.now) != nil)
        // A second event as late, stamped before the last read's start less the configured window,
        // is caught with the widened window, and is no longer late.
        clock.advance(1)
        logs.log("/g", "slow again", age: 90)
        clock.advance(2)
        try await poller.poll()
        #expect(store.current().events.events.map(\.id).contains("slow again"))
        #expect(store.current().events.readHealth.lateEvents == 1)
        clock.advance(EventReadHealth.warningSpan)
        #expect(store.current().events.readHealth.lateWarning(now: clock.now) == nil, "the warning clears after a while")
    }
}
