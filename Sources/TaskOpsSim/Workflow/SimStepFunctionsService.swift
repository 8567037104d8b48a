import Foundation
import TaskOpsCore

/// Step Functions over JSON 1.0 (`X-Amz-Target: AWSStepFunctions.<Op>`), read from the stack's executions.
final class SimStepFunctionsService: SimAWSService {
    let targetPrefix = "AWSStepFunctions"
    let signingName = "states"
    unowned let stack: SimStack
    static let contentType = "application/x-amz-json-1.0"

    init(stack: SimStack) { self.stack = stack }

    func handle(operation: String, body: [UInt8], contentType: String, now: Date) -> SimResponse {
        guard let request = AWSJSON.object(body) else {
            return AWSJSON.error("SerializationException", "Unable to parse the request body as JSON.", contentType: Self.contentType)
        }
        switch operation {
        case "ListStateMachines": return listStateMachines()
        case "DescribeStateMachine": return describeStateMachine(request)
        case "ListExecutions": return listExecutions(request)
        case "DescribeExecution": return describeExecution(request)
        case "GetExecutionHistory": return getExecutionHistory(request)
        default: return AWSJSON.error("UnknownOperationException", "Unknown operation \(operation)", contentType: Self.contentType)
        }
    }

    private func error(_ type: String, _ message: String) -> SimResponse { AWSJSON.error(type, message, contentType: Self.contentType) }

    private var created: Date { Date(timeIntervalSince1970: 1_790_000_000) }

    private func listStateMachines() -> SimResponse {
        let machine: JSONValue = .object(["stateMachineArn": .string(stack.names.stateMachineArn), "name": .string(stack.names.stateMachineName),
                                          "type": .string("STANDARD"), "creationDate": AWSJSON.epochSeconds(created)])
        return AWSJSON.ok(.object(["stateMachines": .array([machine])]), contentType: Self.contentType)
    }

    private func requireMachine(_ arn: String?) -> SimResponse? {
        guard let arn, !arn.isEmpty else { return error("ValidationException", "1 validation error detected: Value null at 'stateMachineArn' failed to satisfy constraint: Member must not be null") }
        guard arn.hasPrefix("arn:aws:states:") else { return error("InvalidArn", "Invalid Arn: 'Resource type not valid in this context: \(arn)'") }
        guard arn == stack.names.stateMachineArn else { return error("StateMachineDoesNotExist", "State Machine Does Not Exist: '\(arn)'") }
        return nil
    }

    private func describeStateMachine(_ request: JSONObject) -> SimResponse {
        let arn = request["stateMachineArn"]?.stringValue
        if let failure = requireMachine(arn) { return failure }
        let names = stack.names
        return AWSJSON.ok(.object([
            "stateMachineArn": .string(names.stateMachineArn), "name": .string(names.stateMachineName), "status": .string("ACTIVE"),
            "definition": .string(StateMachineDefinition.json(names)), "type": .string("STANDARD"),
            "roleArn": .string("arn:aws:iam::\(names.account):role/\(names.project)-step-functions-role-\(names.env)"),
            "creationDate": AWSJSON.epochSeconds(created),
            "loggingConfiguration": .object(["level": .string("ALL"), "includeExecutionData": .bool(true)]),
        ]), contentType: Self.contentType)
    }

    private func pageBounds(_ request: JSONObject, max: Int, total: Int, tokenScope: String) -> (Int, Int)? {
        var size = 100
        if let value = request["maxResults"] {
            guard let requested = value.numberValue?.intValue, (0...max).contains(requested) else { return nil }
            size = requested == 0 ? 100 : requested
        }
        var start = 0
        if let token = request["nextToken"]?.stringValue {
            guard let decoded = SimLogsService.decodeToken(token, group: tokenScope) else { return (-1, 0) }
            start = decoded
        }
        return (start, size)
    }

    private func executionSummary(_ execution: SimExecution) -> JSONValue {
        var object: JSONObject = [
            "executionArn": .string(execution.arn), "stateMachineArn": .string(stack.names.stateMachineArn), "name": .string(execution.name),
            "status": .string(execution.status.rawValue), "startDate": AWSJSON.epochSeconds(execution.start),
        ]
        if let stop = execution.stop { object["stopDate"] = AWSJSON.epochSeconds(stop) }
        return .object(object)
    }

