/// A task as the Task API returns it. Values are read leniently: the API returns numbers as
/// strings on get/list and as numbers on create, and stored items may hold anything.
///
/// The item as received is held packed (`PackedJSONObject`: keys in a shared shape, ids and
/// timestamps as bytes, repeated values shared), in a block with the other tasks of its page
/// (`TaskItem.items(from:)`), and its fields are read from it when asked: the console holds 100k
/// tasks, and strings for every field cost several times the packed item.
public struct TaskItem: Sendable, Hashable, Identifiable {
    let rows: PackedRows
    let row: Int

    /// Values that repeat across tasks, kept once in a shared table.
    static let sharedKeys: Set<String> = ["priority", "status", "userId"]

    public var id: String { taskId }

    public init(taskId: String, title: String, description: String = "", priority: String = "medium", status: String = "pending",
                userId: String, createdAt: String, updatedAt: String, ttl: String? = nil, tags: [JSONValue] = [],
                metadata: JSONObject = JSONObject()) {
        // The item the API would return, in its order.
        var object: JSONObject = ["taskId": .string(taskId), "title": .string(title), "description": .string(description),
                                  "priority": .string(priority), "status": .string(status), "userId": .string(userId),
                                  "createdAt": .string(createdAt), "updatedAt": .string(updatedAt)]
        if let ttl { object["ttl"] = .string(ttl) }
        object["tags"] = .array(tags)
        object["metadata"] = .object(metadata)
        self.init(object: object)
    }

    /// Reads a task from an API object; nil when it has no usable `taskId`.
    public init?(json: JSONObject) {
        guard Self.isTask(json) else { return nil }
        self.init(object: json)
    }

    /// A task in a block of its own, packed straight into it.
    private init(object: JSONObject) {
        var builder = PackedRowsBuilder()
        builder.append(object, internedKeys: Self.sharedKeys)
        self.init(rows: builder.build(), row: 0)
    }

    private init(rows: PackedRows, row: Int) {
        self.rows = rows
        self.row = row
    }

    private static func isTask(_ json: JSONObject) -> Bool { !(json["taskId"]?.displayText ?? "").isEmpty }

    /// The tasks among `objects` (those with a usable `taskId`), held in shared blocks.
    public static func items(from objects: some Sequence<JSONObject>) -> [TaskItem] {
        var items: [TaskItem] = []
        items.reserveCapacity(objects.underestimatedCount)
        var builder = PackedRowsBuilder()
        func seal() {
            guard builder.count > 0 else { return }
            let rows = builder.build()
            items.reserveCapacity(items.count + rows.count)
            items += (0..<rows.count).map { TaskItem(rows: rows, row: $0) }
            builder = PackedRowsBuilder()
        }
        for object in objects where isTask(object) {
            if !builder.hasRoom { seal() }
            builder.append(object, internedKeys: sharedKeys)
        }
        seal()
        return items
    }

    private var item: PackedJSONObject { rows.object(row) }

    private func text(_ key: String) -> String { item.text(key) ?? "" }

    /// Sets one field of the item (appended when the item had none).
    private mutating func set(_ key: String, _ value: String?) {
        var object = item.object
        object[key] = value.map { .string($0) }
        self = TaskItem(object: object)
    }

    public static func == (a: TaskItem, b: TaskItem) -> Bool { (a.rows === b.rows && a.row == b.row) || a.item == b.item }
    public func hash(into hasher: inout Hasher) { hasher.combine(item) }

    public var taskId: String {
        get { text("taskId") }
        set { set("taskId", newValue) }
    }
    public var title: String {
        get { text("title") }
        set { set("title", newValue) }
    }
    public var description: String {
        get { text("description") }
        set { set("description", newValue) }
    }
    /// `medium` when the item has none (the API's default).
    public var priority: String {
        get { item.text("priority") ?? "medium" }
        set { set("priority", newValue) }
    }
    public var status: String {
        get { text("status") }
        set { set("status", newValue) }
    }
    public var userId: String {
        get { text("userId") }
        set { set("userId", newValue) }
    }
    /// Naive UTC ISO-8601 as the API writes it (`2026-11-24T10:11:12.123456`).
    public var createdAt: String {
        get { text("createdAt") }
        set { set("createdAt", newValue) }
    }
    public var updatedAt: String {
        get { text("updatedAt") }
        set { set("updatedAt", newValue) }
    }
    /// `createdAt` and `updatedAt` as lists sort them.
    public var createdAtSortKey: TimestampSortKey { item.timestampSortKey("createdAt") }
    public var updatedAtSortKey: TimestampSortKey { item.timestampSortKey("updatedAt") }

    /// Epoch seconds as text (a number on create, a string elsewhere).
    public var ttl: String? {
        get { item.text("ttl") }
        set { set("ttl", newValue) }
    }

    /// The whole item, keys in the order received, as compact JSON.
    public var rawText: String { item.compactText }
    /// The whole item as received (or, for a task built from fields, its fields in the API's order).
    public var raw: JSONObject { item.object }
    public var tags: [JSONValue] { item["tags"]?.arrayValue ?? [] }
    public var metadata: JSONObject { item["metadata"]?.objectValue ?? JSONObject() }
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
    public static let approved = "approved"
    public static let rejected = "rejected"
}

public enum TaskPriority {
    public static let all = ["low", "medium", "high"]
}
