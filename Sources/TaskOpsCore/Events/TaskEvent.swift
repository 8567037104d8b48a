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
/// A value type held as a row of an `EventBlock` it shares with the other events of its poll: the
/// console holds up to 100k events in arrays that are copied whenever a poll adds to them while a
/// snapshot still shares them, so a copy costs one reference count per event; and the event is kept
/// small: its log group, source and kind kept once a block, its id, task id and summary packed
/// (CloudWatch's 56-digit ids two digits a byte, task ids as 16 bytes, a summary that is the line
/// itself or that its bus record makes not stored, UUIDs in text as bytes), a JSON record packed (`PackedJSONObject`) when it
/// comes back as the same text. A change makes a new block.
public struct TaskEvent: Sendable, Hashable, Identifiable {
    let block: EventBlock
    let row: Int

    public init(id: String, timestamp: Int64, logGroup: String, source: String, kind: TaskEventKind, taskId: String? = nil,
                summary: String, raw: String) {
        self.init(id: id, timestamp: timestamp, logGroup: logGroup, source: source, kind: kind, taskId: taskId, summary: summary, raw: raw, record: nil,
                  summaryIsRecords: false)
    }

    /// `record`: the line already parsed as a JSON object, if it was; `summaryIsRecords`: the
    /// summary is the one a bus record makes (`LogLineParser.busSummary`).
    init(id: String, timestamp: Int64, logGroup: String, source: String, kind: TaskEventKind, taskId: String?,
         summary: String, raw: String, record: JSONObject?, summaryIsRecords: Bool) {
        var builder = EventBlockBuilder()
        builder.append(id: id, timestamp: timestamp, logGroup: logGroup, source: source, kind: kind, taskId: taskId, summary: summary, raw: raw,
                       record: record, summaryIsRecords: summaryIsRecords)
        self.init(block: builder.build(), row: 0)
    }

    private init(block: EventBlock, row: Int) {
        self.block = block
        self.row = row
    }

    /// Events made one at a time, moved into shared blocks (as they are when one block holds just
    /// them, in order).
    public static func sharingBlocks(_ events: [TaskEvent]) -> [TaskEvent] {
        if let first = events.first, first.block.rows.count == events.count,
           events.indices.allSatisfy({ events[$0].block === first.block && events[$0].row == $0 }) { return events }
        var result: [TaskEvent] = []
        result.reserveCapacity(events.count)
        var builder = EventBlockBuilder()
        for event in events {
            if !builder.hasRoom { result += built(&builder) }
            builder.append(row: event.row, of: event.block)
        }
        return result + built(&builder)
    }

    /// The events of `builder`'s block, leaving it empty.
    static func built(_ builder: inout EventBlockBuilder) -> [TaskEvent] {
        let block = builder.build()
        builder = EventBlockBuilder()
        return block.rows.indices.map { TaskEvent(block: block, row: $0) }
    }

    private var fields: EventFieldPacking.Fields { EventFieldPacking.unpack(block.fieldBytes(row)) }

    /// A copy with one thing changed.
    private mutating func change(id: String? = nil, timestamp: Int64? = nil, logGroup: String? = nil, source: String? = nil,
                                 kind: TaskEventKind? = nil, taskId: String?? = nil, summary: String? = nil, raw: String? = nil) {
        let current = fields
        self = TaskEvent(id: id ?? current.id, timestamp: timestamp ?? self.timestamp, logGroup: logGroup ?? self.logGroup,
                         source: source ?? self.source, kind: kind ?? self.kind, taskId: taskId ?? current.taskId,
                         summary: summary ?? self.summary, raw: raw ?? self.raw)
    }

    /// The CloudWatch Logs `eventId`: unique, the key for de-duplication.
    public var id: String {
        get { fields.id }
        set { change(id: newValue) }
    }
    /// Milliseconds since the epoch.
    public var timestamp: Int64 {
        get { block.timestamp(row) }
        set { change(timestamp: newValue) }
    }
    public var logGroup: String {
        get { block.form(row).logGroup }
        set { change(logGroup: newValue) }
    }
    /// Short name of the emitter (`create-task`, `task-created-handler`, `task-approval`, `events`, `api`).
    public var source: String {
        get { block.form(row).source }
        set { change(source: newValue) }
    }
    public var kind: TaskEventKind {
        get { block.form(row).kind }
        set { change(kind: newValue) }
    }
    public var taskId: String? {
        get { fields.taskId }
        set { change(taskId: .some(newValue)) }
    }
    /// One line for the list.
    public var summary: String {
        get {
            switch fields.summary {
            case .text(let text): return text
            case .line: return Self.lineSummary(raw)
            case .fromBusRecord: return block.record(row).map(LogLineParser.busSummary) ?? ""
            }
        }
        set { change(summary: newValue) }
    }
    /// The log line as received.
    public var raw: String {
        get {
            if let record = block.record(row) { return record.compactText }
            return PackedText.text(block.messageBytes(row), taskId: EventFieldPacking.taskIdBytes(block.fieldBytes(row)))
        }
        set { change(raw: newValue) }
    }

    /// What the list shows for a line that is its own summary.
    static func lineSummary(_ raw: String) -> String { String(raw.cheaplyTrimming(.newlines)) }

    /// The JSON payload the line carries, parsed when asked (a detail view) rather than held for
    /// every event: a parsed tree costs several times the line it came from.
    public var detail: JSONValue? {
        if let record = block.record(row), LogLineParser.carriesRecords(group: logGroup) { return .object(record.object) }
        return LogLineParser.payload(of: raw, group: logGroup)
    }

    public static func == (a: TaskEvent, b: TaskEvent) -> Bool {
        (a.block === b.block && a.row == b.row)
            || (a.timestamp == b.timestamp && a.block.form(a.row) == b.block.form(b.row) && a.block.allBytes(a.row) == b.block.allBytes(b.row))
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(timestamp)
        hasher.combine(logGroup)
        hasher.combine(kind)
        hasher.combine(block.allBytes(row))
    }
}
