import Foundation
import TaskOpsCore

/// CloudWatch Logs over JSON 1.1 (`X-Amz-Target: Logs_20140328.<Op>`), backed by `SimLogStore`:
/// FilterLogEvents, DescribeLogGroups, StartQuery, GetQueryResults, and the stream reads
/// (`SimLogsService+Streams`).
///
/// FilterLogEvents scans at most `scanSlice` stored events per call, as the real service scans a
/// bounded slice: a page may therefore be empty yet carry a `nextToken`, and clients must follow it.
public final class SimLogsService: SimAWSService {
    public let targetPrefix = "Logs_20140328"
    public let signingName = "logs"
    let store: SimLogStore
    let scanSlice: Int
    let insights = SimInsights()
    private var queryCount = 0
    static let contentType = "application/x-amz-json-1.1"

    public init(store: SimLogStore, scanSlice: Int = 2_000) {
        self.store = store
        self.scanSlice = scanSlice
    }

    public func handle(operation: String, body: [UInt8], contentType: String, now: Date) -> SimResponse {
        guard let request = AWSJSON.object(body) else {
            return AWSJSON.error("SerializationException", "Unable to parse the request body as JSON.", contentType: Self.contentType)
        }
        switch operation {
        case "FilterLogEvents": return filterLogEvents(request, nowMillis: Self.millis(now))
        case "DescribeLogStreams": return describeLogStreams(request, nowMillis: Self.millis(now))
        case "GetLogEvents": return getLogEvents(request, nowMillis: Self.millis(now))
        case "DescribeLogGroups": return describeLogGroups(request)
        case "StartQuery": return startQuery(request)
        case "GetQueryResults": return getQueryResults(request)
        default:
            return AWSJSON.error("UnknownOperationException", "Unknown operation \(operation)", contentType: Self.contentType)
        }
    }

