import Foundation
import Testing
import TaskOpsCore
@testable import TaskOpsService

/// A poller that fails while told to, counts its calls and, while `blocking`, holds each poll at a
/// gate until `release()`.
final class ScriptedPoller: SourcePoller, @unchecked Sendable {
    let source: SourceID
    private let lock = NSLock()
    var failure: StackError?
    var calls = 0
    private var gate: CheckedContinuation<Void, Never>?
    var blocking = false

    init(_ source: SourceID) { self.source = source }

    func poll() async throws(StackError) {
        let (failure, blocks) = lock.withLock { () -> (StackError?, Bool) in calls += 1; return (self.failure, blocking) }
        if blocks { await withCheckedContinuation { continuation in lock.withLock { gate = continuation } } }
        if let failure { throw failure }
    }

    /// Whether a poll is held at the gate.
    var isHeld: Bool { lock.withLock { gate != nil } }

    /// Lets the held poll finish.
    func release() {
        let held = lock.withLock { () -> CheckedContinuation<Void, Never>? in defer { gate = nil }; return gate }
        held?.resume()
    }
}

/// A poller whose poll takes `takes` seconds of the test clock.
final class SlowPoller: SourcePoller, @unchecked Sendable {
    let source: SourceID
    let clock: TestClock
    let takes: TimeInterval
    init(_ source: SourceID, clock: TestClock, takes: TimeInterval) { self.source = source; self.clock = clock; self.takes = takes }
    func poll() async throws(StackError) { clock.advance(takes) }
}

final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current = Date(timeIntervalSince1970: 1_000_000)
    var now: Date { lock.withLock { current } }
    func advance(_ s: TimeInterval) { lock.withLock { current = current.addingTimeInterval(s) } }
}

@Suite struct SchedulerTests {
    @Test func failuresBackOffAndRecoveryClearsTheError() async {
        let store = StackStore()
        let clock = TestClock()
        let poller = ScriptedPoller(.tasks)
        poller.failure = StackError(kind: .throttled, code: "ThrottlingException", message: "Rate exceeded")
        let scheduler = PollScheduler(store: store, entries: [.init(poller: poller, interval: 2)], now: { clock.now })
        for task in await scheduler.runDue() { await task.value }
        var freshness = store.freshness(.tasks)
        #expect(freshness.lastError?.kind == .throttled)
        #expect(freshness.consecutiveFailures == 1)
        for _ in 0..<5 {
            clock.advance(200)
            for task in await scheduler.runDue() { await task.value }
        }
        freshness = store.freshness(.tasks)
        #expect(freshness.consecutiveFailures == 6)
        #expect(freshness.backoff >= 1, "backs off")
        poller.failure = nil
        clock.advance(200)
        for task in await scheduler.runDue() { await task.value }
        freshness = store.freshness(.tasks)
        #expect(freshness.lastError == nil)
        #expect(freshness.lastSuccess == clock.now)
        #expect(freshness.backoff == 0)
    }

    /// A poll that takes 0.3 s of a 2 s interval: the next is due 2 s after this one started (a
    /// period, so a row waits at most one interval), and the loop's sleep ends when it is due.
    @Test func theIntervalCountsFromThePollsStart() async {
        let store = StackStore()
        let clock = TestClock()
        let poller = SlowPoller(.events, clock: clock, takes: 0.3)
        let scheduler = PollScheduler(store: store, entries: [.init(poller: poller, interval: 2)], now: { clock.now })
        let started = clock.now
        for task in await scheduler.runDue() { await task.value }
        #expect(store.freshness(.events).nextPoll == started.addingTimeInterval(2))
        #expect(abs(await scheduler.secondsUntilNextDue(cap: 5) - 1.7) < 1e-6, "sleeps until the poll is due")
        #expect(await scheduler.secondsUntilNextDue(cap: 0.25) == 0.25, "never past the tick, so a refresh is prompt")
    }

