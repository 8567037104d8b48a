import Foundation
import TaskOpsCore

/// One source the scheduler polls.
public protocol SourcePoller: Sendable {
    var source: SourceID { get }
    /// Polls once, updating the store. Throws what went wrong.
    func poll() async throws(StackError)
    /// Told when a refresh is asked for (`:refresh`), before the poll it starts: a poller that
    /// skips something for a while (a missing log group) looks again.
    func refreshRequested()
}

extension SourcePoller {
    public func refreshRequested() {}
}

/// Polls every source on its own cadence: a tick is skipped while the previous poll of that
/// source is still in flight; failures back off per source and recover by themselves.
public actor PollScheduler {
    public struct Entry: Sendable {
        public var poller: any SourcePoller
        public var interval: TimeInterval
        /// Align polls to multiples of the interval (metrics and alarms, to their period).
        public var aligned: Bool
        public init(poller: any SourcePoller, interval: TimeInterval, aligned: Bool = false) {
            self.poller = poller
            self.interval = max(1, interval)
            self.aligned = aligned
        }
    }

    public static let minimumInterval: TimeInterval = 1

    let store: StackStore
    let now: @Sendable () -> Date
    /// The stack's clock (from its `Date` headers): period boundaries are the server's, not ours.
    let serverNow: @Sendable () -> Date
    let backoff: Backoff
    var entries: [SourceID: Entry] = [:]
    var nextDue: [SourceID: Date] = [:]
    var inFlight: Set<SourceID> = []
    /// Sources asked for while in flight: polled again as soon as the running poll ends.
    var rerun: Set<SourceID> = []
    var failures: [SourceID: Int] = [:]
    private var loop: Task<Void, Never>?
    private var random = SystemRandomNumberGenerator()

    /// Seconds after a period boundary before an aligned poll, so the period's datapoints have landed.
    public static let alignmentDelay: TimeInterval = 2

    public init(store: StackStore, entries: [Entry], backoff: Backoff = Backoff(), now: @escaping @Sendable () -> Date = { Date() },
                serverNow: (@Sendable () -> Date)? = nil) {
        self.store = store
        self.now = now
        self.serverNow = serverNow ?? now
        self.backoff = backoff
        for entry in entries { self.entries[entry.poller.source] = entry }
    }

    /// Runs until `stop()`: starts what is due, then sleeps until the next poll falls due, at most
    /// `tick` seconds (real time), so a clock that jumps is noticed within a tick.
    public func start(tick: TimeInterval = 1) {
        guard loop == nil else { return }
        loop = Task { [weak self] in
            while !Task.isCancelled {
                guard let self else { return }
                await self.runDue()
                let wait = await self.secondsUntilNextDue(cap: tick)
                try? await Task.sleep(nanoseconds: UInt64(wait * 1_000_000_000))
            }
        }
    }

    /// Time until the earliest poll not in flight falls due, between 1 ms and `cap`.
    func secondsUntilNextDue(cap: TimeInterval) -> TimeInterval {
        let time = now()
        let waits = entries.keys.filter { !inFlight.contains($0) }.map { (nextDue[$0] ?? time).timeIntervalSince(time) }
        return min(cap, max(0.001, waits.min() ?? cap))
    }

    public func stop() {
        loop?.cancel()
        loop = nil
    }

    /// Starts every source that is due and not in flight (tests call this directly).
    @discardableResult
    public func runDue() -> [Task<Void, Never>] {
        let time = now()
        var started: [Task<Void, Never>] = []
        for (source, entry) in entries.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            let due = nextDue[source] ?? time
            guard due <= time else { continue }
            if inFlight.contains(source) { continue }
            inFlight.insert(source)
            // The console shows neither field: marking a poll as started is no reason to redraw.
            store.updateFreshness(source, quietly: true) { $0.inFlight = true; $0.lastAttempt = time }
            started.append(Task { await self.run(entry, startedAt: time) })
        }
        return started
    }

    /// Polls a source now (`:refresh`, or news for it): started here, not at the loop's next wake; one
    /// in flight is polled again as soon as it ends, so what it was asked for is not left for a whole interval.
    public func refresh(_ source: SourceID?) {
        for (key, entry) in entries where source == nil || key == source {
            entry.poller.refreshRequested()
            nextDue[key] = now()
            if inFlight.contains(key) { rerun.insert(key) }
        }
        if loop != nil { runDue() }
    }

    private func run(_ entry: Entry, startedAt: Date) async {
        let source = entry.poller.source
        var failure: StackError?
        do { try await entry.poller.poll() } catch { failure = error }
        finish(source, entry: entry, startedAt: startedAt, failure: failure)
    }

    /// The next multiple of `interval` on the server's clock (plus a settling delay), in local time.
    func nextBoundary(after local: Date, interval: TimeInterval) -> Date {
        let offset = serverNow().timeIntervalSince(now())
        let server = local.timeIntervalSince1970 + offset
        let boundary = (floor(server / interval) + 1) * interval + Self.alignmentDelay
        return Date(timeIntervalSince1970: boundary - offset)
    }

    private func finish(_ source: SourceID, entry: Entry, startedAt: Date, failure: StackError?) {
        inFlight.remove(source)
        let time = now()
        if let failure {
            rerun.remove(source)
            let count = (failures[source] ?? 0) + 1
            failures[source] = count
            let delay = backoff.delay(failures: count, error: failure, random: { Double.random(in: 0...1, using: &random) })
            let next = time.addingTimeInterval(max(delay, entry.interval))
            nextDue[source] = next
            store.updateFreshness(source) {
                $0.inFlight = false
                $0.lastError = failure
                $0.consecutiveFailures = count
                $0.backoff = delay
                $0.nextPoll = next
            }
        } else {
            failures[source] = 0
            // The cadence counts from the start of a poll, so an interval is a period, not a gap
            // after the answer; a poll slower than its interval is followed at once.
            var next = max(startedAt.addingTimeInterval(entry.interval), time)
            if entry.aligned { next = nextBoundary(after: time, interval: entry.interval) }
            let again = rerun.remove(source) != nil
            if again { next = time }
            nextDue[source] = next
            store.updateFreshness(source) {
                $0.inFlight = false
                $0.lastError = nil
                $0.lastSuccess = time
                $0.consecutiveFailures = 0
                $0.backoff = 0
                $0.nextPoll = next
            }
            if again, loop != nil { runDue() }
        }
    }
}
