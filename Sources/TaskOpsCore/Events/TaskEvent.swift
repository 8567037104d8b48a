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
public struct TaskEvent: Sendable, Hashable, Identifiable {
    /// The CloudWatch Logs `eventId`: unique, the key for de-duplication.
    public var id: String
    /// Milliseconds since the epoch.
    public var timestamp: Int64
    public var logGroup: String
    /// Short name of the emitter (`create-task`, `task-created-handler`, `task-approval`, `events`, `api`).
    public var source: String
    public var kind: TaskEventKind
    public var taskId: String?
    /// One line for the list.
    public var summary: String
    /// The log line as received.
    public var raw: String

    public init(id: String, timestamp: Int64, logGroup: String, source: String, kind: TaskEventKind, taskId: String? = nil,
                summary: String, raw: String) {
        self.id = id
        self.timestamp = timestamp
        self.logGroup = logGroup
        self.source = source
        self.kind = kind
        self.taskId = taskId
        self.summary = summary
        self.raw = raw
    }

    /// The JSON payload the line carries, parsed when asked (a detail view) rather than held for
    /// every event: a parsed tree costs several times the line it came from.
    public var detail: JSONValue? { LogLineParser.payload(of: raw, group: logGroup) }
}
