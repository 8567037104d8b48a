import Foundation
import Testing
import TaskOpsCore
@testable import TaskOpsSim

/// DynamoDB's `UserErrors` (requests it refuses) and `SystemErrors` (its 500s), and Lambda's
/// `ConcurrentExecutions` as the overlap of invocations.
@Suite struct SimDynamoAndLambdaMetricsTests {
    let clock = ManualSimClock()
    let store = SimMetricStore()
    let stack: SimStack

    init() {
        let recorder = SimStackMetricsRecorder(names: StackNames(), apiId: "a1b2c3d4e5", store: store)
        stack = SimStack(clock: clock, seed: 4, metrics: recorder)
    }

    func call(_ method: String, _ path: String, _ body: String? = nil) -> SimResponse {
        stack.handleTaskAPI(SimRequest(method: method, path: path, headers: [("Content-Type", "application/json")], body: Array((body ?? "").utf8)))
    }

    func sum(_ name: String, _ dimensions: [(String, String)], stat: String = "Sum") -> Double {
        let key = SimMetricStore.Key(namespace: name == "ConcurrentExecutions" ? "AWS/Lambda" : "AWS/DynamoDB", name: name,
                                     dimensions: dimensions.map { MetricDimension(name: $0.0, value: $0.1) })
        return store.query(key, stat: stat, period: 60, start: clock.now().addingTimeInterval(-600), end: clock.now().addingTimeInterval(60))
            .map(\.1).reduce(0, +)
    }

    func lines(_ key: String) -> [String] { stack.logs.events(in: stack.names.lambdaLogGroup(stack.names.functionName(key)!)).map(\.message) }

    @Test func valuesThatDoNotFitAnIndexKeyAreUserErrors() throws {
        let created = try JSONParser.parse(call("POST", "/dev/tasks", #"{"title": "a", "userId": "u"}"#).bodyText)
        let id = try #require(created["task"]?["taskId"]?.stringValue)
        #expect(call("PUT", "/dev/tasks/\(id)", #"{"status": 5}"#).bodyText == #"{"error": "Failed to update task"}"#)
        #expect(lines("update_task").contains("DynamoDB error: An error occurred (ValidationException) when calling the UpdateItem operation: "
            + "One or more parameter values were invalid: Type mismatch for Index Key status Expected: S Actual: N IndexName: StatusIndex"))
        #expect(call("POST", "/dev/tasks", #"{"title": "a", "userId": ["u"]}"#).bodyText == #"{"error": "Failed to create task"}"#)
        #expect(lines("create_task").contains { $0.hasSuffix("Type mismatch for Index Key userId Expected: S Actual: L IndexName: UserIdIndex") })
        #expect(sum("UserErrors", []) == 2, "account-wide, without dimensions")
        #expect(sum("SystemErrors", [("TableName", stack.names.tableName), ("Operation", "UpdateItem")]) == 0)
    }

    @Test func injectedServerErrorsAreSystemErrors() throws {
        stack.setFaults(try SimFaults.parse("ddb5xx=1"))
        #expect(call("GET", "/dev/tasks").bodyText == #"{"error": "Failed to list tasks"}"#)
        #expect(call("POST", "/dev/tasks", #"{"title": "a", "userId": "u"}"#).bodyText == #"{"error": "Failed to create task"}"#)
        #expect(lines("list_tasks").contains("DynamoDB error: An error occurred (InternalServerError) when calling the Scan operation: Internal server error"))
        let table = ("TableName", stack.names.tableName)
        #expect(sum("SystemErrors", [table, ("Operation", "Scan")]) == 1)
        #expect(sum("SystemErrors", [table, ("Operation", "PutItem")]) == 1)
        #expect(sum("UserErrors", []) == 0)
    }

    @Test func concurrentExecutionsIsTheOverlapOfInvocations() {
        let recorder = SimStackMetricsRecorder(names: StackNames(), apiId: "a", store: store)
        let t = clock.now()
        recorder.lambdaInvocation(function: "f", durationMs: 500, crashed: false, at: t)
        recorder.lambdaInvocation(function: "f", durationMs: 500, crashed: false, at: t.addingTimeInterval(0.1))
        recorder.lambdaInvocation(function: "g", durationMs: 500, crashed: false, at: t.addingTimeInterval(0.2))
        recorder.lambdaInvocation(function: "f", durationMs: 500, crashed: false, at: t.addingTimeInterval(2))
        #expect(sum("ConcurrentExecutions", [("FunctionName", "f")], stat: "Maximum") == 2, "two invocations of f overlapped")
        #expect(sum("ConcurrentExecutions", [], stat: "Maximum") == 3, "three across the account")
        #expect(sum("ConcurrentExecutions", [("FunctionName", "g")], stat: "Maximum") == 1)
    }
}
