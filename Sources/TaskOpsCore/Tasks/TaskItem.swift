/// A task as the Task API returns it. Values are read leniently: the API returns numbers as
/// strings on get/list and as numbers on create, and stored items may hold anything.
///
/// The item as received is held as its compact JSON text, parsed again when asked for (a detail
/// view, `--json`): the console holds many tasks and a parsed tree costs about twice the text.
public struct TaskItem: Sendable, Hashable, Identifiable {
    public var taskId: String
    public var title: String
    public var description: String
    public var priority: String
    public var status: String
    public var userId: String
    /// Naive UTC ISO-8601 as the API writes it (`2026-11-24T10:11:12.123456`).
    public var createdAt: String
    public var updatedAt: String
    /// Epoch seconds as text (a number on create, a string elsewhere).
    public var ttl: String?
    /// The whole item, keys in the order received, as compact JSON.
    public private(set) var rawText: String

    public var id: String { taskId }

    public init(taskId: String, title: String, description: String = "", priority: String = "medium", status: String = "pending",
                userId: String, createdAt: String, updatedAt: String, ttl: String? = nil, tags: [JSONValue] = [],
                metadata: JSONObject = JSONObject(), raw: JSONObject = JSONObject()) {
        self.taskId = taskId
        self.title = title
        self.description = description
        self.priority = priority
        self.status = status
        self.userId = userId
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.ttl = ttl
        var item = raw
        if item.isEmpty {
            // Built from fields: the item the API would return, in its order.
            item = ["taskId": .string(taskId), "title": .string(title), "description": .string(description),
                    "priority": .string(priority), "status": .string(status), "userId": .string(userId),
                    "createdAt": .string(createdAt), "updatedAt": .string(updatedAt)]
            if let ttl { item["ttl"] = .string(ttl) }
            item["tags"] = .array(tags)
            item["metadata"] = .object(metadata)
        }
        rawText = JSONWriter.compact(.object(item)).withExactStorage
    }

    /// The whole item as received (or, for a task built from fields, its fields in the API's order).
    public var raw: JSONObject { (try? JSONParser.parse(rawText))?.objectValue ?? JSONObject() }
    public var tags: [JSONValue] { raw["tags"]?.arrayValue ?? [] }
    public var metadata: JSONObject { raw["metadata"]?.objectValue ?? JSONObject() }

    /// Reads a task from an API object; nil when it has no usable `taskId`.
    public init?(json: JSONObject) {
        guard let id = json["taskId"]?.displayText, !id.isEmpty else { return nil }
        func text(_ key: String) -> String { json[key].map { $0.displayText } ?? "" }
        self.init(
            taskId: id, title: text("title"), description: text("description"),
            priority: json["priority"] == nil ? "medium" : text("priority"),
            status: text("status"), userId: text("userId"), createdAt: text("createdAt"), updatedAt: text("updatedAt"),
            ttl: json["ttl"].map { $0.displayText }, raw: json)
    }
}

/// What `POST /tasks` takes.
public struct TaskDraft: Sendable, Hashable {
    public var title: String
    public var userId: String
    public var description: String?
    public var priority: String?
    public var tags: [String]?

    public init(title: String, userId: String, description: String? = nil, priority: String? = nil, tags: [String]? = nil) {
        self.title = title
        self.userId = userId
        self.description = description
        self.priority = priority
        self.tags = tags
    }

    public var json: JSONValue {
        var object: JSONObject = ["title": .string(title), "userId": .string(userId)]
        if let description { object["description"] = .string(description) }
        if let priority { object["priority"] = .string(priority) }
        if let tags { object["tags"] = .array(tags.map { .string($0) }) }
        return .object(object)
    }
}

/// What `PUT /tasks/{id}` takes: any of title, description, status, priority, tags.
public struct TaskChanges: Sendable, Hashable {
    public var title: String?
    public var description: String?
    public var status: String?
    public var priority: String?
    public var tags: [String]?

    public init(title: String? = nil, description: String? = nil, status: String? = nil, priority: String? = nil, tags: [String]? = nil) {
        self.title = title
        self.description = description
        self.status = status
        self.priority = priority
        self.tags = tags
    }

    public var isEmpty: Bool { title == nil && description == nil && status == nil && priority == nil && tags == nil }

    public var json: JSONValue {
        var object = JSONObject()
        if let title { object["title"] = .string(title) }
        if let description { object["description"] = .string(description) }
        if let status { object["status"] = .string(status) }
        if let priority { object["priority"] = .string(priority) }
        if let tags { object["tags"] = .array(tags.map { .string($0) }) }
        return .object(object)
    }
}

/// One answer of `GET /tasks`.
public struct TaskPage: Sendable, Hashable {
    public var tasks: [TaskItem]
    public var count: Int
    /// Present when the limit stopped the read: the list may be truncated (the API cannot page).
    public var lastEvaluatedKey: JSONValue?
    /// Items the client could not read (no taskId, not an object).
    public var skipped: Int

    public init(tasks: [TaskItem], count: Int, lastEvaluatedKey: JSONValue? = nil, skipped: Int = 0) {
        self.tasks = tasks
        self.count = count
        self.lastEvaluatedKey = lastEvaluatedKey
        self.skipped = skipped
    }

    public var mayBeTruncated: Bool { lastEvaluatedKey.map { !$0.isNull } ?? false }
}

/// The statuses the stack uses (the API accepts any text).
public enum TaskStatus {
    public static let all = ["pending", "in_progress", "blocked", "completed", "pending_approval", "approved", "rejected"]
    public static let pendingApproval = "pending_approval"
}

public enum TaskPriority {
    public static let all = ["low", "medium", "high"]
}