    private func listExecutions(_ request: JSONObject) -> SimResponse {
        if let failure = requireMachine(request["stateMachineArn"]?.stringValue) { return failure }
        var filter: ExecutionStatus?
        if let text = request["statusFilter"]?.stringValue {
            guard let status = ExecutionStatus(rawValue: text) else {
                return error("ValidationException", "1 validation error detected: Value '\(text)' at 'statusFilter' failed to satisfy constraint: Member must satisfy enum value set: [SUCCEEDED, TIMED_OUT, PENDING_REDRIVE, ABORTED, FAILED, RUNNING]")
            }
            filter = status
        }
        let selected = stack.executionList.reversed().filter { filter == nil || $0.status == filter }
        let scope = "executions:" + (filter?.rawValue ?? "")
        guard let (start, size) = pageBounds(request, max: 1000, total: selected.count, tokenScope: scope) else {
            return error("ValidationException", "1 validation error detected: Value at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 1000")
        }
        guard start >= 0 else { return error("InvalidToken", "Invalid token") }
        let page = selected.dropFirst(start).prefix(size)
        var answer: JSONObject = ["executions": .array(page.map(executionSummary))]
        if start + page.count < selected.count { answer["nextToken"] = .string(SimLogsService.encodeToken(start + page.count, group: scope)) }
        return AWSJSON.ok(.object(answer), contentType: Self.contentType)
    }

    private func findExecution(_ request: JSONObject) -> Result<SimExecution, SimResponseError> {
        guard let arn = request["executionArn"]?.stringValue, !arn.isEmpty else {
            return .failure(SimResponseError(error("ValidationException", "1 validation error detected: Value null at 'executionArn' failed to satisfy constraint: Member must not be null")))
        }
        guard arn.hasPrefix("arn:aws:states:"), arn.contains(":execution:") else {
            return .failure(SimResponseError(error("InvalidArn", "Invalid Arn: 'Resource type not valid in this context: \(arn)'")))
        }
        guard let execution = stack.execution(arn: arn) else {
            return .failure(SimResponseError(error("ExecutionDoesNotExist", "Execution Does Not Exist: '\(arn)'")))
        }
        return .success(execution)
    }

    private func describeExecution(_ request: JSONObject) -> SimResponse {
        switch findExecution(request) {
        case .failure(let failure): return failure.response
        case .success(let execution):
            guard case .object(var object) = executionSummary(execution) else { return error("InternalError", "") }
            object["input"] = .string(JSONWriter.compact(.object(execution.input)))
            object["inputDetails"] = .object(["included": .bool(true)])
            if let output = execution.output { object["output"] = .string(output) }
            if execution.status == .failed {
                if let error = execution.error { object["error"] = .string(error) }
                if let cause = execution.cause { object["cause"] = .string(cause) }
            }
            return AWSJSON.ok(.object(object), contentType: Self.contentType)
        }
    }

    private func getExecutionHistory(_ request: JSONObject) -> SimResponse {
        switch findExecution(request) {
        case .failure(let failure): return failure.response
        case .success(let execution):
            var events = execution.history
            if request["reverseOrder"]?.boolValue == true { events.reverse() }
            let scope = "history:" + execution.arn
            guard let (start, size) = pageBounds(request, max: 1000, total: events.count, tokenScope: scope) else {
                return error("ValidationException", "1 validation error detected: Value at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 1000")
            }
            guard start >= 0 else { return error("InvalidToken", "Invalid token") }
            let page = events.dropFirst(start).prefix(size)
            let items: [JSONValue] = page.map { event in
                var object: JSONObject = ["id": .int(event.id), "previousEventId": .int(event.previousEventId), "type": .string(event.type),
                                          "timestamp": AWSJSON.epochSeconds(event.timestamp)]
                if let state = event.stateName {
                    let key = event.type.hasSuffix("Entered") ? "stateEnteredEventDetails" : "stateExitedEventDetails"
                    object[key] = .object(["name": .string(state)])
                }
                if event.type == "ExecutionFailed" || event.type == "TaskFailed" {
                    var details = JSONObject()
                    if let error = event.error { details["error"] = .string(error) }
                    if let cause = event.cause { details["cause"] = .string(cause) }
                    object[event.type == "ExecutionFailed" ? "executionFailedEventDetails" : "taskFailedEventDetails"] = .object(details)
                }
                return .object(object)
            }
            var answer: JSONObject = ["events": .array(items)]
            if start + page.count < events.count { answer["nextToken"] = .string(SimLogsService.encodeToken(start + page.count, group: scope)) }
            return AWSJSON.ok(.object(answer), contentType: Self.contentType)
        }
    }
}

struct SimResponseError: Error {
    let response: SimResponse
    init(_ response: SimResponse) { self.response = response }
}
