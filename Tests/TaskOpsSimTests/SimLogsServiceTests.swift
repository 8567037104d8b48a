import Foundation
import Testing
import TaskOpsCore
@testable import TaskOpsSim

@Suite struct SimLogsServiceTests {
    func filter(_ service: SimLogsService, _ body: JSONObject) throws -> JSONValue {
        try JSONParser.parse(service.handle(operation: "FilterLogEvents", body: Array(JSONWriter.compact(.object(body)).utf8), contentType: "", now: Date()).bodyText)
    }

    @Test func pagesMayBeEmptyYetCarryATokenAndNothingIsLost() throws {
        let store = SimLogStore()
        for i in 0..<50 { store.append(group: "/g", stream: "s", message: i % 10 == 0 ? "hit \(i)" : "miss \(i)", timestampMillis: Int64(1000 + i)) }
        let service = SimLogsService(store: store, scanSlice: 7)
        var token: String?
        var hits: [String] = []
        var emptyPagesWithToken = 0
        repeat {
            var body: JSONObject = ["logGroupName": .string("/g"), "filterPattern": .string("hit")]
            if let token { body["nextToken"] = .string(token) }
            let page = try filter(service, body)
            let events = page["events"]?.arrayValue ?? []
            hits += events.compactMap { $0["message"]?.stringValue }
            token = page["nextToken"]?.stringValue
            if events.isEmpty && token != nil { emptyPagesWithToken += 1 }
        } while token != nil
        #expect(hits == (0..<5).map { "hit \($0 * 10)" })
        #expect(emptyPagesWithToken > 0)
    }

    /// Retention drops the oldest events while a page chain is under way; the chain neither skips
    /// nor repeats an event that is still held, and late (out-of-order) lines land in time order.
    @Test func retentionKeepsTheNewestSortedAndTokensSurviveDrops() throws {
        let store = SimLogStore(maxEventsPerGroup: 3000)
        var t: Int64 = 0
        func add(_ n: Int) {
            for i in 0..<n {
                t += 10
                // Every fifth line is stamped a little earlier, like an END line after the next START.
                store.append(group: "/g", stream: "s", message: "m\(t)", timestampMillis: i % 5 == 4 ? t - 25 : t)
            }
        }
        add(5000)
        let held = store.events(in: "/g")
        #expect(held.count == 3000)
        #expect(zip(held, held.dropFirst()).allSatisfy { $0.timestamp <= $1.timestamp }, "kept in time order")
        let service = SimLogsService(store: store, scanSlice: 500)
        var first = try filter(service, ["logGroupName": .string("/g")])
        var seen = (first["events"]?.arrayValue ?? []).compactMap { $0["eventId"]?.stringValue }
        add(1200)   // drops 1200 of the oldest, some of which the chain has already passed
        while let token = first["nextToken"]?.stringValue {
            first = try filter(service, ["logGroupName": .string("/g"), "nextToken": .string(token)])
            seen += (first["events"]?.arrayValue ?? []).compactMap { $0["eventId"]?.stringValue }
        }
        #expect(Set(seen).count == seen.count, "no event twice")
        let stillHeld = Set(store.events(in: "/g").map(\.eventId))
        #expect(stillHeld.count == 3000)
        #expect(stillHeld.isSubset(of: Set(seen)), "nothing held is skipped: \(stillHeld.subtracting(seen).count) missed")
    }