    /// A refresh starts the poll itself rather than waiting for the loop's next wake (30 s here).
    @Test func aRefreshPollsAtOnceWhileTheLoopSleeps() async throws {
        let poller = ScriptedPoller(.tasks)
        let scheduler = PollScheduler(store: StackStore(), entries: [.init(poller: poller, interval: 60)])
        await scheduler.start(tick: 30)
        defer { Task { await scheduler.stop() } }
        for _ in 0..<200 where poller.calls < 1 { try await Task.sleep(nanoseconds: 10_000_000) }
        #expect(poller.calls == 1)
        await scheduler.refresh(.tasks)
        for _ in 0..<200 where poller.calls < 2 { try await Task.sleep(nanoseconds: 10_000_000) }
        #expect(poller.calls == 2, "the refresh polled without waiting for the loop")
    }

    /// A tick while the source's poll is still in flight is skipped, not stacked behind it; the
    /// source is polled again once that poll has ended and the next tick is due.
    @Test func aTickIsSkippedWhileThePollIsInFlight() async throws {
        let store = StackStore()
        let clock = TestClock()
        let poller = ScriptedPoller(.events)
        poller.blocking = true
        let scheduler = PollScheduler(store: store, entries: [.init(poller: poller, interval: 2)], now: { clock.now })
        let first = await scheduler.runDue()
        #expect(first.count == 1)
        for _ in 0..<500 where !poller.isHeld { try await Task.sleep(nanoseconds: 2_000_000) }
        try #require(poller.isHeld, "the first poll is in flight")
        for _ in 0..<3 {
            clock.advance(5)
            #expect(await scheduler.runDue().isEmpty, "a due tick is skipped while the poll is in flight")
        }
        #expect(poller.calls == 1)
        #expect(store.freshness(.events).inFlight)
        poller.blocking = false
        poller.release()
        for task in first { await task.value }
        #expect(!store.freshness(.events).inFlight)
        clock.advance(2)
        for task in await scheduler.runDue() { await task.value }
        #expect(poller.calls == 2, "polled again once the first poll ended")
    }

    @Test func notDueSourcesAreNotPolled() async {
        let store = StackStore()
        let clock = TestClock()
        let poller = ScriptedPoller(.alarms)
        let scheduler = PollScheduler(store: store, entries: [.init(poller: poller, interval: 60, aligned: true)], now: { clock.now })
        for task in await scheduler.runDue() { await task.value }
        clock.advance(10)
        #expect(await scheduler.runDue().isEmpty)
        #expect(poller.calls == 1)
        await scheduler.refresh(.alarms)
        for task in await scheduler.runDue() { await task.value }
        #expect(poller.calls == 2)
    }

    @Test func alignedSourcesFollowTheServersMinute() async {
        let store = StackStore()
        let clock = TestClock()
        let poller = ScriptedPoller(.metrics)
        // The server runs 25 s ahead of us: its next minute (+2 s settling) is ours minus 25 s.
        let scheduler = PollScheduler(store: store, entries: [.init(poller: poller, interval: 60, aligned: true)],
                                      now: { clock.now }, serverNow: { clock.now.addingTimeInterval(25) })
        for task in await scheduler.runDue() { await task.value }
        let next = store.freshness(.metrics).nextPoll
        let serverNext = next.map { $0.timeIntervalSince1970 + 25 } ?? 0
        #expect(serverNext.truncatingRemainder(dividingBy: 60) == PollScheduler.alignmentDelay)
        #expect(next.map { $0 > clock.now && $0.timeIntervalSince(clock.now) <= 62 } == true)
    }

    @Test func backoffIsBoundedAndThrottlingStartsHigher() {
        let backoff = Backoff()
        let throttled = StackError(kind: .throttled, code: "T", message: "")
        #expect(backoff.delay(failures: 50, error: nil, random: { 1 }) == 60)
        #expect(backoff.delay(failures: 1, error: throttled, random: { 1 }) == 2)
        #expect(backoff.delay(failures: 1, error: nil, random: { 0 }) == 0.5)
    }

