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
/// A value type held in one immutable allocation (`EventStorage`): the console holds up to 100k
/// events in arrays that are copied whenever a poll adds to them while a snapshot still shares
/// them, so a copy costs one reference count per event; and the event is kept small: its log group
/// shared with every event of the group, its id, task id and summary packed (CloudWatch's 56-digit
/// ids two digits a byte, task ids as 16 bytes, a summary that is the line itself not repeated),
/// a JSON record packed (`PackedJSONObject`) when it comes back as the same text, all in the bytes
/// that follow the header. A change makes a new allocation.
public struct TaskEvent: Sendable, Hashable, Identifiable {
    /// Never changed once made (a change makes a new one), so sharing it across threads is safe.
    private struct Shared: @unchecked Sendable { let storage: EventStorage }
    private var shared: Shared
    private var storage: EventStorage {
        get { shared.storage }
        set { shared = Shared(storage: newValue) }
    }

    public init(id: String, timestamp: Int64, logGroup: String, source: String, kind: TaskEventKind, taskId: String? = nil,
                summary: String, raw: String) {
        self.init(id: id, timestamp: timestamp, logGroup: logGroup, source: source, kind: kind, taskId: taskId, summary: summary, raw: raw, record: nil)
    }

    /// `record`: the line already parsed as a JSON object, if it was.
    init(id: String, timestamp: Int64, logGroup: String, source: String, kind: TaskEventKind, taskId: String?,
         summary: String, raw: String, record: JSONObject?) {
        shared = Shared(storage: EventStorage.make(id: id, timestamp: timestamp, logGroup: logGroup, source: source, kind: kind, taskId: taskId,
                                                   summary: summary, raw: raw, record: record))
    }

    private var header: EventHeader { storage.header }
    private var unpacked: (id: String, taskId: String?, summary: String?) { EventFieldPacking.unpack(storage.fieldBytes) }

    /// A copy with one thing changed.
    private mutating func change(id: String? = nil, timestamp: Int64? = nil, logGroup: String? = nil, source: String? = nil,
                                 kind: TaskEventKind? = nil, taskId: String?? = nil, summary: String? = nil, raw: String? = nil) {
        let current = unpacked, line = self.raw
        storage = EventStorage.make(id: id ?? current.id, timestamp: timestamp ?? header.timestamp, logGroup: logGroup ?? header.logGroup,
                                    source: source ?? header.source, kind: kind ?? header.kind, taskId: taskId ?? current.taskId,
                                    summary: summary ?? current.summary ?? Self.lineSummary(line), raw: raw ?? line)
    }

    /// The CloudWatch Logs `eventId`: unique, the key for de-duplication.
    public var id: String {
        get { unpacked.id }
        set { change(id: newValue) }
    }
    /// Milliseconds since the epoch.
    public var timestamp: Int64 {
        get { header.timestamp }
        set { change(timestamp: newValue) }
    }
    public var logGroup: String {
        get { header.logGroup }
        set { change(logGroup: newValue) }
    }
    /// Short name of the emitter (`create-task`, `task-created-handler`, `task-approval`, `events`, `api`).
    public var source: String {
        get { header.source }
        set { change(source: newValue) }
    }
    public var kind: TaskEventKind {
        get { header.kind }
        set { change(kind: newValue) }
    }
    public var taskId: String? {
        get { unpacked.taskId }
        set { change(taskId: .some(newValue)) }
    }
    /// One line for the list.
    public var summary: String {
        get { unpacked.summary ?? Self.lineSummary(raw) }
        set { change(summary: newValue) }
    }
    /// The log line as received.
    public var raw: String {
        get { storage.record.map(\.compactText) ?? String(decoding: storage.messageBytes, as: UTF8.self) }
        set { change(raw: newValue) }
    }

    /// What the list shows for a line that is its own summary.
    static func lineSummary(_ raw: String) -> String { String(raw.cheaplyTrimming(.newlines)) }

    /// The JSON payload the line carries, parsed when asked (a detail view) rather than held for
    /// every event: a parsed tree costs several times the line it came from.
    public var detail: JSONValue? {
        if let record = storage.record, LogLineParser.carriesRecords(group: logGroup) { return .object(record.object) }
        return LogLineParser.payload(of: raw, group: logGroup)
    }

