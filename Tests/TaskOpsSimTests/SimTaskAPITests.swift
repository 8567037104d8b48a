import Foundation
import Testing
import TaskOpsCore
@testable import TaskOpsSim

@Suite struct SimTaskAPITests {
    let clock = ManualSimClock()
    let stack: SimStack

    init() { stack = SimStack(clock: clock, seed: 7) }

    func call(_ method: String, _ path: String, _ body: String? = nil, query: String = "", contentType: String? = "application/json",
              headers: [(name: String, value: String)] = []) -> SimResponse {
        var all = headers
        if let contentType { all.append(("Content-Type", contentType)) }
        return stack.handleTaskAPI(SimRequest(method: method, path: path, query: query, headers: all, body: Array((body ?? "").utf8)))
    }

    func create(_ body: String = #"{"title": "Write docs", "userId": "u1"}"#) throws -> JSONValue {
        let response = call("POST", "/dev/tasks", body)
        #expect(response.status == 201)
        return try JSONParser.parse(response.bodyText)
    }

    @Test func createEchoesPythonJSONWithDefaults() throws {
        let response = call("POST", "/dev/tasks", #"{"title": "Café", "userId": "u1", "tags": [1]}"#)
        #expect(response.status == 201)
        #expect(response.bodyText.hasPrefix(#"{"message": "Task created successfully", "task": {"taskId": ""#))
        #expect(response.bodyText.contains(#""title": "Caf\u00e9""#))
        #expect(response.bodyText.contains(#""description": "", "priority": "medium", "status": "pending""#))
        #expect(response.bodyText.contains(#""tags": [1]"#))
        let task = try JSONParser.parse(response.bodyText)["task"]
        #expect(task?["ttl"]?.numberValue?.isInteger == true, "ttl is a number on create")
        #expect(task?["createdAt"] == task?["updatedAt"])
        #expect(task?["metadata"] == .object(["environment": .string("dev"), "createdBy": .string("api")]))
        #expect(response.header("Content-Type") == "application/json")
    }

    @Test(arguments: [
        ("{bad", 400, "Invalid JSON in request body"), ("[1]", 500, "Internal server error"), ("", 400, "Title is required"),
        (#"{"title": ""}"#, 400, "Title is required"), (#"{"title": "a"}"#, 400, "userId is required"),
        (#"{"userId": "u", "tags": [1.5]}"#, 400, "Title is required"),
        (#"{"title": "a", "tags": [1.5]}"#, 400, "userId is required"),
    ])
    func createErrorsInOrder(body: String, status: Int, message: String) {
        let response = call("POST", "/dev/tasks", body)
        #expect(response.status == status)
        #expect(response.bodyText == #"{"error": "\#(message)"}"#)
    }

    /// Only the stored fields reach DynamoDB: a float in a field the handler does not keep is never
    /// serialized, so the task is created.
    @Test func floatOutsideTheStoredFieldsIsIgnored() throws {
        let response = call("POST", "/dev/tasks", #"{"title": "a", "userId": "u", "n": 1.5}"#)
        #expect(response.status == 201)
        #expect(response.bodyText.hasPrefix(#"{"message": "Task created successfully", "task": {"#))
        let task = try JSONParser.parse(response.bodyText)["task"]
        #expect(task?["n"] == nil, "the unknown field is not stored")
    }

    @Test func floatInStoredFieldIs500() {
        let response = call("POST", "/dev/tasks", #"{"title": "a", "userId": "u", "tags": [1.5]}"#)
        #expect(response.status == 500)
        #expect(response.bodyText == #"{"error": "Internal server error"}"#)
    }

    @Test func nonTextualBodyArrivesBase64AndIsInvalidJSON() {
        let response = call("POST", "/dev/tasks", #"{"title": "a", "userId": "u"}"#, contentType: "application/octet-stream")
        #expect(response.status == 400)
        #expect(response.bodyText == #"{"error": "Invalid JSON in request body"}"#)
    }

    @Test func getAndListReturnNumbersAsStrings() throws {
        let created = try create(#"{"title": "a", "userId": "u", "tags": [1, {"n": 2}]}"#)
        let id = try #require(created["task"]?["taskId"]?.stringValue)
        let got = try JSONParser.parse(call("GET", "/dev/tasks/\(id)").bodyText)
        #expect(got["task"]?["ttl"]?.stringValue != nil)
        #expect(got["task"]?["tags"] == .array([.string("1"), .object(["n": .string("2")])]))
        let list = try JSONParser.parse(call("GET", "/dev/tasks").bodyText)
        #expect(list["count"] == .int(1))
        #expect(list["lastEvaluatedKey"] == .null)
    }

    @Test func listLimitFollowsPythonIntRules() throws {
        for _ in 0..<3 { _ = try create() }
        for good in [" 2 ", "+2", "002", "1_0"] {
            #expect(call("GET", "/dev/tasks", query: "limit=\(good.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? good)").status == 200)
        }
        for bad in ["", "abc", "0", "-1", "2.0"] {
            let response = call("GET", "/dev/tasks", query: "limit=\(bad)")
            #expect(response.status == 500, "limit=\(bad)")
            #expect(response.bodyText == #"{"error": "Internal server error"}"#)
        }
        let page = try JSONParser.parse(call("GET", "/dev/tasks", query: "limit=2").bodyText)
        #expect(page["count"] == .int(2))
        #expect(page["lastEvaluatedKey"]?["taskId"] != nil, "the limit stopped the read")
    }

    @Test func statusIndexIsNewestFirst() throws {
        let first = try create()
        clock.advance(by: 1)
        let second = try create()
        let list = try JSONParser.parse(call("GET", "/dev/tasks", query: "status=pending").bodyText)
        #expect(list["tasks"]?.arrayValue?.map { $0["taskId"] } == [second["task"]?["taskId"], first["task"]?["taskId"]])
    }

    @Test func updateChecksInOrder() throws {
        let id = try #require(try create()["task"]?["taskId"]?.stringValue)
        #expect(call("PUT", "/dev/tasks/\(id)", "{").bodyText == #"{"error": "Invalid JSON in request body"}"#)
        for falsy in ["{}", "[]", "null", "0", "false", ""] {
            #expect(call("PUT", "/dev/tasks/missing", falsy).bodyText == #"{"error": "Request body is required"}"#, "\(falsy) checked before existence")
        }
        #expect(call("PUT", "/dev/tasks/missing", #"{"status": "x"}"#).status == 404)
        #expect(call("PUT", "/dev/tasks/\(id)", #"{"status": 5}"#).bodyText == #"{"error": "Failed to update task"}"#)
        #expect(call("PUT", "/dev/tasks/\(id)", #"{"title": 1.5}"#).bodyText == #"{"error": "Internal server error"}"#)
        #expect(call("PUT", "/dev/tasks/\(id)", #""status""#).bodyText == #"{"error": "Internal server error"}"#)
        clock.advance(by: 2)
        let unknown = call("PUT", "/dev/tasks/\(id)", #"{"colour": "red"}"#)
        #expect(unknown.status == 200, "unknown fields are ignored")
        let task = try JSONParser.parse(unknown.bodyText)["task"]
        #expect(task?["updatedAt"] != task?["createdAt"])
        #expect(task?["colour"] == nil)
    }

    @Test func deleteAndItsEventQuirk() throws {
        let id = try #require(try create()["task"]?["taskId"]?.stringValue)
        let deleted = call("DELETE", "/dev/tasks/\(id)")
        #expect(deleted.bodyText == #"{"message": "Task deleted successfully", "taskId": "\#(id)"}"#)
        #expect(call("DELETE", "/dev/tasks/\(id)").status == 404)
        let events = stack.logs.events(in: stack.names.eventsLogGroup).map(\.message)
        #expect(events.contains { $0.contains("\"TaskDeleted\"") && $0.contains("deletedAt") })
    }

    @Test func gatewayAnswersForUnknownRoutesAndCORS() {
        #expect(call("GET", "/tasks").bodyText == #"{"message":"Not Found"}"#, "a URL without the stage")
        #expect(call("PATCH", "/dev/tasks").status == 404)
        #expect(call("GET", "/dev/tasks/a/b").status == 404)
        let plain = call("GET", "/dev/tasks")
        #expect(plain.header("Access-Control-Allow-Origin") == nil)
        let withOrigin = call("GET", "/dev/tasks", headers: [("Origin", "https://example.com")])
        #expect(withOrigin.header("Access-Control-Allow-Origin") == "*")
        let preflight = call("OPTIONS", "/dev/tasks", headers: [("Origin", "https://example.com"), ("Access-Control-Request-Method", "POST")])
        #expect(preflight.status == 204)
        #expect(preflight.header("Access-Control-Max-Age") == "300")
    }

    @Test func faultsProduceGatewayErrors() throws {
        stack.setFaults(try SimFaults.parse("api-throttle=1"))
        #expect(call("GET", "/dev/tasks").bodyText == #"{"message":"Too Many Requests"}"#)
        stack.setFaults(try SimFaults.parse("api5xx=1"))
        #expect(call("GET", "/dev/tasks").bodyText == #"{"message":"Internal Server Error"}"#)
        stack.setFaults(try SimFaults.parse("latency-ms=40000"))
        clock.advance(by: 1)
        #expect(call("GET", "/dev/tasks").bodyText == #"{"message":"Service Unavailable"}"#)
        stack.setFaults(try SimFaults.parse("ddb-throttle=1"))
        #expect(call("GET", "/dev/tasks").bodyText == #"{"error": "Failed to list tasks"}"#)
        #expect(throws: SimFaults.ParseError.self) { try SimFaults.parse("api5xx=2") }
        #expect(throws: SimFaults.ParseError.self) { try SimFaults.parse("bogus=1") }
    }

    /// Every handler logs its store error (the original's `except ClientError` prints it), and an
    /// integration timeout is a Lambda that ran into its 30 s timeout.
    @Test func storeErrorsAndTimeoutsAreLogged() throws {
        let id = try #require(try create()["task"]?["taskId"]?.stringValue)
        let lines = { (key: String) in self.stack.logs.events(in: self.stack.names.lambdaLogGroup(self.stack.names.functionName(key)!)).map(\.message) }
        stack.setFaults(try SimFaults.parse("ddb-throttle=1"))
        #expect(call("GET", "/dev/tasks").bodyText == #"{"error": "Failed to list tasks"}"#)
        #expect(call("GET", "/dev/tasks", query: "status=pending").status == 500)
        #expect(call("GET", "/dev/tasks/\(id)").bodyText == #"{"error": "Failed to retrieve task"}"#)
        #expect(call("DELETE", "/dev/tasks/\(id)").bodyText == #"{"error": "Failed to delete task"}"#)
        #expect(call("PUT", "/dev/tasks/\(id)", #"{"status": "blocked"}"#).bodyText == #"{"error": "Failed to update task"}"#)
        let throttled = "An error occurred (ProvisionedThroughputExceededException) when calling the"
        #expect(lines("list_tasks").contains("DynamoDB error: \(throttled) Scan operation: Rate of requests exceeds the allowed throughput."))
        #expect(lines("list_tasks").contains("DynamoDB error: \(throttled) Query operation: Rate of requests exceeds the allowed throughput."))
        #expect(lines("get_task").contains { $0.hasPrefix("DynamoDB error: \(throttled) Query operation") })
        #expect(lines("delete_task").contains { $0.hasPrefix("DynamoDB error: \(throttled) Query operation") })
        #expect(lines("update_task").contains { $0.hasPrefix("DynamoDB error: \(throttled) Query operation") })

        stack.setFaults(try SimFaults.parse("latency-ms=40000"))
        clock.advance(by: 1)
        #expect(call("GET", "/dev/tasks/\(id)").bodyText == #"{"message":"Service Unavailable"}"#)
        let timedOut = lines("get_task").suffix(4)
        #expect(timedOut.first?.hasPrefix("START RequestId: ") == true)
        #expect(timedOut.dropFirst().first?.hasSuffix("Task timed out after 30.00 seconds") == true, "\(timedOut)")
        #expect(timedOut.dropFirst(2).first?.hasPrefix("END RequestId: ") == true)
        #expect(timedOut.last?.hasPrefix("REPORT RequestId: ") == true && timedOut.last?.contains("Duration: 30000.00 ms\tBilled Duration: 30000 ms") == true)
    }

    @Test func handlersLogTheirExactLines() throws {
        let created = try create(#"{"title": "a", "userId": "u9", "priority": "low"}"#)
        let id = try #require(created["task"]?["taskId"]?.stringValue)
        clock.advance(by: 1)
        _ = call("PUT", "/dev/tasks/\(id)", #"{"status": "completed"}"#)
        clock.advance(by: 1)
        stack.runDue()
        let messages = { (key: String) in self.stack.logs.events(in: self.stack.names.lambdaLogGroup(self.stack.names.functionName(key)!)).map(\.message) }
        #expect(messages("create_task").contains("Published TaskCreated event for task \(id)"))
        let update = messages("update_task")
        let completedIndex = try #require(update.firstIndex(of: "Published TaskCompleted event for task \(id)"))
        let updatedIndex = try #require(update.firstIndex(of: "Published TaskUpdated event for task \(id)"))
        #expect(completedIndex < updatedIndex)
        let created_ = messages("task_created")
        #expect(created_.contains { $0.hasPrefix("Received TaskCreated event: {\"version\": \"0\"") })
        #expect(created_.contains("Task \(id) created by user u9 with priority low"))
        #expect(created_.contains("Notification: New low priority task created"))
        #expect(created_.contains { $0.hasPrefix("INIT_START") })
        #expect(created_.contains { $0.hasPrefix("REPORT RequestId: ") && $0.contains("Memory Size: 256 MB") && $0.contains("XRAY TraceId: ") })
        let updated = messages("task_updated")
        #expect(updated.contains("Task \(id) updated: pending -> completed"))
        #expect(updated.contains("Published CloudWatch metric for task update"))
        #expect(updated.contains("Success: Task \(id) has been completed"))
        let completed = messages("task_completed")
        #expect(completed.contains("Task \(id) completed in 0.00 hours"))
        #expect(completed.contains("Post-completion: Checking for dependent tasks"))
        let access = stack.logs.events(in: stack.names.apiAccessLogGroup).map(\.message)
        #expect(access.first?.hasPrefix(#"{"httpMethod":"POST","integrationError":"-","ip":"#) == true)
    }
}
