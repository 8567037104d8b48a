import Foundation
import TaskOpsCore

/// Reads the stack's log groups with FilterLogEvents, within a call budget shared with every other
/// tool of the account (default 1 call/s in all, the account limit being 5/s). A poll reads up to
/// `groupsPerPoll` groups: the primary group first (the bus's catch-all log, where every task event
/// lands, so task events show within one poll), then the others, spending more calls on the
/// groups that have been busiest, yet reading every group at least every `maxIdle`. Each read
/// starts an overlap window before the server time the previous read of that group covered (late
/// arrivals), however long ago that was, follows `nextToken` through empty pages, and de-duplicates
/// by eventId. The window is `overlap`, widened while the reads see longer ingestion delays
/// (`IngestionDelayTracker`); a token the service refuses is dropped and the group re-read from the
/// window; a group that does not exist is looked for again every `missingRecheck` and on refresh.
public final class EventsPoller: SourcePoller, @unchecked Sendable {
    public let source = SourceID.events
    let logs: any LogsAPI
    let store: StackStore
    let clock: any ServerClock
    let groups: [String]
    let callsPerSecond: Double
    let overlapMillis: Int64
    let initialLookbackMillis: Int64
    let maxPagesPerPoll: Int
    let maxIdle: TimeInterval
    let primaryGroup: String?
    let groupsPerPoll: Int
    let tokenCapacity: Double
    let missingRecheck: TimeInterval
    private let lock = NSLock()
    private var ingestion: IngestionDelayTracker
    private var health = EventReadHealth()
    private var buffer: EventBuffer
    private var state: [String: GroupState] = [:]
    private var tokens: Double
    private var lastRefill: Date?
    private let local: @Sendable () -> Date
    private var newEventsHandler: (@Sendable ([TaskEvent]) -> Void)?
    private var isOwnRequest: (@Sendable (String) -> Bool)?
    private var ownBuffer = EventBuffer(capacity: 2000)
    private var ownFolded = 0

    struct GroupState {
        var newestTimestamp: Int64?
        /// Server time (ms) at the start of the last read that reached the end of the group: every
        /// event stamped before it, and ingested by then, has been read.
        var readThrough: Int64?
        var lastPolled: Date = .distantPast
        var recentEvents = 0.0
        /// When the group last answered ResourceNotFound (nil while it exists).
        var missingSince: Date?
        /// An unfinished page chain (a read stopped by the page or call budget), resumed next time
        /// so a long run of empty pages cannot keep the group from reaching later events.
        var pendingToken: String?
        var pendingStart: Int64?
    }

    /// Server time (ms) through which every group that exists has been read completely; nil until each has been.
    public var readThroughAll: Int64? {
        lock.withLock {
            let present = state.values.filter { $0.missingSince == nil }
            return present.contains { $0.readThrough == nil } ? nil : present.compactMap(\.readThrough).min()
        }
    }

    /// Groups found not to exist at their last read (looked for again every `missingRecheck`).
    public var missingGroups: [String] { lock.withLock { state.filter { $0.value.missingSince != nil }.map(\.key).sorted() } }

    /// Ingestion delay, overlap window, late arrivals and refused tokens so far.
    public var readHealth: EventReadHealth { lock.withLock { health } }

    /// The overlap window of the next reads (ms): `overlap`, widened while ingestion delays grow.
    public var windowMillis: Int64 { lock.withLock { ingestion.windowMillis } }

    /// Looks for the missing groups again at the next poll (`:refresh`): a group created since, a
    /// Lambda's log group made by its first invocation, is read from then on.
    public func recheckMissingGroups() {
        lock.withLock { for group in groups where state[group]?.missingSince != nil { state[group]?.missingSince = .distantPast } }
    }

    public func refreshRequested() { recheckMissingGroups() }

