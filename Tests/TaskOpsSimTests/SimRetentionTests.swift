import Foundation
import Testing
@testable import TaskOpsSim

/// The simulator's retention windows: what bounds its memory however long it runs.
struct SimRetentionTests {
    /// Past the store-wide cap, the oldest event across all groups goes first, whichever group
    /// holds it; every group keeps its newest events and the total stays at the cap.
    @Test func theLogStoreHoldsAtMostItsTotalDroppingTheOldestAcrossGroups() {
        let store = SimLogStore(maxEventsPerGroup: 1000, maxEvents: 1500)
        for i in 0..<1000 { store.append(group: "/early", stream: "s", message: "e\(i)", timestampMillis: Int64(i)) }
        for i in 0..<1000 { store.append(group: "/late", stream: "s", message: "l\(i)", timestampMillis: Int64(10_000 + i)) }
        #expect(store.count == 1500)
        #expect(store.events(in: "/late").count == 1000, "the newer group is whole")
        let early = store.events(in: "/early").map(\.message)
        #expect(early.count == 500 && early.first == "e500" && early.last == "e999", "the older group gave up its oldest")
        for i in 0..<600 { store.append(group: "/third", stream: "s", message: "t\(i)", timestampMillis: Int64(20_000 + i)) }
        #expect(store.count == 1500)
        #expect(store.events(in: "/early").isEmpty)
        #expect(store.events(in: "/late").first?.message == "l100" && store.events(in: "/late").count == 900)
        #expect(store.events(in: "/third").count == 600)
        for i in 0..<1200 { store.append(group: "/third", stream: "s", message: "u\(i)", timestampMillis: Int64(30_000 + i)) }
        #expect(store.events(in: "/third").count == 1000, "the per-group limit still holds")
        #expect(store.count == 1500)
        #expect(store.groups.values.reduce(0) { $0 + $1.count } == store.count)
        let ids = store.events(in: "/third").map(\.eventId)
        #expect(ids == ids.sorted() && Set(ids).count == ids.count, "event ids sort by time and arrival, unique")
    }

    /// A count metric (every value 1) keeps one sample a minute however many arrive; percentiles of
    /// repeated values weigh each by how often it came.
    @Test func metricMinutesKeepDistinctValuesWithTheirCounts() throws {
        let store = SimMetricStore()
        let key = SimMetricStore.Key(namespace: "AWS/Lambda", name: "Invocations", dimensions: [])
        let start = Date(timeIntervalSince1970: 1_795_000_020)
        for _ in 0..<5000 { store.record(key, value: 1, at: start) }
        let minute = try #require(store.series[key]?.values.first)
        #expect(minute.samples.count == 1 && minute.samples[0].count == 5000)
        #expect(store.query(key, stat: "Sum", period: 60, start: start.addingTimeInterval(-60), end: start.addingTimeInterval(60)).map(\.1) == [5000])

        let latency = SimMetricStore.Key(namespace: "AWS/ApiGateway", name: "Latency", dimensions: [])
        for _ in 0..<90 { store.record(latency, value: 10, at: start) }
        for _ in 0..<9 { store.record(latency, value: 200, at: start) }
        store.record(latency, value: 3000, at: start)
        func stat(_ name: String) -> Double? {
            store.query(latency, stat: name, period: 60, start: start.addingTimeInterval(-60), end: start.addingTimeInterval(60)).first?.1
        }
        #expect(stat("p50") == 10)
        #expect(stat("p90") == 10)
        #expect(stat("p91") == 200)
        #expect(stat("p99") == 200)
        #expect(stat("p100") == 3000)
        #expect(stat("SampleCount") == 100)
    }
}