    static func millis(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded(.down)) }

    func invalid(_ message: String) -> SimResponse {
        AWSJSON.error("InvalidParameterException", message, contentType: Self.contentType)
    }

    func filterLogEvents(_ request: JSONObject, nowMillis: Int64 = .max) -> SimResponse {
        var groupName = request["logGroupName"]?.stringValue ?? request["logGroupIdentifier"]?.stringValue
        if let name = groupName, name.hasPrefix("arn:"), let range = name.range(of: ":log-group:") {
            groupName = String(name[range.upperBound...]).replacingOccurrences(of: ":*", with: "")
        }
        guard let groupName, !groupName.isEmpty else {
            return invalid("1 validation error detected: Value null at 'logGroupName' failed to satisfy constraint: Member must not be null")
        }
        guard let group = store.groups[groupName] else {
            return AWSJSON.error("ResourceNotFoundException", "The specified log group does not exist.", contentType: Self.contentType)
        }
        let start = AWSJSON.int64(request["startTime"])
        let end = AWSJSON.int64(request["endTime"])
        if let start, start < 0 { return invalid("1 validation error detected: Value at 'startTime' failed to satisfy constraint: Member must have value greater than or equal to 0") }
        if let start, let end, end < start { return invalid("endTime must be greater than or equal to startTime") }
        var limit = 10_000
        if let value = request["limit"] {
            guard let requested = value.numberValue?.intValue, (1...10_000).contains(requested) else {
                return invalid("1 validation error detected: Value at 'limit' failed to satisfy constraint: Member must have value less than or equal to 10000 and greater than or equal to 1")
            }
            limit = requested
        }
        let pattern: LogFilterPattern
        do { pattern = try LogFilterPattern(request["filterPattern"]?.stringValue ?? "") } catch { return invalid("Invalid character(s) in term: \(error.message)") }
        let prefix = request["logStreamNamePrefix"]?.stringValue
        let events = group.events
        // Tokens carry a position counted from the group's first event ever, so events dropped by
        // retention between two pages do not shift where the next page starts.
        var position = events.startIndex
        if let token = request["nextToken"]?.stringValue {
            guard let decoded = Self.decodeToken(token, group: groupName) else { return invalid("The specified nextToken is invalid.") }
            position = events.startIndex + max(0, decoded - group.droppedCount)
        } else if let start {
            // Skip straight to the window's start: events are kept sorted by timestamp.
            position = Self.firstIndex(in: events, atOrAfter: start)
        }
        var matched: [JSONValue] = []
        var scanned = 0
        while position < events.endIndex, matched.count < limit, scanned < scanSlice {
            let event = events[position]
            position += 1
            scanned += 1
            if let end, event.timestamp > end { position = events.endIndex; break }
            if let prefix, !event.stream.hasPrefix(prefix) { continue }
            // Not yet ingested: not returned, and a token already past it never returns it (a
            // reader catches it by reading again from before its timestamp).
            guard event.isReadable(nowMillis: nowMillis), pattern.matches(event.message) else { continue }
            matched.append(.object([
                "logStreamName": .string(event.stream), "timestamp": .number(JSONNumber(literal: String(event.timestamp), isInteger: true)),
                "message": .string(event.message), "ingestionTime": .number(JSONNumber(literal: String(event.ingestionTime), isInteger: true)),
                "eventId": .string(event.eventId),
            ]))
        }
        var answer: JSONObject = ["events": .array(matched), "searchedLogStreams": .array([])]
        if position < events.endIndex, end.map({ events[position].timestamp <= $0 }) ?? true {
            answer["nextToken"] = .string(Self.encodeToken(group.droppedCount + position - events.startIndex, group: groupName))
        }
        return AWSJSON.ok(.object(answer), contentType: Self.contentType)
    }

    static func firstIndex(in events: ArraySlice<SimLogStore.Stored>, atOrAfter start: Int64) -> Int {
        var low = events.startIndex, high = events.endIndex
        while low < high {
            let mid = (low + high) / 2
            if events[mid].timestamp < start { low = mid + 1 } else { high = mid }
        }
        return low
    }

    static func encodeToken(_ position: Int, group: String) -> String {
        Data("\(position)|\(group)".utf8).base64EncodedString()
    }

    static func decodeToken(_ token: String, group: String) -> Int? {
        guard let data = Data(base64Encoded: token), let text = String(data: data, encoding: .utf8) else { return nil }
        let parts = text.split(separator: "|", maxSplits: 1)
        guard parts.count == 2, String(parts[1]) == group, let position = Int(parts[0]), position >= 0 else { return nil }
        return position
    }

    func startQuery(_ request: JSONObject) -> SimResponse {
        let groups = (request["logGroupNames"]?.arrayValue ?? []).compactMap(\.stringValue) + [request["logGroupName"]?.stringValue].compactMap { $0 }
        guard !groups.isEmpty else { return invalid("Log group names or identifiers must be specified.") }
        guard let query = request["queryString"]?.stringValue, !query.isEmpty else { return invalid("queryString is required") }
        guard let start = AWSJSON.int64(request["startTime"]), let end = AWSJSON.int64(request["endTime"]), start <= end else {
            return invalid("startTime and endTime are required and startTime must not be after endTime")
        }
        for group in groups where store.groups[group] == nil {
            return AWSJSON.error("ResourceNotFoundException", "Log group '\(group)' does not exist", contentType: Self.contentType)
        }
        queryCount += 1
        let id = String(format: "%08x-0000-4000-8000-%012x", queryCount, queryCount)
        insights.start(groups: groups, query: query, start: start, end: end, store: store, id: id)
        return AWSJSON.ok(.object(["queryId": .string(id)]), contentType: Self.contentType)
    }

    func getQueryResults(_ request: JSONObject) -> SimResponse {
        guard let id = request["queryId"]?.stringValue, let rows = insights.results(id) else {
            return AWSJSON.error("ResourceNotFoundException", "Query does not exist", contentType: Self.contentType)
        }
        let json: [JSONValue] = rows.map { row in .array(row.map { .object(["field": .string($0.0), "value": .string($0.1)]) }) }
        return AWSJSON.ok(.object(["results": .array(json), "status": .string("Complete"),
                                   "statistics": .object(["recordsMatched": .double(Double(rows.count)), "recordsScanned": .double(Double(rows.count)),
                                                          "bytesScanned": .double(0)])]), contentType: Self.contentType)
    }

    func describeLogGroups(_ request: JSONObject) -> SimResponse {
        let prefix = request["logGroupNamePrefix"]?.stringValue ?? ""
        var limit = 50
        if let value = request["limit"] {
            guard let requested = value.numberValue?.intValue, (1...50).contains(requested) else {
                return invalid("1 validation error detected: Value at 'limit' failed to satisfy constraint: Member must have value less than or equal to 50")
            }
            limit = requested
        }
        let names = store.groups.keys.filter { $0.hasPrefix(prefix) }.sorted()
        var start = 0
        if let token = request["nextToken"]?.stringValue {
            guard let position = Self.decodeToken(token, group: "groups:" + prefix) else { return invalid("The specified nextToken is invalid.") }
            start = position
        }
        let page = names.dropFirst(start).prefix(limit)
        let groups: [JSONValue] = page.compactMap { name in
            guard let group = store.groups[name] else { return nil }
            return .object([
                "logGroupName": .string(name), "creationTime": .number(JSONNumber(literal: String(group.creationTime), isInteger: true)),
                "storedBytes": .number(JSONNumber(literal: String(group.storedBytes), isInteger: true)),
                "arn": .string("arn:aws:logs:us-east-1:123456789012:log-group:\(name):*"),
            ])
        }
        var answer: JSONObject = ["logGroups": .array(groups)]
        if start + page.count < names.count { answer["nextToken"] = .string(Self.encodeToken(start + page.count, group: "groups:" + prefix)) }
        return AWSJSON.ok(.object(answer), contentType: Self.contentType)
    }
}
