import Foundation
import TaskOpsCore

/// EventBridge's reads over JSON 1.1 (`X-Amz-Target: AWSEvents.<Op>`, signing name `events`), so
/// `aws events list-rules` and scripts see the stack's bus, its four rules (and the catch-all log
/// rule when the simulator writes `/aws/events/…`) with their exact patterns and targets:
/// ListEventBuses, DescribeEventBus, ListRules, DescribeRule, ListTargetsByRule.
public final class SimEventBridgeService: SimAWSService {
    public let targetPrefix = "AWSEvents"
    public let signingName = "events"
    let names: StackNames
    let catchAllLog: Bool
    static let contentType = "application/x-amz-json-1.1"

    struct Rule {
        var name: String
        var pattern: String
        var targetId: String
        var targetArn: String
    }

    public init(names: StackNames, catchAllLog: Bool) {
        self.names = names
        self.catchAllLog = catchAllLog
    }

    var rules: [Rule] {
        let created = #"{"detail-type":["TaskCreated"],"source":["task-manager"]}"#
        let handler = { (key: String) in self.names.functionArn(self.names.functionName(key) ?? key) }
        var rules = [
            Rule(name: "\(names.project)-task-created-\(names.env)", pattern: created, targetId: "TaskCreatedHandler", targetArn: handler("task_created")),
            Rule(name: "\(names.project)-task-updated-\(names.env)", pattern: #"{"detail-type":["TaskUpdated"],"source":["task-manager"]}"#,
                 targetId: "TaskUpdatedHandler", targetArn: handler("task_updated")),
            Rule(name: "\(names.project)-task-completed-\(names.env)", pattern: #"{"detail-type":["TaskCompleted"],"source":["task-manager"]}"#,
                 targetId: "TaskCompletedHandler", targetArn: handler("task_completed")),
            Rule(name: "\(names.project)-high-priority-task-\(names.env)",
                 pattern: #"{"detail":{"priority":["high"]},"detail-type":["TaskCreated"],"source":["task-manager"]}"#,
                 targetId: "TaskApprovalWorkflow", targetArn: names.stateMachineArn),
        ]
        if catchAllLog {
            rules.append(Rule(name: "\(names.project)-all-events-log-\(names.env)", pattern: #"{"source":["task-manager"]}"#, targetId: "EventsLog",
                              targetArn: "arn:aws:logs:\(names.region):\(names.account):log-group:\(names.eventsLogGroup)"))
        }
        return rules
    }

    func busArn(_ name: String) -> String { "arn:aws:events:\(names.region):\(names.account):event-bus/\(name)" }

    public func handle(operation: String, body: [UInt8], contentType: String, now: Date) -> SimResponse {
        guard let request = AWSJSON.object(body) else { return error("SerializationException", "Unable to parse the request body as JSON.") }
        switch operation {
        case "ListEventBuses":
            let buses: [JSONValue] = [
                .object(["Name": .string("default"), "Arn": .string(busArn("default"))]),
                .object(["Name": .string(names.eventBusName), "Arn": .string(busArn(names.eventBusName))]),
            ].filter { bus in request["NamePrefix"]?.stringValue.map { bus["Name"]?.stringValue?.hasPrefix($0) == true } ?? true }
            return AWSJSON.ok(.object(["EventBuses": .array(buses)]), contentType: Self.contentType)
        case "DescribeEventBus":
            guard let bus = bus(request["Name"]) else { return busNotFound(request["Name"]) }
            return AWSJSON.ok(.object(["Name": .string(bus), "Arn": .string(busArn(bus))]), contentType: Self.contentType)
        case "ListRules":
            guard let bus = bus(request["EventBusName"]) else { return busNotFound(request["EventBusName"]) }
            let prefix = request["NamePrefix"]?.stringValue ?? ""
            let listed = bus == "default" ? [] : rules.filter { $0.name.hasPrefix(prefix) }
            return AWSJSON.ok(.object(["Rules": .array(listed.map(describe))]), contentType: Self.contentType)
        case "DescribeRule", "ListTargetsByRule":
            let key = operation == "DescribeRule" ? "Name" : "Rule"
            guard let bus = bus(request["EventBusName"]), bus != "default", let name = request[key]?.stringValue,
                  let rule = rules.first(where: { $0.name == name }) else {
                return error("ResourceNotFoundException", "Rule \(request[key]?.stringValue ?? "") does not exist on EventBus \(request["EventBusName"]?.stringValue ?? "default").")
            }
            if operation == "DescribeRule" { return AWSJSON.ok(describe(rule), contentType: Self.contentType) }
            let target: JSONValue = .object(["Id": .string(rule.targetId), "Arn": .string(rule.targetArn)])
            return AWSJSON.ok(.object(["Targets": .array([target])]), contentType: Self.contentType)
        default:
            return error("UnknownOperationException", "Unknown operation \(operation)")
        }
    }

    /// The bus a request names (by name or ARN; none is `default`), nil when it does not exist.
    func bus(_ value: JSONValue?) -> String? {
        let name = value?.stringValue.map { $0.split(separator: "/").last.map(String.init) ?? $0 } ?? "default"
        return name == "default" || name == names.eventBusName ? name : nil
    }

    func describe(_ rule: Rule) -> JSONValue {
        .object(["Name": .string(rule.name), "Arn": .string("arn:aws:events:\(names.region):\(names.account):rule/\(names.eventBusName)/\(rule.name)"),
                 "EventPattern": .string(rule.pattern), "State": .string("ENABLED"), "EventBusName": .string(names.eventBusName)])
    }

    func busNotFound(_ value: JSONValue?) -> SimResponse {
        error("ResourceNotFoundException", "Event bus \(value?.stringValue ?? "") does not exist.")
    }

    func error(_ type: String, _ message: String) -> SimResponse { AWSJSON.error(type, message, contentType: Self.contentType) }
}