    public init(logs: any LogsAPI, store: StackStore, clock: any ServerClock, groups: [String], callsPerSecond: Double = 1,
                overlap: TimeInterval = 120, initialLookback: TimeInterval = 900, capacity: Int = 100_000, maxPagesPerPoll: Int = 5,
                maxIdle: TimeInterval = 60, primaryGroup: String? = nil, groupsPerPoll: Int = 1,
                missingRecheck: TimeInterval = 180, maxOverlap: TimeInterval = 900,
                local: @escaping @Sendable () -> Date = { Date() }) {
        self.logs = logs
        self.store = store
        self.clock = clock
        self.groups = groups
        self.callsPerSecond = max(0.05, callsPerSecond)
        self.overlapMillis = Int64(overlap * 1000)
        self.missingRecheck = missingRecheck
        self.ingestion = IngestionDelayTracker(minimumMillis: Int64(overlap * 1000), maximumMillis: Int64(max(overlap, maxOverlap) * 1000))
        self.health = EventReadHealth(window: overlap)
        self.initialLookbackMillis = Int64(initialLookback * 1000)
        self.maxPagesPerPoll = maxPagesPerPoll
        self.maxIdle = maxIdle
        self.groupsPerPoll = max(1, groupsPerPoll)
        // With one group per poll a primary would take every read: it is only first among several.
        self.primaryGroup = self.groupsPerPoll > 1 ? primaryGroup.flatMap { groups.contains($0) ? $0 : nil } : nil
        self.buffer = EventBuffer(capacity: capacity)
        // Room for a poll's reads and a few pages, never below one call.
        self.tokenCapacity = Double(max(self.groupsPerPoll, min(maxPagesPerPoll, max(1, Int(callsPerSecond)))))
        self.tokens = tokenCapacity
        self.local = local
        for group in groups { state[group] = GroupState() }
    }

    /// Called with the events each read adds (after they are in the store). Set before polling starts.
    public func whenEventsArrive(_ handler: @escaping @Sendable ([TaskEvent]) -> Void) { lock.withLock { newEventsHandler = handler } }

    /// Folds the access-log lines of the console's own requests (`isOwn` of their `requestId`) out of
    /// the events, into `ownEvents`. Set before polling starts.
    public func foldOwnRequests(_ isOwn: @escaping @Sendable (String) -> Bool) { lock.withLock { isOwnRequest = isOwn } }

    /// Picks the group most worth reading now, other than `excluding`: the primary group, else one
    /// left unread for `maxIdle`, else the busiest and longest unread (a quiet group must not wait
    /// behind busy ones indefinitely).
    func nextGroup(now: Date, excluding: Set<String> = []) -> String? {
        lock.withLock {
            let candidates = groups.filter { group in
                guard !excluding.contains(group) else { return false }
                guard let since = state[group]?.missingSince else { return true }
                return now.timeIntervalSince(since) >= missingRecheck
            }
            if let primary = primaryGroup, candidates.contains(primary) { return primary }
            return candidates.max { a, b in score(a, now) < score(b, now) }
        }
    }

    private func score(_ group: String, _ now: Date) -> Double {
        guard let s = state[group] else { return 0 }
        let idle = min(3600, now.timeIntervalSince(s.lastPolled))
        if idle >= maxIdle { return 1e9 + idle }
        return (1 + s.recentEvents) * idle
    }

    private func takeToken(now: Date) -> Bool {
        lock.withLock {
            if let last = lastRefill { tokens = min(tokenCapacity, tokens + now.timeIntervalSince(last) * callsPerSecond) }
            lastRefill = now
            guard tokens >= 1 else { return false }
            tokens -= 1
            return true
        }
    }

    private func serverMillis() -> Int64 { Saturating.int64(clock.serverNow().timeIntervalSince1970 * 1000) }

    /// Reads up to `groupsPerPoll` groups; a failed read does not keep the others from landing,
    /// and the first failure is reported once they have.
    public func poll() async throws(StackError) {
        let now = local()
        var read: Set<String> = []
        var failure: StackError?
        while read.count < groupsPerPoll, let group = nextGroup(now: now, excluding: read), takeToken(now: local()) {
            read.insert(group)
            do { try await poll(group: group, now: now) } catch { failure = failure ?? error }
        }
        if let failure { throw failure }
    }

