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
/// them, and a copy should cost one reference count per event, not one per string field. In the
/// box the event is kept small: its log group shared with every event of the group, its id, task
/// id and summary packed in one byte array (CloudWatch's 56-digit ids two digits a byte, task ids
/// as 16 bytes, a summary that is the line itself not repeated), a JSON record packed
/// (`PackedJSONObject`) when it comes back as the same text.
public struct TaskEvent: Sendable, Hashable, Identifiable {
    private final class Fields: @unchecked Sendable {
        var timestamp: Int64
        var logGroup: String
        var source: String
        var kind: TaskEventKind
        /// `id`, `taskId` and `summary`, in that order (`EventFieldPacking`).
        var packed: [UInt8]
        var message: EventMessage

        init(timestamp: Int64, logGroup: String, source: String, kind: TaskEventKind, packed: [UInt8], message: EventMessage) {
            self.timestamp = timestamp
            self.logGroup = logGroup
            self.source = source
            self.kind = kind
            self.packed = packed
            self.message = message
        }

        func copy() -> Fields { Fields(timestamp: timestamp, logGroup: logGroup, source: source, kind: kind, packed: packed, message: message) }
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
        let message = EventMessage(raw)
        fields = Fields(timestamp: timestamp, logGroup: PackedTables.shared.canonical(logGroup), source: PackedTables.shared.canonical(source), kind: kind,
                        packed: EventFieldPacking.pack(id: id, taskId: taskId, summary: summary, raw: raw), message: message)
    }

    private var unpacked: (id: String, taskId: String?, summary: String?) { EventFieldPacking.unpack(fields.packed) }

    private mutating func repack(id: String? = nil, taskId: String?? = nil, summary: String? = nil) {
        let current = unpacked
        let raw = self.raw
        writable.packed = EventFieldPacking.pack(id: id ?? current.id, taskId: taskId ?? current.taskId,
                                                 summary: summary ?? current.summary ?? Self.lineSummary(raw), raw: raw)
    }

    /// The CloudWatch Logs `eventId`: unique, the key for de-duplication.
    public var id: String {
        get { unpacked.id }
        set { repack(id: newValue) }
    }
    /// Milliseconds since the epoch.
    public var timestamp: Int64 {
        get { fields.timestamp }
        set { writable.timestamp = newValue }
    }
    public var logGroup: String {
        get { fields.logGroup }
        set { writable.logGroup = PackedTables.shared.canonical(newValue) }
    }
    /// Short name of the emitter (`create-task`, `task-created-handler`, `task-approval`, `events`, `api`).
    public var source: String {
        get { fields.source }
        set { writable.source = PackedTables.shared.canonical(newValue) }
    }
    public var kind: TaskEventKind {
        get { fields.kind }
        set { writable.kind = newValue }
    }
    public var taskId: String? {
        get { unpacked.taskId }
        set { repack(taskId: .some(newValue)) }
    }
    /// One line for the list.
    public var summary: String {
        get { unpacked.summary ?? Self.lineSummary(raw) }
        set { repack(summary: newValue) }
    }
    /// The log line as received.
    public var raw: String {
        get { fields.message.text }
        set {
            let current = unpacked
            let summary = current.summary ?? Self.lineSummary(raw)
            writable.message = EventMessage(newValue)
            writable.packed = EventFieldPacking.pack(id: current.id, taskId: current.taskId, summary: summary, raw: newValue)
        }
    }

    /// What the list shows for a line that is its own summary.
    static func lineSummary(_ raw: String) -> String { String(raw.cheaplyTrimming(.newlines)) }

    /// The JSON payload the line carries, parsed when asked (a detail view) rather than held for
    /// every event: a parsed tree costs several times the line it came from.
    public var detail: JSONValue? {
        if case .json(let record) = fields.message, LogLineParser.carriesRecords(group: logGroup) { return .object(record.object) }
        return LogLineParser.payload(of: raw, group: logGroup)
    }

    public static func == (a: TaskEvent, b: TaskEvent) -> Bool {
        a.fields === b.fields || (a.timestamp == b.timestamp && a.logGroup == b.logGroup && a.source == b.source && a.kind == b.kind
            && a.fields.packed == b.fields.packed && a.raw == b.raw)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(timestamp)
        hasher.combine(logGroup)
        hasher.combine(source)
        hasher.combine(kind)
        hasher.combine(fields.packed)
        hasher.combine(raw)
    }
}

/// A log line as held: a JSON record packed when packing gives back the very same text, else the text.
enum EventMessage: Sendable {
    case text(String)
    case json(PackedJSONObject)

    init(_ raw: String) {
        if raw.utf8.first == UInt8(ascii: "{"), raw.utf8.last == UInt8(ascii: "}"), let object = (try? JSONParser.parse(raw))?.objectValue {
            let packed = PackedJSONObject(object, internedKeys: Self.sharedKeys)
            if packed.compactText == raw {
                self = .json(packed)
                return
            }
        }
        self = .text(raw.withExactStorage)
    }

    /// Values that repeat across the stack's records.
    static let sharedKeys: Set<String> = ["detail-type", "source", "account", "region", "version", "priority", "status", "userId", "oldStatus",
                                          "newStatus", "type", "name", "routeKey", "httpMethod", "protocol", "resources"]

    var text: String {
        switch self {
        case .text(let text): return text
        case .json(let packed): return packed.compactText
        }
    }
}

/// An event's id, task id and summary in one byte array: each a tag byte, then its bytes.
enum EventFieldPacking {
    enum Tag: UInt8 { case absent = 0, digits, uuid, text, sameAsLine }

    static func pack(id: String, taskId: String?, summary: String, raw: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(id.utf8.count / 2 + 24 + summary.utf8.count)
        append(id, to: &bytes)
        if let taskId { append(taskId, to: &bytes) } else { bytes.append(Tag.absent.rawValue) }
        if summary == TaskEvent.lineSummary(raw) { bytes.append(Tag.sameAsLine.rawValue) } else { append(summary, to: &bytes, compact: false) }
        return bytes
    }

    static func append(_ text: String, to bytes: inout [UInt8], compact: Bool = true) {
        if compact, let uuid = PackedCoder.uuidBytes(text) {
            bytes.append(Tag.uuid.rawValue)
            bytes += uuid
        } else if compact, let digits = PackedCoder.digitBytes(text) {
            bytes.append(Tag.digits.rawValue)
            bytes += digits
        } else {
            bytes.append(Tag.text.rawValue)
            PackedCoder.appendLength(text.utf8.count, &bytes)
            bytes += text.utf8
        }
    }

    /// The summary is nil when it is the line itself.
    static func unpack(_ bytes: [UInt8]) -> (id: String, taskId: String?, summary: String?) {
        var reader = PackedReader(bytes: bytes)
        let id = next(&reader) ?? ""
        let taskId = next(&reader)
        let summary = next(&reader)
        return (id, taskId, summary)
    }

    static func next(_ reader: inout PackedReader) -> String? {
        switch Tag(rawValue: reader.byte()) {
        case .digits:
            let count = Int(reader.byte())
            return PackedCoder.digitText(reader.take((count + 1) / 2), count: count)
        case .uuid: return PackedCoder.uuidText(reader.take(16))
        case .text: return String(decoding: reader.take(reader.length()), as: UTF8.self)
        case .absent, .sameAsLine, nil: return nil
        }
    }
}
