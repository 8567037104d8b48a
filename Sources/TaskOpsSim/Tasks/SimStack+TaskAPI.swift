import Foundation
import TaskOpsCore

/// The five Lambda handlers behind the Task API, answering exactly as the originals do.
extension SimStack {
    struct HandlerAnswer {
        var status: Int
        var body: JSONValue
        var crashed = false
    }

    static func answer(_ status: Int, _ pairs: [(String, JSONValue)]) -> HandlerAnswer {
        HandlerAnswer(status: status, body: .object(JSONObject(pairs)))
    }

    static func failure(_ status: Int, _ message: String) -> HandlerAnswer {
        answer(status, [("error", .string(message))])
    }

    /// `json.loads(body or '{}')`; nil when it raises.
    static func loadBody(_ text: String?) -> JSONValue? {
        guard let text, !text.isEmpty else { return .object(JSONObject()) }
        return try? JSONParser.parse(text)
    }

    func createTask(body: String?, at now: Date, lines: inout [String]) -> HandlerAnswer {
        guard let json = Self.loadBody(body) else { return Self.failure(400, "Invalid JSON in request body") }
        guard let request = json.objectValue else { return Self.failure(500, "Internal server error") }
        guard request["title"]?.isTruthy == true else { return Self.failure(400, "Title is required") }
        guard request["userId"]?.isTruthy == true else { return Self.failure(400, "userId is required") }
        let id = rng.uuid()
        let timestamp = StackTime.pythonISO(now)
        let item = JSONObject([
            ("taskId", .string(id)), ("title", request["title"] ?? .null), ("description", request["description"] ?? .string("")),
            ("priority", request["priority"] ?? .string("medium")), ("status", .string("pending")), ("userId", request["userId"] ?? .null),
            ("createdAt", .string(timestamp)), ("updatedAt", .string(timestamp)),
            ("ttl", .int(Int(now.timeIntervalSince1970) + 90 * 86400)), ("tags", request["tags"] ?? .array([])),
            ("metadata", .object(["environment": .string(names.env), "createdBy": .string("api")])),
        ])
        if JSONValue.object(item).containsFloat { return Self.failure(500, "Internal server error") }
        if let refusal = dynamoWrite("PutItem", at: now, indexKeys: [("UserIdIndex", "userId", item["userId"] ?? .null)]) {
            lines.append(refusal.line)
            return Self.failure(500, "Failed to create task")
        }
        table.put(item)
        publish("TaskCreated", detail: [("taskId", .string(id)), ("userId", item["userId"] ?? .null), ("priority", item["priority"] ?? .null),
                                        ("status", .string("pending")), ("createdAt", .string(timestamp))], at: now)
        lines.append("Published TaskCreated event for task \(id)")
        return Self.answer(201, [("message", .string("Task created successfully")), ("task", .object(item))])
    }

    func listTasks(query: [String: String], at now: Date, lines: inout [String]) -> HandlerAnswer {
        let limitText = query["limit"] ?? "20"
        guard let limit = PythonSemantics.int(limitText), limit > 0 else { return Self.failure(500, "Internal server error") }
        let status = query["status"].flatMap { $0.isEmpty ? nil : $0 }
        let userId = query["userId"].flatMap { $0.isEmpty ? nil : $0 }
        let operation = status != nil || userId != nil ? "Query" : "Scan"
        if let refusal = dynamoRead(operation, units: Double(min(limit, table.count)) * 0.5 + 0.5, at: now) {
            lines.append(refusal.line)
            return Self.failure(500, "Failed to list tasks")
        }
        let (items, lastKey) = table.query(status: status, userId: userId, limit: limit)
        let tasks = items.map { PythonSemantics.numbersAsStrings(.object($0)) }
        return Self.answer(200, [("tasks", .array(tasks)), ("count", .int(tasks.count)),
                                 ("lastEvaluatedKey", lastKey.map { PythonSemantics.numbersAsStrings(.object($0)) } ?? .null)])
    }

