import Foundation
import Testing
import TaskOpsCore
@testable import TaskOpsSim

@Suite struct SimWorkflowTests {
    func makeStack(originalIAM: Bool = false) -> (SimStack, ManualSimClock) {
        let clock = ManualSimClock()
        return (SimStack(clock: clock, seed: 3, originalIAM: originalIAM), clock)
    }

    func createHigh(_ stack: SimStack) throws -> String {
        let response = stack.handleTaskAPI(SimRequest(method: "POST", path: "/dev/tasks", headers: [("Content-Type", "application/json")],
                                                      body: Array(#"{"title": "Prod deploy", "userId": "ops", "priority": "high"}"#.utf8)))
        return try #require(try JSONParser.parse(response.bodyText)["task"]?["taskId"]?.stringValue)
    }

    func aws(_ stack: SimStack, _ op: String, _ body: JSONObject) throws -> JSONValue {
        let response = stack.handleAWS(target: "AWSStepFunctions.\(op)", body: Array(JSONWriter.compact(.object(body)).utf8), contentType: "application/x-amz-json-1.0")
        return try JSONParser.parse(response.bodyText)
    }

    func status(_ stack: SimStack, _ id: String) throws -> String? {
        let response = stack.handleTaskAPI(SimRequest(method: "GET", path: "/dev/tasks/\(id)"))
        return try JSONParser.parse(response.bodyText)["task"]?["status"]?.stringValue
    }

    func decide(_ stack: SimStack, _ id: String, _ decision: String) {
        _ = stack.handleTaskAPI(SimRequest(method: "PUT", path: "/dev/tasks/\(id)", headers: [("Content-Type", "application/json")],
                                           body: Array(#"{"status": "\#(decision)"}"#.utf8)))
    }

    func eventTypes(_ stack: SimStack) -> [String] {
        stack.logs.events(in: stack.names.eventsLogGroup).compactMap { try? JSONParser.parse($0.message)["detail-type"]?.stringValue }
    }

    @Test func highPriorityTaskWaitsForApprovalInTwoExecutions() throws {
        let (stack, clock) = makeStack()
        let id = try createHigh(stack)
        clock.advance(by: 1)
        stack.runDue()
        #expect(try status(stack, id) == "pending_approval")
        let running = try aws(stack, "ListExecutions", ["stateMachineArn": .string(stack.names.stateMachineArn), "statusFilter": .string("RUNNING")])
        let names = running["executions"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
        #expect(names.count == 2)
        #expect(names.contains("approval-\(id)"))
        decide(stack, id, "approved")
        clock.advance(by: 301)
        stack.runDue()
        #expect(eventTypes(stack).filter { $0 == "TaskApproved" }.count == 2, "both executions emit their event")
        let succeeded = try aws(stack, "ListExecutions", ["stateMachineArn": .string(stack.names.stateMachineArn), "statusFilter": .string("SUCCEEDED")])
        #expect(succeeded["executions"]?.arrayValue?.count == 2)
        let arn = try #require(succeeded["executions"]?.arrayValue?.first?["executionArn"]?.stringValue)
        let history = try aws(stack, "GetExecutionHistory", ["executionArn": .string(arn)])
        let states = history["events"]?.arrayValue?.compactMap { $0["stateEnteredEventDetails"]?["name"]?.stringValue } ?? []
        #expect(states == ["ValidateTask", "CheckPriority", "WaitForApproval", "WaitForManualApproval", "CheckApprovalStatus", "IsApproved",
                           "ProcessApprovedTask", "TaskApprovalComplete"])
    }

    @Test func undecidedTaskKeepsWaitingAndRejectionFailsBoth() throws {
        let (stack, clock) = makeStack()
        let id = try createHigh(stack)
        clock.advance(by: 1)
        stack.runDue()
        clock.advance(by: 900)
        stack.runDue()
        #expect(try status(stack, id) == "pending_approval", "no timeout: waits forever")
        decide(stack, id, "rejected")
        clock.advance(by: 301)
        stack.runDue()
        let failed = try aws(stack, "ListExecutions", ["stateMachineArn": .string(stack.names.stateMachineArn), "statusFilter": .string("FAILED")])
        #expect(failed["executions"]?.arrayValue?.count == 2)
        let arn = try #require(failed["executions"]?.arrayValue?.first?["executionArn"]?.stringValue)
        let described = try aws(stack, "DescribeExecution", ["executionArn": .string(arn)])
        #expect(described["cause"]?.stringValue == "Task was rejected during approval process")
        #expect(described["error"] == nil, "the Fail state has a Cause and no Error")
        #expect(try executionFailedDetails(stack, arn) == .object(["cause": .string("Task was rejected during approval process")]),
                "the history's ExecutionFailed agrees with DescribeExecution")
        #expect(described["input"]?.stringValue?.contains(id) == true)
        #expect(eventTypes(stack).filter { $0 == "TaskRejected" }.count == 2)
    }

    @Test func originalIAMFailsEveryExecutionInValidation() throws {
        let (stack, clock) = makeStack(originalIAM: true)
        let id = try createHigh(stack)
        clock.advance(by: 1)
        stack.runDue()
        #expect(try status(stack, id) == "pending", "nothing reaches pending_approval")
        let failed = try aws(stack, "ListExecutions", ["stateMachineArn": .string(stack.names.stateMachineArn), "statusFilter": .string("FAILED")])
        #expect(failed["executions"]?.arrayValue?.count == 2)
        let arn = try #require(failed["executions"]?.arrayValue?.first?["executionArn"]?.stringValue)
        let described = try aws(stack, "DescribeExecution", ["executionArn": .string(arn)])
        #expect(described["cause"]?.stringValue == "Task validation failed")
        #expect(described["error"] == nil, "TaskValidationFailed has a Cause and no Error")
        #expect(try executionFailedDetails(stack, arn) == .object(["cause": .string("Task validation failed")]))
        let updatedLog = stack.logs.events(in: stack.names.lambdaLogGroup(stack.names.functionName("task_updated")!))
        #expect(updatedLog.isEmpty)
    }

    /// The `executionFailedEventDetails` of the execution's history.
    func executionFailedDetails(_ stack: SimStack, _ arn: String) throws -> JSONValue? {
        let history = try aws(stack, "GetExecutionHistory", ["executionArn": .string(arn)])
        return history["events"]?.arrayValue?.first { $0["type"]?.stringValue == "ExecutionFailed" }?["executionFailedEventDetails"]
    }

    @Test func stepFunctionsErrorsAndPaging() throws {
        let (stack, clock) = makeStack()
        for _ in 0..<3 { _ = try createHigh(stack) }
        clock.advance(by: 1)
        stack.runDue()
        let machine = JSONValue.string(stack.names.stateMachineArn)
        let page = try aws(stack, "ListExecutions", ["stateMachineArn": machine, "maxResults": .int(4)])
        #expect(page["executions"]?.arrayValue?.count == 4)
        let token = try #require(page["nextToken"]?.stringValue)
        let rest = try aws(stack, "ListExecutions", ["stateMachineArn": machine, "maxResults": .int(4), "nextToken": .string(token)])
        #expect(rest["executions"]?.arrayValue?.count == 2)
        #expect(rest["nextToken"] == nil)
        #expect(try aws(stack, "ListExecutions", ["stateMachineArn": machine, "nextToken": .string("garbage")])["__type"] == .string("InvalidToken"))
        #expect(try aws(stack, "ListExecutions", ["stateMachineArn": .string("arn:aws:states:us-east-1:1:stateMachine:nope")])["__type"] == .string("StateMachineDoesNotExist"))
        #expect(try aws(stack, "DescribeExecution", ["executionArn": .string("nope")])["__type"] == .string("InvalidArn"))
        #expect(try aws(stack, "ListExecutions", ["stateMachineArn": machine, "statusFilter": .string("BOGUS")])["__type"] == .string("ValidationException"))
        #expect(try aws(stack, "Nope", [:])["__type"] == .string("UnknownOperationException"))
        let definition = try aws(stack, "DescribeStateMachine", ["stateMachineArn": machine])["definition"]?.stringValue
        #expect(definition?.hasPrefix(#"{"Comment":"Task approval workflow with human approval step","StartAt":"ValidateTask""#) == true)
        #expect(definition?.contains(#""EventBusName":"task-manager-events-dev""#) == true)
    }
}