    public static func == (a: TaskEvent, b: TaskEvent) -> Bool {
        a.storage === b.storage || (a.timestamp == b.timestamp && a.kind == b.kind && a.logGroup == b.logGroup && a.source == b.source
            && a.storage.header.shape === b.storage.header.shape && a.storage.allBytes == b.storage.allBytes)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(timestamp)
        hasher.combine(logGroup)
        hasher.combine(kind)
        hasher.combine(storage.allBytes)
    }
}

/// What an event holds besides its bytes.
struct EventHeader {
    var timestamp: Int64
    var logGroup: String
    var source: String
    var kind: TaskEventKind
    /// Set when the message is a JSON record held packed; nil when it is held as its UTF-8 text.
    var shape: PackedShape?
    /// The bytes of id, task id and summary; the message's follow.
    var fieldCount: Int32
    var messageCount: Int32
}

/// One allocation per event: the header, then the packed fields and the message's bytes.
final class EventStorage: ManagedBuffer<EventHeader, UInt8> {
    static func make(id: String, timestamp: Int64, logGroup: String, source: String, kind: TaskEventKind, taskId: String?,
                     summary: String, raw: String, record parsed: JSONObject? = nil) -> EventStorage {
        let fields = EventFieldPacking.pack(id: id, taskId: taskId, summary: summary, raw: raw)
        var shape: PackedShape?
        var message = Array(raw.utf8)
        if let record = Self.packedRecord(raw, parsed: parsed) {
            shape = record.shape
            message = record.bytes
        }
        let header = EventHeader(timestamp: timestamp, logGroup: PackedTables.shared.canonical(logGroup), source: PackedTables.shared.canonical(source),
                                 kind: kind, shape: shape, fieldCount: Int32(fields.count), messageCount: Int32(message.count))
        let storage = unsafeDowncast(create(minimumCapacity: fields.count + message.count) { _ in header }, to: EventStorage.self)
        storage.withUnsafeMutablePointerToElements { elements in
            fields.withUnsafeBufferPointer { elements.update(from: $0.baseAddress!, count: fields.count) }
            message.withUnsafeBufferPointer { if let base = $0.baseAddress { (elements + fields.count).update(from: base, count: message.count) } }
        }
        return storage
    }

    /// A JSON record packed, when it comes back as the very same text (packing keeps the object
    /// exactly, so the object's compact text is what unpacking gives).
    static func packedRecord(_ raw: String, parsed: JSONObject?) -> PackedJSONObject? {
        guard raw.utf8.first == UInt8(ascii: "{"), raw.utf8.last == UInt8(ascii: "}"),
              let object = parsed ?? (try? JSONParser.parse(raw))?.objectValue, JSONWriter.compact(.object(object)) == raw else { return nil }
        return PackedJSONObject(object, internedKeys: sharedKeys)
    }

    /// Values that repeat across the stack's records.
    static let sharedKeys: Set<String> = ["detail-type", "source", "account", "region", "version", "priority", "status", "userId", "oldStatus",
                                          "newStatus", "type", "name", "routeKey", "httpMethod", "protocol", "resources"]

    private func bytes(from start: Int, count: Int) -> [UInt8] {
        withUnsafeMutablePointerToElements { Array(UnsafeBufferPointer(start: $0 + start, count: count)) }
    }

    var fieldBytes: [UInt8] { bytes(from: 0, count: Int(header.fieldCount)) }
    var messageBytes: [UInt8] { bytes(from: Int(header.fieldCount), count: Int(header.messageCount)) }
    var allBytes: [UInt8] { bytes(from: 0, count: Int(header.fieldCount + header.messageCount)) }

    /// The message as a packed record, when it is held as one.
    var record: PackedJSONObject? { header.shape.map { PackedJSONObject(shape: $0, bytes: messageBytes) } }
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
            PackedCoder.appendText(text, &bytes)
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
        case .digits: return reader.digits()
        case .uuid: return reader.uuid()
        case .text: return reader.text()
        case .absent, .sameAsLine, nil: return nil
        }
    }
}