    private func poll(group: String, now: Date) async throws(StackError) {
        let serverNow = serverMillis()
        let (prior, window) = lock.withLock { (state[group] ?? GroupState(), ingestion.windowMillis) }
        let covered = prior.readThrough ?? prior.newestTimestamp
        let windowStart = max(0, covered.map { $0 - window } ?? (serverNow - initialLookbackMillis))
        var request = FilterLogEventsRequest(logGroupName: group, startTime: max(0, prior.pendingStart ?? windowStart), nextToken: prior.pendingToken)
        var unfinished: String?
        var reachedEnd = false
        var missing = false
        var refused = 0
        var collected: [LogEvent] = []
        var pages = 0
        do {
            while true {
                let page: FilterLogEventsPage
                do {
                    page = try await logs.filterLogEvents(request)
                } catch let error where error.kind == .validation && request.nextToken != nil {
                    // A token the service refuses (expired, invalid) is dropped, never sent again: the
                    // group is read again from the overlap window, at once if the budget allows.
                    refused += 1
                    request.nextToken = nil
                    request.startTime = windowStart
                    guard refused == 1, takeToken(now: local()) else { break }
                    continue
                }
                pages += 1
                collected += page.events
                guard let token = page.nextToken else { reachedEnd = true; break }
                guard pages < maxPagesPerPoll, takeToken(now: local()) else { unfinished = token; break }
                request.nextToken = token
            }
        } catch let error where error.kind == .notFound {
            // A group that does not exist (yet) is looked for again later, not read on every poll.
            missing = true
            reachedEnd = true
        }
        // The clock learns the server's time from the answers: a first read may have started from a
        // local clock that runs ahead, so the coverage claimed is the earlier of the two readings.
        let readThrough = min(serverNow, serverMillis())
        // Each read overlaps the last by `overlap`: parse only the events not already held.
        let (unseen, isOwn) = lock.withLock {
            (collected.filter { !buffer.contains($0.eventId, timestamp: $0.timestamp) && !ownBuffer.contains($0.eventId, timestamp: $0.timestamp) }, isOwnRequest)
        }
        var typed = LogLineParser.parse(unseen)
        var own: [TaskEvent] = []
        if let isOwn, group.hasPrefix("/aws/apigateway/") {
            own = typed.filter { event in event.detail?["requestId"]?.stringValue.map(isOwn) ?? false }
            if !own.isEmpty {
                let ownIds = Set(own.map(\.id))
                typed = typed.filter { !ownIds.contains($0.id) }
            }
        }
        let (snapshotEvents, dropped, added, handler): ([TaskEvent], Int, [TaskEvent], (@Sendable ([TaskEvent]) -> Void)?) = lock.withLock {
            let added = buffer.add(typed)
            ownFolded += ownBuffer.add(own).count
            var s = state[group] ?? GroupState()
            s.lastPolled = now
            s.recentEvents = s.recentEvents * 0.7 + Double(added.count)
            s.pendingToken = unfinished
            s.pendingStart = unfinished == nil ? nil : request.startTime
            s.missingSince = missing ? now : nil
            if reachedEnd { s.readThrough = readThrough }
            if let maxTimestamp = collected.map(\.timestamp).max() { s.newestTimestamp = max(s.newestTimestamp ?? 0, maxTimestamp) }
            state[group] = s
            noteReadHealth(ingestion.observe(unseen), refused: refused)
            return (buffer.events, buffer.dropped, added, newEventsHandler)
        }
        let (ownEvents, folded, readHealth) = lock.withLock { (ownBuffer.events, ownFolded, health) }
        store.update { snapshot in
            snapshot.events.events = snapshotEvents
            snapshot.events.dropped = dropped
            snapshot.events.ownEvents = ownEvents
            snapshot.events.ownFolded = folded
            snapshot.events.readHealth = readHealth
            snapshot.events.generation += 1
        }
        if !added.isEmpty { handler?(added) }
    }

    /// Folds one read's ingestion delays and refused tokens into `health` (under the lock).
    private func noteReadHealth(_ reading: IngestionDelayTracker.Reading, refused: Int) {
        health.ingestionDelay = Double(ingestion.delayMillis) / 1000
        health.window = Double(ingestion.windowMillis) / 1000
        health.refusedTokens += refused
        if reading.late > 0 {
            health.lateEvents += reading.late
            health.lastLate = local()
            health.lastLateDelay = Double(reading.largestLateMillis) / 1000
        }
    }
}