    @Test func windowLimitAndErrors() throws {
        let store = SimLogStore()
        for i in 0..<20 { store.append(group: "/g", stream: "s", message: "m\(i)", timestampMillis: Int64(i * 100)) }
        let service = SimLogsService(store: store)
        let window = try filter(service, ["logGroupName": .string("/g"), "startTime": .int(500), "endTime": .int(900)])
        #expect(window["events"]?.arrayValue?.compactMap { $0["message"]?.stringValue } == ["m5", "m6", "m7", "m8", "m9"])
        let limited = try filter(service, ["logGroupName": .string("/g"), "limit": .int(3)])
        #expect(limited["events"]?.arrayValue?.count == 3)
        #expect(limited["nextToken"] != nil)
        #expect(try filter(service, ["logGroupName": .string("/nope")])["__type"] == .string("ResourceNotFoundException"))
        #expect(try filter(service, ["logGroupName": .string("/g"), "limit": .int(0)])["__type"] == .string("InvalidParameterException"))
        #expect(try filter(service, ["logGroupName": .string("/g"), "startTime": .int(9), "endTime": .int(1)])["__type"] == .string("InvalidParameterException"))
        #expect(try filter(service, ["logGroupName": .string("/g"), "nextToken": .string("zzz")])["__type"] == .string("InvalidParameterException"))
        let bad = service.handle(operation: "FilterLogEvents", body: Array("{oops".utf8), contentType: "", now: Date())
        #expect(bad.status == 400)
    }

    @Test func orPatternsPhrasesAndExclusions() throws {
        let pattern = try LogFilterPattern(#"?ERROR ?Traceback "task 42""#)
        #expect(!pattern.matches("ERROR elsewhere"))
        #expect(pattern.matches("ERROR in task 42"))
        #expect(try LogFilterPattern("?a ?b").matches("b only"))
        #expect(try !LogFilterPattern("Received -TaskDeleted").matches("Received TaskDeleted event"))
        #expect(try LogFilterPattern("Received -TaskDeleted").matches("Received TaskCreated event"))
        #expect(try !LogFilterPattern("error").matches("ERROR"), "terms are case-sensitive")
    }

    @Test(arguments: [
        (#"{ $.detail.priority = "high" }"#, true), (#"{ $.detail.priority = high }"#, true), (#"{ $.detail.priority != "high" }"#, false),
        (#"{ $.detail.count > 2 && $.detail.count <= 3 }"#, true), (#"{ $.detail.count >= 4 || $.source = "task-*" }"#, true),
        (#"{ ($.detail.count < 1 || $.detail.count = 3) && $.detail.tags[1] = "b" }"#, true), (#"{ $.detail.tags[5] = "b" }"#, false),
        (#"{ $.detail.gone NOT EXISTS }"#, true), (#"{ $.detail.none IS NULL }"#, true), (#"{ $.detail.ok IS TRUE }"#, true),
        (#"{ $.detail.ok IS FALSE }"#, false), (#"{ $.detail.latency = 1.5 }"#, true), (#"{ $.detail.title = "*ship*" }"#, true),
        (#"{ $.detail-type = "TaskCreated" }"#, true),
    ])
    func jsonPatternsSelectFields(_ pattern: String, _ expected: Bool) throws {
        let event = #"{"source": "task-manager", "detail-type": "TaskCreated", "detail": {"priority": "high", "count": 3, "tags": ["a", "b"], "none": null, "ok": true, "latency": 1.5, "title": "we ship it"}}"#
        #expect(try LogFilterPattern(pattern).matches(event) == expected, "\(pattern)")
        #expect(try !LogFilterPattern(pattern).matches("Received TaskCreated event: " + event), "only whole-JSON messages match")
    }

    @Test(arguments: ["{ $.a = }", "{ $.a", "{ a = 1 }", "{ $.a IS MAYBE }", #"{ $.a > "x" }"#, "{ $.a[x] = 1 }", "{ ($.a = 1 }", #"{ $.a = "open }"#])
    func badJSONPatternsAreRefused(_ pattern: String) throws {
        #expect(throws: JSONFilterPattern.ParseError.self) { try LogFilterPattern(pattern) }
        let store = SimLogStore()
        store.append(group: "/g", stream: "s", message: "{}", timestampMillis: 1)
        #expect(try filter(SimLogsService(store: store), ["logGroupName": .string("/g"), "filterPattern": .string(pattern)])["__type"] == .string("InvalidParameterException"))
    }
}
