import Foundation
import Testing
import TaskOpsCore
@testable import TaskOpsSim

/// `--faults ingest-delay-ms=…`: log events become readable some seconds after their timestamp, now
/// and then a minute, in order within a stream and out of order across streams.
@Suite struct SimIngestionDelayTests {
    func read(_ service: SimLogsService, at nowMillis: Int64) throws -> [String] {
        let body = Array(JSONWriter.compact(.object(["logGroupName": .string("/g")])).utf8)
        let page = try JSONParser.parse(service.handle(operation: "FilterLogEvents", body: body, contentType: "",
                                                       now: Date(timeIntervalSince1970: Double(nowMillis) / 1000)).bodyText)
        return (page["events"]?.arrayValue ?? []).compactMap { $0["message"]?.stringValue }
    }

    @Test func eventsAreReadableOnlyOnceIngested() throws {
        let store = SimLogStore()
        store.setIngestionDelay(typicalMillis: 3000)
        let t: Int64 = 1_795_000_000_000
        for i in 0..<1000 { store.append(group: "/g", stream: "s\(i % 7)", message: "m\(i)", timestampMillis: t + Int64(i) * 100) }
        let events = store.events(in: "/g")
        let delays = events.map { $0.ingestionTime - $0.timestamp }
        #expect(delays.allSatisfy { $0 >= 900 }, "never readable at once")
        #expect(delays.filter { $0 <= 5100 }.count > 900, "usually seconds")
        #expect(delays.contains { $0 >= 40_000 }, "sometimes about a minute")
        for stream in (0..<7).map({ "s\($0)" }) {
            let ingested = events.filter { $0.stream == stream && $0.ingestionTime - $0.timestamp < 40_000 }.map(\.ingestionTime)
            #expect(zip(ingested, ingested.dropFirst()).allSatisfy { $0 <= $1 }, "a stream delivers in order, but for a late batch")
        }
        let byTimestamp = events.map(\.ingestionTime)
        #expect(zip(byTimestamp, byTimestamp.dropFirst()).contains { $0 > $1 }, "across streams the order is lost")

        let service = SimLogsService(store: store)
        #expect(try read(service, at: t + 500).isEmpty, "nothing is readable half a second in")
        let midway = try read(service, at: t + 50_000)
        let readableMidway = events.filter { $0.ingestionTime <= t + 50_000 }.map(\.message)
        #expect(Set(midway) == Set(readableMidway) && midway.count < events.count)
        #expect(try read(service, at: t + 200_000).count == events.count, "all of it in the end")
    }

    @Test func withoutTheFaultEventsAreReadableAtOnce() throws {
        let stack = SimStack(clock: ManualSimClock(), seed: 3)
        stack.setFaults(try SimFaults.parse("ingest-delay-ms=0"))
        stack.logs.append(group: "/g", stream: "s", message: "now", timestampMillis: 1_795_000_000_000)
        #expect(try read(SimLogsService(store: stack.logs), at: 1_795_000_000_000) == ["now"])
        stack.setFaults(try SimFaults.parse("ingest-delay-ms=2000"))
        #expect(stack.currentFaults().spec.contains("ingest-delay-ms=2000"))
        stack.logs.append(group: "/g", stream: "s", message: "later", timestampMillis: 1_795_000_000_000)
        #expect(try read(SimLogsService(store: stack.logs), at: 1_795_000_000_000) == ["now"])
    }
}
