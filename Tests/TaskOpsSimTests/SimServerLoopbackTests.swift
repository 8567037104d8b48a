import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import TaskOpsCore
import TaskOpsSim
import TaskOpsSimServer

@Suite struct SimServerLoopbackTests {
    func send(_ url: String, method: String = "GET", body: String? = nil, headers: [String: String] = [:]) async throws -> (Int, String, [AnyHashable: Any]) {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = method
        for (k, v) in headers { request.setValue(v, forHTTPHeaderField: k) }
        if let body { request.httpBody = Data(body.utf8) }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as! HTTPURLResponse
        return (http.statusCode, String(decoding: data, as: UTF8.self), http.allHeaderFields)
    }

    @Test func oversizedBodiesGetAPIGateways413AndTheServerCarriesOn() async throws {
        let server = SimServer(stack: SimStack(clock: ManualSimClock()))
        let port = try await server.start()
        defer { Task { await server.stop() } }
        let base = "http://127.0.0.1:\(port)"
        let huge = #"{"title": ""# + String(repeating: "x", count: 2 << 20) + #"", "userId": "u"}"#
        let (status, body, _) = try await send(base + "/dev/tasks", method: "POST", body: huge, headers: ["Content-Type": "application/json"])
        #expect(status == 413)
        #expect(body == #"{"message":"Request Entity Too Large"}"#)
        let next = try await send(base + "/dev/tasks", method: "POST", body: #"{"title": "t", "userId": "u"}"#, headers: ["Content-Type": "application/json"])
        #expect(next.0 == 201, "one oversized request does not disturb the next")
    }

    @Test func servesTaskAPIAndAWSProtocolsOnLoopbackWithSimulatorDate() async throws {
        let clock = ManualSimClock(start: Date(timeIntervalSince1970: 1_700_000_000))
        let server = SimServer(stack: SimStack(clock: clock))
        let port = try await server.start()
        defer { Task { await server.stop() } }
        let base = "http://127.0.0.1:\(port)"
        let (status, body, headers) = try await send(base + "/dev/tasks", method: "POST", body: #"{"title": "t", "userId": "u"}"#,
                                                     headers: ["Content-Type": "application/json"])
        #expect(status == 201)
        #expect(body.contains("Task created successfully"))
        #expect(headers["Date"] as? String == StackTime.httpDate(clock.now()), "the Date header is simulator time")
        let logs = try await send(base + "/", method: "POST", body: #"{"logGroupName": "/aws/lambda/task-manager-create-task-dev"}"#,
                                  headers: ["X-Amz-Target": "Logs_20140328.FilterLogEvents", "Content-Type": "application/x-amz-json-1.1"])
        #expect(logs.0 == 200)
        #expect(logs.1.contains("Published TaskCreated event"))
        let unknown = try await send(base + "/", method: "POST", body: "{}", headers: ["X-Amz-Target": "Nope_2020.Op"])
        #expect(unknown.0 == 400)
        #expect(unknown.1.contains("UnknownOperationException"))
        let faults = try await send(base + "/_sim/faults", method: "PUT", body: "api-throttle=1")
        #expect(faults.0 == 200)
        #expect(try await send(base + "/dev/tasks").0 == 429)
    }

    @Test func refusesNonLoopbackBinds() async {
        let server = SimServer(stack: SimStack(clock: ManualSimClock()), configuration: SimServer.Configuration(host: "0.0.0.0"))
        await #expect(throws: SimServer.StartError.self) { _ = try await server.start() }
    }
}