    @Test func eventBufferDedupsMergesAndCountsDrops() {
        var buffer = EventBuffer(capacity: 3)
        func e(_ id: String, _ t: Int64) -> TaskEvent { TaskEvent(id: id, timestamp: t, logGroup: "g", source: "s", kind: .other, summary: "", raw: "") }
        #expect(buffer.insert([e("a", 1), e("c", 3)]) == 2)
        #expect(buffer.insert([e("a", 1), e("b", 2)]) == 1)
        #expect(buffer.events.map(\.id) == ["a", "b", "c"])
        buffer.insert([e("d", 4)])
        #expect(buffer.events.map(\.id) == ["b", "c", "d"])
        #expect(buffer.dropped == 1)
        #expect(buffer.contains("b", timestamp: 2) && !buffer.contains("a", timestamp: 1), "what the poller skips parsing is exactly what it holds")
    }

    @Test func eventBufferTellsApartEventsOfOneMillisecondAndDropsRepeatsInABatch() {
        var buffer = EventBuffer(capacity: 100)
        func e(_ id: String, _ t: Int64) -> TaskEvent { TaskEvent(id: id, timestamp: t, logGroup: "g", source: "s", kind: .other, summary: "", raw: id) }
        #expect(buffer.insert([e("x2", 5), e("x1", 5), e("x2", 5), e("y", 4)]) == 3)
        #expect(buffer.insert([e("x3", 5), e("x1", 5), e("y", 4), e("z", 6)]) == 2)
        #expect(buffer.events.map(\.id) == ["y", "x1", "x2", "x3", "z"])
        #expect(buffer.contains("x3", timestamp: 5) && !buffer.contains("x3", timestamp: 6) && !buffer.contains("x4", timestamp: 5))
    }

    @Test func callMeterEstimatesCost() {
        let clock = TestClock()
        let meter = CallMeter(now: { clock.now })
        for _ in 0..<60 {
            meter.record(CallRecord(service: "monitoring", operation: "GetMetricData", succeeded: true, metricCount: 16))
            clock.advance(60)
        }
        let snapshot = meter.snapshot()
        #expect(snapshot.footprintPerHour.cloudWatchMetrics == 60 * 16)
        #expect(abs(snapshot.costPerHour - 60 * 16 / 1000 * 0.01) < 0.0005)
        #expect(meter.total("monitoring") == 60)
    }
}

@Suite struct EventBufferOrderTests {
    @Test func sameMillisecondArrivalsStayInIdOrder() {
        var buffer = EventBuffer(capacity: 10)
        func e(_ id: String, _ t: Int64) -> TaskEvent { TaskEvent(id: id, timestamp: t, logGroup: "g", source: "s", kind: .other, summary: "", raw: "") }
        buffer.insert([e("b", 5)])
        buffer.insert([e("a", 5), e("c", 6)])
        #expect(buffer.events.map(\.id) == ["a", "b", "c"])
    }

    /// Batches from several groups interleaved in time: whatever the order of arrival, the buffer
    /// holds exactly the sorted union (it merges only the tail it has to).
    @Test func interleavedBatchesEqualTheSortedUnion() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<50 {
            var buffer = EventBuffer(capacity: 10_000)
            var all: [TaskEvent] = []
            for batch in 0..<20 {
                let n = Int.random(in: 0...30, using: &rng)
                let events = (0..<n).map { i in
                    TaskEvent(id: "\(batch)-\(i)", timestamp: Int64(batch * 10 + Int.random(in: -40...10, using: &rng)), logGroup: "g", source: "s",
                              kind: .other, summary: "", raw: "")
                }
                buffer.insert(events)
                all += events
            }
            #expect(buffer.events.map(\.id) == all.sorted { ($0.timestamp, $0.id) < ($1.timestamp, $1.id) }.map(\.id))
        }
    }
}
