import Foundation
import TaskOpsCore

/// The event bus, its four rules, and the three asynchronous handlers with their exact log lines.
extension SimStack {
    /// PutEvents of one entry with source `task-manager`; the catch-all rule logs it to `/aws/events/…`.
    func publish(_ detailType: String, detail pairs: [(String, JSONValue)], at now: Date) {
        let detail = JSONObject(pairs)
        let event = JSONObject([
            ("version", .string("0")), ("id", .string(rng.uuid())), ("detail-type", .string(detailType)),
            ("source", .string("task-manager")), ("account", .string(names.account)),
            ("time", .string(String(StackTime.isoMillisZ(now).prefix(19)) + "Z")), ("region", .string(names.region)),
            ("resources", .array([])), ("detail", .object(detail)),
        ])
        if eventsLog {
            logs.append(group: names.eventsLogGroup, stream: rng.hex(32), message: JSONWriter.compact(.object(event)), timestampMillis: Self.millis(now))
        }
        switch detailType {
        case "TaskCreated":
            schedule(after: 0.05) { [unowned self] in self.taskCreatedHandler(event) }
            if detail["priority"] == .string("high") {
                schedule(after: 0.03) { [unowned self] in
                    _ = self.startExecution(name: self.rng.uuid(), input: JSONObject([("version", .string("0")), ("id", event["id"] ?? .null),
                        ("detail-type", .string(detailType)), ("source", .string("task-manager")), ("account", .string(self.names.account)),
                        ("time", event["time"] ?? .null), ("region", .string(self.names.region)), ("resources", .array([])), ("detail", .object(detail))]))
                }
            }
        case "TaskUpdated": schedule(after: 0.05) { [unowned self] in self.taskUpdatedHandler(event) }
        case "TaskCompleted": schedule(after: 0.05) { [unowned self] in self.taskCompletedHandler(event) }
        default: break
        }
    }

    func taskCreatedHandler(_ event: JSONObject) {
        let now = currentTime
        let detail = event["detail"]?.objectValue ?? JSONObject()
        let id = detail["taskId"]?.displayText ?? ""
        let user = detail["userId"]?.displayText ?? ""
        let priority = detail["priority"]?.displayText ?? ""
        var lines = ["Received TaskCreated event: \(JSONWriter.python(.object(event)))", "Task \(id) created by user \(user) with priority \(priority)"]
        if priority == "high" {
            let input = JSONObject([("detail", .object(detail)), ("source", event["source"] ?? .null), ("detailType", event["detail-type"] ?? .null)])
            switch startExecution(name: "approval-\(id)", input: input) {
            case .some(let arn): lines.append("Started Step Functions execution: \(arn)")
            case .none: lines.append("Execution already exists for task \(id)")
            }
        }
        lines.append("Notification: New \(priority) priority task created")
        lines.append("Analytics: Task creation recorded for user \(user)")
        invoke("task_created", at: now, lines: lines)
    }

    func taskUpdatedHandler(_ event: JSONObject) {
        let now = currentTime
        let detail = event["detail"]?.objectValue ?? JSONObject()
        let id = detail["taskId"]?.displayText ?? ""
        let newStatus = detail["newStatus"]?.displayText ?? ""
        var lines = ["Received TaskUpdated event: \(JSONWriter.python(.object(event)))",
                     "Task \(id) updated: \(detail["oldStatus"]?.displayText ?? "None") -> \(newStatus)"]
        if originalIAM {
            lines.append("Error publishing CloudWatch metric: \(accessDenied("PutMetricData", "task-updated-handler"))")
        } else {
            metrics?.putMetricData(namespace: names.customNamespace, name: "TaskUpdates",
                                   dimensions: [MetricDimension(name: "Status", value: newStatus), MetricDimension(name: "Environment", value: names.env)],
                                   value: 1, unit: "Count", at: now)
            lines.append("Published CloudWatch metric for task update")
        }
        switch newStatus {
        case "in_progress": lines.append("Notification: Task \(id) is now in progress")
        case "blocked": lines.append("Alert: Task \(id) is blocked and needs attention")
        case "completed": lines.append("Success: Task \(id) has been completed")
        default: break
        }
        lines.append("Analytics: Task update recorded for user \(detail["userId"]?.displayText ?? "")")
        invoke("task_updated", at: now, lines: lines)
    }

    func taskCompletedHandler(_ event: JSONObject) {
        let now = currentTime
        let detail = event["detail"]?.objectValue ?? JSONObject()
        let id = detail["taskId"]?.displayText ?? ""
        let user = detail["userId"]?.displayText ?? ""
        let task = table.item(id: id)
        let created = task?["createdAt"]?.stringValue.flatMap(StackTime.parse) ?? now
        let hours = max(0, now.timeIntervalSince(created) / 3600)
        var lines = ["Received TaskCompleted event: \(JSONWriter.python(.object(event)))", "Task \(id) completed in \(String(format: "%.2f", hours)) hours"]
        if originalIAM {
            lines.append("Error publishing metrics: \(accessDenied("PutMetricData", "task-completed-handler"))")
        } else {
            let priority = task?["priority"]?.displayText ?? "medium"
            metrics?.putMetricData(namespace: names.customNamespace, name: "TaskCompletions",
                                   dimensions: [MetricDimension(name: "Priority", value: priority), MetricDimension(name: "Environment", value: names.env)],
                                   value: 1, unit: "Count", at: now)
            metrics?.putMetricData(namespace: names.customNamespace, name: "TaskDuration",
                                   dimensions: [MetricDimension(name: "Priority", value: priority)], value: hours, unit: "None", at: now)
            lines.append("Published completion metrics to CloudWatch")
        }
        lines += ["Notification: Task \(id) completed by user \(user)", "Analytics: Updated completion stats for user \(user)",
                  "Post-completion: Checking for dependent tasks"]
        invoke("task_completed", at: now, lines: lines)
    }

    func accessDenied(_ action: String, _ handler: String) -> String {
        "An error occurred (AccessDenied) when calling the \(action) operation: User: arn:aws:sts::\(names.account):assumed-role/\(names.project)-lambda-role-\(names.env)/\(names.project)-\(handler)-\(names.env) is not authorized to perform: cloudwatch:\(action) because no identity-based policy allows the cloudwatch:\(action) action"
    }
}