    func getTask(id: String, at now: Date, lines: inout [String]) -> HandlerAnswer {
        if let refusal = dynamoRead("Query", units: 0.5, at: now) {
            lines.append(refusal.line)
            return Self.failure(500, "Failed to retrieve task")
        }
        guard let item = table.item(id: id) else { return Self.failure(404, "Task not found") }
        return Self.answer(200, [("task", PythonSemantics.numbersAsStrings(.object(item)))])
    }

    static let updatableFields = ["title", "description", "status", "priority", "tags"]

    func updateTask(id: String, body: String?, at now: Date, lines: inout [String]) -> HandlerAnswer {
        guard let json = Self.loadBody(body) else { return Self.failure(400, "Invalid JSON in request body") }
        guard json.isTruthy else { return Self.failure(400, "Request body is required") }
        if let refusal = dynamoRead("Query", units: 0.5, at: now) {
            lines.append(refusal.line)
            return Self.failure(500, "Failed to update task")
        }
        guard var item = table.item(id: id) else { return Self.failure(404, "Task not found") }
        var changes: [(String, JSONValue)] = []
        switch json {
        case .object(let object):
            changes = Self.updatableFields.compactMap { field in object[field].map { (field, $0) } }
        case .string(let text):
            if Self.updatableFields.contains(where: { text.contains($0) }) { return Self.failure(500, "Internal server error") }
        case .array(let items):
            if items.contains(where: { item in Self.updatableFields.contains { item == .string($0) } }) { return Self.failure(500, "Internal server error") }
        default:
            // `'title' in 5` raises TypeError in the original.
            return Self.failure(500, "Internal server error")
        }
        if changes.contains(where: { $0.1.containsFloat }) { return Self.failure(500, "Internal server error") }
        let status = changes.first { $0.0 == "status" }?.1
        if let refusal = dynamoWrite("UpdateItem", at: now, indexKeys: status.map { [("StatusIndex", "status", $0)] } ?? []) {
            lines.append(refusal.line)
            return Self.failure(500, "Failed to update task")
        }
        let oldStatus = item["status"] ?? .null
        for (field, value) in changes { item[field] = value }
        let updatedAt = StackTime.pythonISO(now)
        item["updatedAt"] = .string(updatedAt)
        table.put(item)
        let newStatus = item["status"] ?? .null
        let detail: [(String, JSONValue)] = [("taskId", .string(id)), ("userId", item["userId"] ?? .null), ("oldStatus", oldStatus),
                                             ("newStatus", newStatus), ("updatedAt", .string(updatedAt))]
        if newStatus == .string("completed") && oldStatus != .string("completed") {
            publish("TaskCompleted", detail: detail, at: now)
            lines.append("Published TaskCompleted event for task \(id)")
        }
        publish("TaskUpdated", detail: detail, at: now)
        lines.append("Published TaskUpdated event for task \(id)")
        return Self.answer(200, [("message", .string("Task updated successfully")), ("task", PythonSemantics.numbersAsStrings(.object(item)))])
    }

    func deleteTask(id: String, at now: Date, lines: inout [String]) -> HandlerAnswer {
        if let refusal = dynamoRead("Query", units: 0.5, at: now) {
            lines.append(refusal.line)
            return Self.failure(500, "Failed to delete task")
        }
        guard let item = table.item(id: id) else { return Self.failure(404, "Task not found") }
        if let refusal = dynamoWrite("DeleteItem", at: now) {
            lines.append(refusal.line)
            return Self.failure(500, "Failed to delete task")
        }
        table.delete(id: id)
        publish("TaskDeleted", detail: [("taskId", .string(id)), ("userId", item["userId"] ?? .null), ("deletedAt", item["updatedAt"] ?? .null)], at: now)
        lines.append("Published TaskDeleted event for task \(id)")
        return Self.answer(200, [("message", .string("Task deleted successfully")), ("taskId", .string(id))])
    }
}
