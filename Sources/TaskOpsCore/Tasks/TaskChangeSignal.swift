/// What an event the console already follows says about a task, so the task list is kept current
/// from the stack's own records instead of listing every task again.
///
/// Read from the bus's records (the catch-all `/aws/events/…` group), the handlers' copies of them
/// (`Received TaskUpdated event: {…}`), delete-task's `Published TaskDeleted event for task {id}`
/// (TaskDeleted has no handler), and the state machine's vended log (WaitForApproval sets
/// `pending_approval` with no event of its own; execution starts and ends change the approval queue).
public struct TaskChangeSignal: Sendable, Hashable {
    public enum Change: Sendable, Hashable {
        /// A new task: only a read brings its title, description and tags. A high-priority one starts
        /// the approval workflow.
        case created(priority: String?)
        /// TaskUpdated / TaskCompleted: the event carries the status only (a retitle is one too), so
        /// the task is read again unless the one held is already as new as `updatedAt`.
        case updated(updatedAt: String?)
        case deleted
        /// TaskApproved / TaskRejected: the workflow saw this status.
        case decided(status: String)
        /// The workflow waits for a decision: the task holds `pending_approval` (unless decided since).
        case awaitingApproval
        /// An execution of the approval workflow started or ended.
        case executionsChanged
    }

    /// Nil only for `executionsChanged` read from a record that does not name its task.
    public var taskId: String?
    public var change: Change
    /// The bus event's `id`: the same change read from the bus's record and a handler's copy has one.
    public var busEventId: String?
    /// The log event's time (ms since the epoch).
    public var timestamp: Int64

    public init(taskId: String?, change: Change, busEventId: String? = nil, timestamp: Int64) {
        self.taskId = taskId
        self.change = change
        self.busEventId = busEventId
        self.timestamp = timestamp
    }

    /// Longer "ids" are not the API's and are never asked for.
    static let maximumTaskIdLength = 128

    /// The signal an event carries, if any.
    public static func of(_ event: TaskEvent) -> TaskChangeSignal? {
        switch event.kind {
        case .taskCreated, .taskUpdated, .taskCompleted, .taskDeleted, .taskApproved, .taskRejected:
            guard let record = event.detail else { return nil }
            return fromBusEvent(record, timestamp: event.timestamp)
        case .handlerLog:
            return fromHandlerLine(event)
        case .workflow, .error:
            guard event.logGroup.hasPrefix("/aws/vendedlogs/states/"), let record = event.detail else { return nil }
            return fromWorkflowRecord(record, taskId: event.taskId, timestamp: event.timestamp)
        case .lambdaLifecycle, .apiAccess, .other:
            return nil
        }
    }

    /// A bus event, as the catch-all group logs it or a handler prints it after `Received … event: `.
    static func fromBusEvent(_ record: JSONValue, timestamp: Int64) -> TaskChangeSignal? {
        guard let detail = record["detail"], let taskId = validTaskId(detail["taskId"]?.displayText) else { return nil }
        let change: Change
        switch record["detail-type"]?.stringValue {
        case "TaskCreated": change = .created(priority: detail["priority"]?.stringValue)
        case "TaskUpdated", "TaskCompleted": change = .updated(updatedAt: detail["updatedAt"]?.stringValue)
        case "TaskDeleted": change = .deleted
        case "TaskApproved": change = .decided(status: detail["status"]?.stringValue ?? TaskStatus.approved)
        case "TaskRejected": change = .decided(status: detail["status"]?.stringValue ?? TaskStatus.rejected)
        default: return nil
        }
        return TaskChangeSignal(taskId: taskId, change: change, busEventId: record["id"]?.stringValue, timestamp: timestamp)
    }

    static let deletedLinePrefix = "Published TaskDeleted event for task "

    static func fromHandlerLine(_ event: TaskEvent) -> TaskChangeSignal? {
        if event.source == "delete-task" {
            guard event.raw.hasPrefix(deletedLinePrefix), let taskId = validTaskId(event.taskId) else { return nil }
            return TaskChangeSignal(taskId: taskId, change: .deleted, timestamp: event.timestamp)
        }
        guard event.summary.hasPrefix("Received "), let payload = event.detail else { return nil }
        return fromBusEvent(payload, timestamp: event.timestamp)
    }

    static let executionEnds: Set<String> = ["ExecutionSucceeded", "ExecutionFailed", "ExecutionAborted", "ExecutionTimedOut"]

    static func fromWorkflowRecord(_ record: JSONValue, taskId: String?, timestamp: Int64) -> TaskChangeSignal? {
        guard let type = record["type"]?.stringValue else { return nil }
        if type == "ExecutionStarted" || executionEnds.contains(type) {
            return TaskChangeSignal(taskId: validTaskId(taskId), change: .executionsChanged, timestamp: timestamp)
        }
        // WaitForApproval wrote `pending_approval` before the wait is entered; entered states carry the input.
        if type == "WaitStateEntered", record["details"]?["name"]?.stringValue == "WaitForManualApproval", let taskId = validTaskId(taskId) {
            return TaskChangeSignal(taskId: taskId, change: .awaitingApproval, timestamp: timestamp)
        }
        return nil
    }

    static func validTaskId(_ text: String?) -> String? {
        guard let text, !text.isEmpty, text.utf8.count <= maximumTaskIdLength else { return nil }
        return text
    }
}
