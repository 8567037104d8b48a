import Foundation

/// Turns CloudWatch Logs events of the stack's log groups into typed `TaskEvent`s.
/// Never fails: a line it does not understand becomes an `.other` (or `.error`) event with the raw text.
public enum LogLineParser {
    /// What a line says, worked out before the event is made (once, packed).
    struct Reading {
        var kind: TaskEventKind = .other
        var taskId: String?
        var summary: String
        /// The line parsed as a JSON record, so the event need not parse it again to pack it.
        var record: JSONObject?
        /// The summary is the bus record's own (`busSummary`), so the event need not store it.
        var summaryIsRecords = false
    }

    public static func parse(_ event: LogEvent) -> TaskEvent {
        let result = reading(of: event)
        return TaskEvent(id: event.eventId, timestamp: event.timestamp, logGroup: event.logGroup, source: sourceName(ofGroup: event.logGroup),
                         kind: result.kind, taskId: result.taskId, summary: result.summary, raw: event.message, record: result.record,
                         summaryIsRecords: result.summaryIsRecords)
    }

    /// The events of one answer, held in shared blocks (as `TaskEvent.sharingBlocks` would hold them).
    public static func parse(_ events: [LogEvent]) -> [TaskEvent] {
        var typed: [TaskEvent] = []
        typed.reserveCapacity(events.count)
        var builder = EventBlockBuilder()
        for event in events {
            if !builder.hasRoom { typed += TaskEvent.built(&builder) }
            let result = reading(of: event)
            builder.append(id: event.eventId, timestamp: event.timestamp, logGroup: event.logGroup, source: sourceName(ofGroup: event.logGroup),
                           kind: result.kind, taskId: result.taskId, summary: result.summary, raw: event.message, record: result.record,
                           summaryIsRecords: result.summaryIsRecords)
        }
        return events.isEmpty ? [] : typed + TaskEvent.built(&builder)
    }

    static func reading(of event: LogEvent) -> Reading {
        let message = event.message.cheaplyTrimming(.newlines)
        var result = Reading(summary: message)
        if carriesBusRecords(group: event.logGroup) {
            parseEventBridgeRecord(message, into: &result)
        } else if event.logGroup.hasPrefix("/aws/vendedlogs/states/") {
            parseWorkflowRecord(message, into: &result)
        } else if event.logGroup.hasPrefix("/aws/apigateway/") {
            parseAccessRecord(message, into: &result)
        } else {
            parseLambdaLine(message, into: &result)
        }
        return result
    }

    /// Whether a group's lines are whole JSON records (the bus's, the workflow's, the access log's).
    public static func carriesRecords(group: String) -> Bool {
        group.hasPrefix("/aws/events/") || group.hasPrefix("/aws/vendedlogs/states/") || group.hasPrefix("/aws/apigateway/")
    }

    /// The JSON a line carries: the whole record in the bus's, the workflow's and the access
    /// logs; what follows `Received … event: ` in a handler's line. Nil for anything else.
    public static func payload(of raw: String, group: String) -> JSONValue? {
        let message = raw.cheaplyTrimming(.newlines)
        if carriesRecords(group: group) {
            guard let json = try? JSONParser.parse(message), json.objectValue != nil else { return nil }
            return json
        }
        guard let payload = receivedPayload(in: message) else { return nil }
        return try? JSONParser.parse(String(payload.text))
    }

    /// `Received {type} event: {payload}` in a handler's line (not a Lambda lifecycle line).
    static func receivedPayload(in message: String) -> (detailType: Substring, text: Substring)? {
        guard !lifecyclePrefixes.contains(where: { message.hasPrefix($0) }),
              let range = message.byteRange(of: "Received "), let eventRange = message.byteRange(of: " event: ", from: range.upperBound) else { return nil }
        return (message[range.upperBound..<eventRange.lowerBound], message[eventRange.upperBound...])
    }

    /// `/aws/lambda/task-manager-create-task-dev` → `create-task`; others by their kind.
    private static let sourceNames = SourceNameCache()

    /// The short name of the component writing to `group` (remembered per group: it is asked once per event).
    public static func sourceName(ofGroup group: String) -> String {
        sourceNames.name(of: group, compute: computeSourceName)
    }

    static func computeSourceName(ofGroup group: String) -> String {
        if group.hasPrefix("/aws/lambda/") {
            var name = String(group.dropFirst("/aws/lambda/".count))
            for handler in ["create-task", "get-task", "update-task", "delete-task", "list-tasks",
                            "task-created-handler", "task-updated-handler", "task-completed-handler"] where name.containsBytes("-\(handler)-") || name.hasSuffix("-\(handler)") {
                return handler
            }
            if let dash = name.lastIndex(of: "-") { name = String(name[..<dash]) }
            return name
        }
        if group.hasPrefix("/aws/vendedlogs/states/") { return "task-approval" }
        if group.hasPrefix("/aws/events/") { return "events" }
        if group.hasPrefix("/aws/apigateway/") { return "api" }
        return group
    }

    static let eventKinds: [String: TaskEventKind] = [
        "TaskCreated": .taskCreated, "TaskUpdated": .taskUpdated, "TaskCompleted": .taskCompleted,
        "TaskDeleted": .taskDeleted, "TaskApproved": .taskApproved, "TaskRejected": .taskRejected,
    ]

