import Foundation
import TaskOpsCore

/// The stream reads log tailers make: DescribeLogStreams (by name or by last event time) and
/// GetLogEvents (from the head or the tail, with forward and backward tokens; a forward token
/// with nothing new comes back unchanged, as `aws logs tail`-style loops expect).
extension SimLogsService {
    static func millis(_ value: Int64) -> JSONValue { .number(JSONNumber(literal: String(value), isInteger: true)) }

    func groupName(_ request: JSONObject) -> String? {
        let name = request["logGroupName"]?.stringValue ?? request["logGroupIdentifier"]?.stringValue
        guard let name, name.hasPrefix("arn:"), let range = name.range(of: ":log-group:") else { return name }
        return String(name[range.upperBound...]).replacingOccurrences(of: ":*", with: "")
    }

    func describeLogStreams(_ request: JSONObject, nowMillis: Int64) -> SimResponse {
        guard let name = groupName(request), let group = store.groups[name] else {
            return AWSJSON.error("ResourceNotFoundException", "The specified log group does not exist.", contentType: Self.contentType)
        }
        let prefix = request["logStreamNamePrefix"]?.stringValue ?? ""
        let byTime = request["orderBy"]?.stringValue == "LastEventTime"
        if byTime && !prefix.isEmpty { return invalid("Cannot order by LastEventTime with a logStreamNamePrefix.") }
        let limit = request["limit"]?.numberValue?.intValue ?? 50
        guard (1...50).contains(limit) else { return invalid("1 validation error detected: Value at 'limit' failed to satisfy constraint: Member must have value less than or equal to 50") }
        var streams: [String: (first: Int64, last: Int64, ingested: Int64, bytes: Int)] = [:]
        for event in group.events where event.stream.hasPrefix(prefix) && event.isReadable(nowMillis: nowMillis) {
            var entry = streams[event.stream] ?? (event.timestamp, event.timestamp, event.ingestionTime, 0)
            entry.first = min(entry.first, event.timestamp)
            entry.last = max(entry.last, event.timestamp)
            entry.ingested = max(entry.ingested, event.ingestionTime)
            entry.bytes += event.message.utf8.count
            streams[event.stream] = entry
        }
        var ordered = streams.keys.sorted()
        if byTime { ordered.sort { (streams[$0]?.last ?? 0, $0) < (streams[$1]?.last ?? 0, $1) } }
        if request["descending"]?.boolValue == true { ordered.reverse() }
        let scope = "streams:\(name)|\(prefix)|\(byTime)"
        var start = 0
        if let token = request["nextToken"]?.stringValue {
            guard let position = Self.decodeToken(token, group: scope) else { return invalid("The specified nextToken is invalid.") }
            start = position
        }
        let page = ordered.dropFirst(start).prefix(limit)
        let items: [JSONValue] = page.compactMap { stream in
            guard let entry = streams[stream] else { return nil }
            return .object([
                "logStreamName": .string(stream), "creationTime": Self.millis(entry.first), "firstEventTimestamp": Self.millis(entry.first),
                "lastEventTimestamp": Self.millis(entry.last), "lastIngestionTime": Self.millis(entry.ingested),
                "arn": .string("arn:aws:logs:us-east-1:123456789012:log-group:\(name):log-stream:\(stream)"), "storedBytes": .int(0),
            ])
        }
        var answer: JSONObject = ["logStreams": .array(items)]
        if start + page.count < ordered.count { answer["nextToken"] = .string(Self.encodeToken(start + page.count, group: scope)) }
        return AWSJSON.ok(.object(answer), contentType: Self.contentType)
    }

    func getLogEvents(_ request: JSONObject, nowMillis: Int64) -> SimResponse {
        guard let name = groupName(request), let group = store.groups[name] else {
            return AWSJSON.error("ResourceNotFoundException", "The specified log group does not exist.", contentType: Self.contentType)
        }
        guard let streamName = request["logStreamName"]?.stringValue, !streamName.isEmpty else {
            return invalid("1 validation error detected: Value null at 'logStreamName' failed to satisfy constraint: Member must not be null")
        }
        let start = AWSJSON.int64(request["startTime"]), end = AWSJSON.int64(request["endTime"])
        let limit = request["limit"]?.numberValue?.intValue ?? 10_000
        guard (1...10_000).contains(limit) else { return invalid("1 validation error detected: Value at 'limit' failed to satisfy constraint: Member must have value less than or equal to 10000") }
        let events = group.events.filter { event in
            event.stream == streamName && event.isReadable(nowMillis: nowMillis)
                && start.map { event.timestamp >= $0 } ?? true && end.map { event.timestamp < $0 } ?? true
        }
        guard !events.isEmpty || group.events.contains(where: { $0.stream == streamName }) else {
            return AWSJSON.error("ResourceNotFoundException", "The specified log stream does not exist.", contentType: Self.contentType)
        }
        // A token is a cursor between events, by (timestamp, arrival): `f/` reads after it, `b/` before it.
        let page: ArraySlice<SimLogStore.Stored>
        var forward = true
        if let token = request["nextToken"]?.stringValue {
            guard let cursor = Self.cursor(token) else { return invalid("The specified nextToken is invalid.") }
            forward = cursor.forward
            page = forward ? events.filter { Self.key($0) > cursor.key }.prefix(limit)
                           : events.filter { Self.key($0) < cursor.key }.suffix(limit)
        } else {
            page = request["startFromHead"]?.boolValue == true ? events.prefix(limit) : events.suffix(limit)
        }
        let previous = request["nextToken"]?.stringValue.flatMap(Self.cursor)?.key
        let after = page.last.map(Self.key) ?? (forward ? previous : nil) ?? events.last.map(Self.key) ?? (0, 0)
        let before = page.first.map(Self.key) ?? (forward ? nil : previous) ?? events.first.map(Self.key) ?? (0, 0)
        let items: [JSONValue] = page.map {
            .object(["timestamp": Self.millis($0.timestamp), "message": .string($0.message), "ingestionTime": Self.millis($0.ingestionTime)])
        }
        return AWSJSON.ok(.object(["events": .array(items), "nextForwardToken": .string("f/\(after.0)-\(after.1)"),
                                   "nextBackwardToken": .string("b/\(before.0)-\(before.1)")]), contentType: Self.contentType)
    }

    static func key(_ event: SimLogStore.Stored) -> (Int64, UInt64) { (event.timestamp, event.sequence) }

    static func cursor(_ token: String) -> (forward: Bool, key: (Int64, UInt64))? {
        guard token.hasPrefix("f/") || token.hasPrefix("b/") else { return nil }
        let parts = token.dropFirst(2).split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, let timestamp = Int64(parts[0]), let sequence = UInt64(parts[1]) else { return nil }
        return (token.hasPrefix("f/"), (timestamp, sequence))
    }
}
