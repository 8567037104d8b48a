/// What a log line or event record means to an operator.
public enum TaskEventKind: String, Sendable, Hashable, CaseIterable {
    case taskCreated = "TaskCreated"
    case taskUpdated = "TaskUpdated"
    case taskCompleted = "TaskCompleted"
    case taskDeleted = "TaskDeleted"
    case taskApproved = "TaskApproved"
    case taskRejected = "TaskRejected"
    /// A handler's own line (`Task … updated: a -> b`, `Notification: …`).
    case handlerLog = "Log"
    /// Lambda's `START`/`END`/`REPORT`/`INIT_START` lines.
    case lambdaLifecycle = "Lambda"
    /// A state-machine log record (state entered/exited, execution started/succeeded/failed).
    case workflow = "Workflow"
    /// An API Gateway access-log record.
    case apiAccess = "Access"
    /// An error line (`Error …`, `[ERROR]`, `Traceback`, `AccessDenied`).
    case error = "Error"
    case other = "Other"
}

/// One entry of the Events pane: a log event read and typed.
///
/// A value type whose fields live in one shared box (copied on write): the console holds up to
/// 100k events in arrays that are copied whenever a poll adds to them while a snapshot still shares
/// them, and a copy should cost one reference count per event, not one per string field.
public struct TaskEvent: Sendable, Hashable, Identifiable {
    private final class Fields: @unchecked Sendable {
        var id: String
        var timestamp: Int64
        var logGroup: String
        var source: String
        var kind: TaskEventKind
        var taskId: String?
        var summary: String
        var raw: String

        init(id: String, timestamp: Int64, logGroup: String, source: String, kind: TaskEventKind, taskId: String?, summary: String, raw: String) {
            self.id = id
            self.timestamp = timestamp
            self.logGroup = logGroup
            self.source = source
            self.kind = kind
            self.taskId = taskId
            self.summary = summary
            self.raw = raw
        }

        func copy() -> Fields {
            Fields(id: id, timestamp: timestamp, logGroup: logGroup, source: source, kind: kind, taskId: taskId, summary: summary, raw: raw)
        }
    }

    private var fields: Fields

    /// The fields, made unique before a change so no other copy sees it.
    private var writable: Fields {
        mutating get {
            if !isKnownUniquelyReferenced(&fields) { fields = fields.copy() }
            return fields
        }
    }

    public init(id: String, timestamp: Int64, logGroup: String, source: String, kind: TaskEventKind, taskId: String? = nil,
                summary: String, raw: String) {
        fields = Fields(id: id, timestamp: timestamp, logGroup: logGroup, source: source, kind: kind, taskId: taskId, summary: summary, raw: raw)
    }

    /// The CloudWatch Logs `eventId`: unique, the key for de-duplication.
    public var id: String {
        get { fields.id }
        set { writable.id = newValue }
    }
    /// Milliseconds since the epoch.
    public var timestamp: Int64 {
        get { fields.timestamp }
        set { writable.timestamp = newValue }
    }
    public var logGroup: String {
        get { fields.logGroup }
        set { writable.logGroup = newValue }
    }
    /// Short name of the emitter (`create-task`, `task-created-handler`, `task-approval`, `events`, `api`).
    public var source: String {
        get { fields.source }
        set { writable.source = newValue }
    }
    public var kind: TaskEventKind {
        get { fields.kind }
        set { writable.kind = newValue }
    }
    public var taskId: String? {
        get { fields.taskId }
        set { writable.taskId = newValue }
    }
    /// One line for the list.
    public var summary: String {
        get { fields.summary }
        set { writable.summary = newValue }
    }
    /// The log line as received.
    public var raw: String {
        get { fields.raw }
        set { writable.raw = newValue }
    }

    /// The JSON payload the line carries, parsed when asked (a detail view) rather than held for
    /// every event: a parsed tree costs several times the line it came from.
    public var detail: JSONValue? { LogLineParser.payload(of: raw, group: logGroup) }

    public static func == (a: TaskEvent, b: TaskEvent) -> Bool {
        a.fields === b.fields || (a.id == b.id && a.timestamp == b.timestamp && a.logGroup == b.logGroup && a.source == b.source
            && a.kind == b.kind && a.taskId == b.taskId && a.summary == b.summary && a.raw == b.raw)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(timestamp)
        hasher.combine(logGroup)
        hasher.combine(source)
        hasher.combine(kind)
        hasher.combine(taskId)
        hasher.combine(summary)
        hasher.combine(raw)
    }
}