    static func parseEventBridgeRecord(_ message: String, into event: inout Reading) {
        guard let json = try? JSONParser.parse(message), let object = json.objectValue else { return }
        event.record = object
        let detailType = object["detail-type"]?.stringValue ?? ""
        event.kind = eventKinds[detailType] ?? .other
        event.taskId = object["detail"]?["taskId"]?.displayText
        event.summary = busSummary(object)
        event.summaryIsRecords = true
    }

    /// Whether a group's lines are the bus's records.
    static func carriesBusRecords(group: String) -> Bool { group.hasPrefix("/aws/events/") }

    /// The summary of a bus record, read from it packed (as `parseEventBridgeRecord` makes it),
    /// without unpacking its `detail`.
    static func busSummary(_ record: PackedJSONObject) -> String {
        let detail = record.nestedObject("detail")
        return summarize(detailType: record["detail-type"]?.stringValue ?? "") { detail?.text($0) }
    }

    /// The same, read from the record as parsed.
    static func busSummary(_ record: JSONObject) -> String {
        summarize(detailType: record["detail-type"]?.stringValue ?? "", detail: record["detail"])
    }

    static func summarize(detailType: String, detail: JSONValue?) -> String {
        summarize(detailType: detailType) { detail?[$0]?.displayText }
    }

    /// `field` gives the display text of a key of the record's `detail`.
    static func summarize(detailType: String, field: (String) -> String?) -> String {
        let id = field("taskId") ?? "?"
        switch detailType {
        case "TaskCreated":
            return "TaskCreated \(id) by \(field("userId") ?? "?") priority \(field("priority") ?? "?")"
        case "TaskUpdated", "TaskCompleted":
            return "\(detailType) \(id): \(field("oldStatus") ?? "?") -> \(field("newStatus") ?? "?")"
        case "TaskApproved", "TaskRejected":
            return "\(detailType) \(id)"
        default:
            return "\(detailType.isEmpty ? "Event" : detailType) \(id)"
        }
    }

    static func parseWorkflowRecord(_ message: String, into event: inout Reading) {
        guard let json = try? JSONParser.parse(message), let object = json.objectValue else { return }
        event.record = object
        event.kind = .workflow
        let type = object["type"]?.stringValue ?? "?"
        let execution = object["execution_arn"]?.stringValue.flatMap { $0.split(separator: ":").last.map(String.init) } ?? ""
        let details = object["details"]
        let state = details?["name"]?.stringValue
        if type.hasSuffix("Failed") { event.kind = .error }
        if let input = details?["input"]?.stringValue, let parsed = try? JSONParser.parse(input) {
            event.taskId = parsed["detail"]?["taskId"]?.displayText
        }
        event.summary = [type, state, execution.isEmpty ? nil : "(\(execution))"].compactMap { $0 }.joined(separator: " ")
    }

    static func parseAccessRecord(_ message: String, into event: inout Reading) {
        guard let json = try? JSONParser.parse(message), let object = json.objectValue else { return }
        event.record = object
        event.kind = .apiAccess
        let status = object["status"]?.displayText ?? "?"
        event.summary = "\(object["routeKey"]?.displayText ?? "?") → \(status)"
        if let code = Int(status), code >= 500 { event.kind = .error }
    }

    static let lifecyclePrefixes = ["START RequestId:", "END RequestId:", "REPORT RequestId:", "INIT_START", "INIT_REPORT"]

    static func parseLambdaLine(_ message: String, into event: inout Reading) {
        if lifecyclePrefixes.contains(where: { message.hasPrefix($0) }) {
            event.kind = .lambdaLifecycle
            return
        }
        if let (type, text) = receivedPayload(in: message) {
            let detailType = String(type)
            event.kind = .handlerLog
            if let json = try? JSONParser.parse(String(text)) {
                event.taskId = json["detail"]?["taskId"]?.displayText
                event.summary = ("Received " + summarize(detailType: detailType, detail: json["detail"]))
            }
            return
        }
        if message.containsBytes("[ERROR]") || message.hasPrefix("Error") || message.containsBytes("Traceback") || message.containsBytes("AccessDenied")
            || message.prefix(16).lowercased().hasPrefix("unexpected error") || message.prefix(14).lowercased().hasPrefix("dynamodb error") {
            event.kind = .error
        } else {
            event.kind = .handlerLog
        }
        event.taskId = taskId(in: message)
    }

    /// Finds a task id in `… task {id}` / `Task {id} …` lines.
    static func taskId(in message: String) -> String? {
        for marker in ["for task ", "Task ", "task "] {
            guard let range = message.byteRange(of: marker) else { continue }
            let candidate = message[range.upperBound...].prefix { $0.isHexDigit || $0 == "-" }
            if candidate.count == 36 { return String(candidate) }
        }
        return nil
    }
}

/// Group → source name, bounded (a stack has a dozen groups; anything beyond is computed afresh).
final class SourceNameCache: @unchecked Sendable {
    private let lock = NSLock()
    private var names: [String: String] = [:]

    func name(of group: String, compute: (String) -> String) -> String {
        if let known = lock.withLock({ names[group] }) { return known }
        let name = compute(group)
        lock.withLock { if names.count < 256 { names[group] = name } }
        return name
    }
}
