import Testing
import TaskOpsTesting
@testable import TaskOpsCore

@Suite struct LogLineParserTests {
    let id = "6f1c2b7e-1d2a-4c3b-9e8f-0a1b2c3d4e5f"

    func event(_ group: String, _ message: String) -> TaskEvent {
        LogLineParser.parse(LogEvent(eventId: "e1", logGroup: group, logStream: "s", timestamp: 1, ingestionTime: 1, message: message))
    }

    @Test func handlerReceivedLine() {
        let e = event("/aws/lambda/task-manager-task-created-handler-dev",
                      #"Received TaskCreated event: {"version": "0", "detail-type": "TaskCreated", "source": "task-manager", "detail": {"taskId": "\#(id)", "userId": "u1", "priority": "high", "status": "pending"}}"#)
        #expect(e.source == "task-created-handler")
        #expect(e.kind == .handlerLog)
        #expect(e.taskId == id)
        #expect(e.summary == "Received TaskCreated \(id) by u1 priority high")
    }

    @Test func eventBridgeRecord() {
        let e = event("/aws/events/task-manager-dev", #"{"detail-type": "TaskApproved", "source": "task-manager", "detail": {"taskId": "\#(id)", "status": "approved"}}"#)
        #expect(e.kind == .taskApproved)
        #expect(e.taskId == id)
    }

    @Test func lambdaLifecycleAndErrors() {
        #expect(event("/aws/lambda/task-manager-create-task-dev", "START RequestId: abc Version: $LATEST").kind == .lambdaLifecycle)
        #expect(event("/aws/lambda/task-manager-task-updated-handler-dev", "Error publishing CloudWatch metric: An error occurred (AccessDenied)").kind == .error)
        let published = event("/aws/lambda/task-manager-create-task-dev", "Published TaskCreated event for task \(id)")
        #expect(published.taskId == id)
        #expect(published.source == "create-task")
    }

    @Test func workflowRecord() {
        let input = JSONWriter.compact(.object(["detail": .object(["taskId": .string(id)])]))
        let record = JSONWriter.compact(.object(["type": .string("ExecutionFailed"), "execution_arn": .string("arn:aws:states:us-east-1:1:execution:m:approval-x"),
                                                 "details": .object(["input": .string(input)])]))
        let e = event("/aws/vendedlogs/states/task-manager-task-approval-dev", record)
        #expect(e.kind == .error)
        #expect(e.taskId == id)
        #expect(e.summary.contains("approval-x"))
    }

    /// The payload is parsed again from the line when asked for, and is the same JSON the parser read.
    @Test func detailIsTheLinesPayload() throws {
        let payload = #"{"version": "0", "detail-type": "TaskCreated", "detail": {"taskId": "\#(id)", "n": 1.50}}"#
        let handler = event("/aws/lambda/task-manager-task-created-handler-dev", "Received TaskCreated event: " + payload + "\n")
        #expect(handler.detail == (try JSONParser.parse(payload)))
        #expect(event("/aws/events/task-manager-dev", payload + "\n").detail == (try JSONParser.parse(payload)))
        #expect(event("/aws/events/task-manager-dev", "[1, 2]").detail == nil, "a record must be an object")
        #expect(event("/aws/lambda/task-manager-create-task-dev", "START RequestId: Received X event: {}").detail == nil)
        #expect(event("/aws/lambda/task-manager-create-task-dev", "Published TaskCreated event for task \(id)").detail == nil)
        #expect(event("/aws/apigateway/task-manager-dev", #"{"routeKey": "GET /tasks", "status": "200"}"#).detail?["status"] == .string("200"))
    }

    @Test func hostileLinesNeverCrash() {
        for text in HostileStrings.all {
            for group in ["/aws/events/p-e", "/aws/vendedlogs/states/x", "/aws/apigateway/p-e", "/aws/lambda/p-create-task-e", "weird"] {
                let e = event(group, "Received X event: " + text)
                #expect(e.raw == "Received X event: " + text)
                _ = event(group, text)
            }
        }
    }
}
