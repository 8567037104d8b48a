import Foundation
import TaskOpsCore

/// Step Functions over JSON 1.0.
public struct StepFunctionsClient: StepFunctionsAPI {
    public let client: AWSJSONClient

    public init(client: AWSJSONClient) { self.client = client }

    public func listStateMachines(nextToken: String?) async throws(StackError) -> (machines: [StateMachineInfo], nextToken: String?) {
        var body = JSONObject()
        if let nextToken { body["nextToken"] = .string(nextToken) }
        let answer = try await client.call("ListStateMachines", body)
        let machines = (answer["stateMachines"]?.arrayValue ?? []).compactMap { item -> StateMachineInfo? in
            guard let arn = item["stateMachineArn"]?.stringValue else { return nil }
            return StateMachineInfo(arn: arn, name: AWSRead.string(item["name"]), type: AWSRead.string(item["type"]),
                                    creationDate: AWSRead.date(item["creationDate"]) ?? Date(timeIntervalSince1970: 0))
        }
        return (machines, answer["nextToken"]?.stringValue)
    }

    public func listExecutions(stateMachineArn: String, status: ExecutionStatus?, maxResults: Int?, nextToken: String?) async throws(StackError) -> ListExecutionsPage {
        var body: JSONObject = ["stateMachineArn": .string(stateMachineArn)]
        if let status { body["statusFilter"] = .string(status.rawValue) }
        if let maxResults { body["maxResults"] = .int(maxResults) }
        if let nextToken { body["nextToken"] = .string(nextToken) }
        let answer = try await client.call("ListExecutions", body)
        return ListExecutionsPage(executions: (answer["executions"]?.arrayValue ?? []).compactMap(Self.execution), nextToken: answer["nextToken"]?.stringValue)
    }

    public func describeExecution(arn: String) async throws(StackError) -> ExecutionInfo {
        let answer = try await client.call("DescribeExecution", ["executionArn": .string(arn)])
        guard let execution = Self.execution(.object(answer)) else {
            throw StackError(kind: .malformed, code: "MalformedResponse", message: "DescribeExecution returned no executionArn", service: "states")
        }
        return execution
    }

    public func getExecutionHistory(arn: String, maxResults: Int?, nextToken: String?) async throws(StackError) -> ExecutionHistoryPage {
        var body: JSONObject = ["executionArn": .string(arn)]
        if let maxResults { body["maxResults"] = .int(maxResults) }
        if let nextToken { body["nextToken"] = .string(nextToken) }
        let answer = try await client.call("GetExecutionHistory", body)
        let events = (answer["events"]?.arrayValue ?? []).map { item -> ExecutionHistoryEvent in
            let failure = item["executionFailedEventDetails"] ?? item["taskFailedEventDetails"]
            return ExecutionHistoryEvent(
                id: item["id"]?.numberValue?.intValue ?? 0, previousEventId: item["previousEventId"]?.numberValue?.intValue ?? 0,
                type: AWSRead.string(item["type"]), timestamp: AWSRead.date(item["timestamp"]) ?? Date(timeIntervalSince1970: 0),
                stateName: (item["stateEnteredEventDetails"] ?? item["stateExitedEventDetails"])?["name"]?.stringValue,
                error: failure?["error"]?.stringValue, cause: failure?["cause"]?.stringValue)
        }
        return ExecutionHistoryPage(events: events, nextToken: answer["nextToken"]?.stringValue)
    }

    static func execution(_ item: JSONValue) -> ExecutionInfo? {
        guard let arn = item["executionArn"]?.stringValue else { return nil }
        return ExecutionInfo(executionArn: arn, stateMachineArn: AWSRead.string(item["stateMachineArn"]), name: AWSRead.string(item["name"]),
                             status: ExecutionStatus(rawValue: AWSRead.string(item["status"])) ?? .running,
                             startDate: AWSRead.date(item["startDate"]) ?? Date(timeIntervalSince1970: 0), stopDate: AWSRead.date(item["stopDate"]),
                             input: item["input"]?.stringValue, output: item["output"]?.stringValue,
                             error: item["error"]?.stringValue, cause: item["cause"]?.stringValue)
    }
}
