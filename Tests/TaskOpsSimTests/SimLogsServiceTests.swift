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

    @Test func orPatternsAndPhrases() {
        let pattern = LogFilterPattern(#"?ERROR ?Traceback "task 42""#)
        #expect(!pattern.matches("ERROR elsewhere"))
        #expect(pattern.matches("ERROR in task 42"))
        #expect(LogFilterPattern("?a ?b").matches("b only"))
    }
}
