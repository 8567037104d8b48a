import Foundation
import TaskOpsCore

/// CloudWatch Logs over JSON 1.1.
public struct LogsClient: LogsAPI {
    public let client: AWSJSONClient

    public init(client: AWSJSONClient) { self.client = client }

    public func filterLogEvents(_ request: FilterLogEventsRequest) async throws(StackError) -> FilterLogEventsPage {
        var body: JSONObject = ["logGroupName": .string(request.logGroupName)]
        if let start = request.startTime { body["startTime"] = .number(JSONNumber(literal: String(start), isInteger: true)) }
        if let end = request.endTime { body["endTime"] = .number(JSONNumber(literal: String(end), isInteger: true)) }
        if let pattern = request.filterPattern { body["filterPattern"] = .string(pattern) }
        if let limit = request.limit { body["limit"] = .int(limit) }
        if let token = request.nextToken { body["nextToken"] = .string(token) }
        if let prefix = request.logStreamNamePrefix { body["logStreamNamePrefix"] = .string(prefix) }
        let answer = try await client.call("FilterLogEvents", body)
        let events: [LogEvent] = (answer["events"]?.arrayValue ?? []).compactMap { item in
            guard let id = item["eventId"]?.stringValue else { return nil }
            return LogEvent(eventId: id, logGroup: request.logGroupName, logStream: AWSRead.string(item["logStreamName"]),
                            timestamp: AWSRead.int64(item["timestamp"]), ingestionTime: AWSRead.int64(item["ingestionTime"]),
                            message: AWSRead.string(item["message"]))
        }
        return FilterLogEventsPage(events: events, nextToken: answer["nextToken"]?.stringValue)
    }

    public func describeLogGroups(prefix: String?, nextToken: String?) async throws(StackError) -> (groups: [LogGroupInfo], nextToken: String?) {
        var body = JSONObject()
        if let prefix { body["logGroupNamePrefix"] = .string(prefix) }
        if let nextToken { body["nextToken"] = .string(nextToken) }
        let answer = try await client.call("DescribeLogGroups", body)
        let groups = (answer["logGroups"]?.arrayValue ?? []).compactMap { item -> LogGroupInfo? in
            guard let name = item["logGroupName"]?.stringValue else { return nil }
            return LogGroupInfo(name: name, creationTime: AWSRead.int64(item["creationTime"]), storedBytes: AWSRead.int64(item["storedBytes"]),
                                retentionInDays: item["retentionInDays"]?.numberValue?.intValue)
        }
        return (groups, answer["nextToken"]?.stringValue)
    }

    public func startQuery(logGroupNames: [String], queryString: String, startTime: Int64, endTime: Int64, limit: Int?) async throws(StackError) -> String {
        var body: JSONObject = ["logGroupNames": .array(logGroupNames.map { .string($0) }), "queryString": .string(queryString),
                                "startTime": .number(JSONNumber(literal: String(startTime), isInteger: true)),
                                "endTime": .number(JSONNumber(literal: String(endTime), isInteger: true))]
        if let limit { body["limit"] = .int(limit) }
        let answer = try await client.call("StartQuery", body)
        guard let id = answer["queryId"]?.stringValue else {
            throw StackError(kind: .malformed, code: "MalformedResponse", message: "StartQuery returned no queryId", service: "logs")
        }
        return id
    }

    public func getQueryResults(queryId: String) async throws(StackError) -> InsightsQueryResults {
        let answer = try await client.call("GetQueryResults", ["queryId": .string(queryId)])
        let rows: [[(field: String, value: String)]] = (answer["results"]?.arrayValue ?? []).map { row in
            (row.arrayValue ?? []).map { cell in (AWSRead.string(cell["field"]), AWSRead.string(cell["value"])) }
        }
        let stats = answer["statistics"]
        return InsightsQueryResults(status: AWSRead.string(answer["status"]), rows: rows,
                                    recordsMatched: AWSRead.double(stats?["recordsMatched"]), recordsScanned: AWSRead.double(stats?["recordsScanned"]))
    }
}
