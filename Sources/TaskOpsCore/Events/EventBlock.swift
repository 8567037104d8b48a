/// Where one event's values are in its block.
struct EventRow {
    var timestamp: Int64
    /// The event's packed fields (id, task id, summary) run from the previous row's end to here;
    /// its message from here to `end`.
    var messageStart: UInt32
    var end: UInt32
    var logGroup: UInt16
    var source: UInt16
    /// 1 + the index in `shapes` when the message is held as a packed JSON record; 0 for text.
    var shape: UInt16
    var kind: TaskEventKind
}

/// Events held together: the events one poll brings share a byte array, their log groups and
/// sources and the shapes of their records, so an event costs its packed bytes and a 24-byte row
/// instead of a heap block of its own. Never changed once built, so sharing it across threads is
/// safe.
final class EventBlock: Sendable {
    let rows: [EventRow]
    let bytes: [UInt8]
    let labels: [String]
    let shapes: [PackedShape]

    init(rows: [EventRow], bytes: [UInt8], labels: [String], shapes: [PackedShape]) {
        self.rows = rows
        self.bytes = bytes
        self.labels = labels
        self.shapes = shapes
    }

    func start(of row: Int) -> Int { row == 0 ? 0 : Int(rows[row - 1].end) }
    func fieldBytes(_ row: Int) -> ArraySlice<UInt8> { bytes[start(of: row)..<Int(rows[row].messageStart)] }
    func messageBytes(_ row: Int) -> ArraySlice<UInt8> { bytes[Int(rows[row].messageStart)..<Int(rows[row].end)] }
    func allBytes(_ row: Int) -> ArraySlice<UInt8> { bytes[start(of: row)..<Int(rows[row].end)] }

    func shape(_ row: Int) -> PackedShape? {
        let index = Int(rows[row].shape)
        return index == 0 ? nil : shapes[index - 1]
    }

    /// The message as a packed record, when it is held as one.
    func record(_ row: Int) -> PackedJSONObject? { shape(row).map { PackedJSONObject(shape: $0, bytes: messageBytes(row)) } }
}

/// Fills an `EventBlock`. A block takes rows while it has fewer than 32,767 (two labels and a shape
/// a row stay within 16-bit ids) and under 2 GiB of bytes (ends are 32-bit; a log event is at most
/// 1 MiB).
struct EventBlockBuilder {
    static let maximumRows = 32_767
    static let maximumBytes = 1 << 31

    private var rows: [EventRow] = []
    private var bytes: [UInt8] = []
    private var labels = LocalTable<String>()
    private var shapes = LocalTable<PackedShape>()

    var hasRoom: Bool { rows.count < Self.maximumRows && bytes.count < Self.maximumBytes }

    mutating func append(id: String, timestamp: Int64, logGroup: String, source: String, kind: TaskEventKind, taskId: String?,
                         summary: String, raw: String, record parsed: JSONObject?) {
        let taskIdBytes = EventFieldPacking.append(id: id, taskId: taskId, summary: summary, raw: raw, to: &bytes)
        let messageStart = bytes.count
        var shape: PackedShape?
        if let object = Self.record(raw, parsed: parsed) {
            shape = PackedCoder.pack(object, internedKeys: Self.sharedKeys, into: &bytes)
        } else {
            PackedText.append(raw, taskId: taskIdBytes.map { $0[...] }, to: &bytes)
        }
        endRow(timestamp: timestamp, messageStart: messageStart, logGroup: logGroup, source: source, shape: shape, kind: kind)
    }

    /// Copies `row` of `block` (its bytes as they are).
    mutating func append(row: Int, of block: EventBlock) {
        let start = bytes.count, place = block.rows[row]
        bytes += block.allBytes(row)
        endRow(timestamp: place.timestamp, messageStart: start + Int(place.messageStart) - block.start(of: row),
               logGroup: block.labels[Int(place.logGroup)], source: block.labels[Int(place.source)], shape: block.shape(row), kind: place.kind)
    }

    private mutating func endRow(timestamp: Int64, messageStart: Int, logGroup: String, source: String, shape: PackedShape?, kind: TaskEventKind) {
        rows.append(EventRow(timestamp: timestamp, messageStart: UInt32(messageStart), end: UInt32(bytes.count),
                             logGroup: labels.id(of: logGroup), source: labels.id(of: source),
                             shape: shape.map { shapes.id(of: $0) + 1 } ?? 0, kind: kind))
    }

    /// The rows built, held at their size.
    func build() -> EventBlock {
        EventBlock(rows: rows.atItsSize, bytes: bytes.atItsSize, labels: labels.values.atItsSize, shapes: shapes.values.atItsSize)
    }

    /// A JSON record to hold packed: only one that comes back as the very same text (packing keeps
    /// the object exactly, so the object's compact text is what unpacking gives).
    static func record(_ raw: String, parsed: JSONObject?) -> JSONObject? {
        guard raw.utf8.first == UInt8(ascii: "{"), raw.utf8.last == UInt8(ascii: "}"),
              let object = parsed ?? (try? JSONParser.parse(raw))?.objectValue, JSONWriter.compact(.object(object)) == raw else { return nil }
        return object
    }

    /// Values that repeat across the stack's records.
    static let sharedKeys: Set<String> = ["detail-type", "source", "account", "region", "version", "priority", "status", "userId", "oldStatus",
                                          "newStatus", "type", "name", "routeKey", "httpMethod", "protocol", "resources"]
}

/// An event's id, task id and summary: each a tag byte, then its bytes. A summary that is the line
/// itself is not repeated; one that is not is packed text (its UUIDs as bytes).
enum EventFieldPacking {
    enum Tag: UInt8 { case absent = 0, digits, uuid, text, sameAsLine, packedText }

    /// Appends the fields; returns the task id's 16 bytes when it is a UUID (text names it by a marker).
    @discardableResult
    static func append(id: String, taskId: String?, summary: String, raw: String, to bytes: inout [UInt8]) -> [UInt8]? {
        append(id, to: &bytes)
        let taskIdBytes = taskId.flatMap(PackedCoder.uuidBytes)
        if let taskId { append(taskId, to: &bytes) } else { bytes.append(Tag.absent.rawValue) }
        if summary == TaskEvent.lineSummary(raw) {
            bytes.append(Tag.sameAsLine.rawValue)
        } else {
            var packed: [UInt8] = []
            PackedText.append(summary, taskId: taskIdBytes.map { $0[...] }, to: &packed)
            bytes.append(Tag.packedText.rawValue)
            PackedCoder.appendLength(packed.count, &bytes)
            bytes += packed
        }
        return taskIdBytes
    }

    static func append(_ text: String, to bytes: inout [UInt8]) {
        if let uuid = PackedCoder.uuidBytes(text) {
            bytes.append(Tag.uuid.rawValue)
            bytes += uuid
        } else if let digits = PackedCoder.digitBytes(text) {
            bytes.append(Tag.digits.rawValue)
            bytes += digits
        } else {
            bytes.append(Tag.text.rawValue)
            PackedCoder.appendText(text, &bytes)
        }
    }

    struct Fields {
        var id: String
        var taskId: String?
        /// The task id's bytes when it is held as a UUID.
        var taskIdBytes: ArraySlice<UInt8>?
        /// Nil when the summary is the line itself.
        var summary: String?
    }

    static func unpack(_ bytes: ArraySlice<UInt8>) -> Fields {
        var reader = PackedReader(bytes: bytes)
        let id = next(&reader).text ?? ""
        let (taskId, taskIdBytes) = next(&reader)
        var summary: String?
        if Tag(rawValue: reader.byte()) == .packedText {
            summary = PackedText.text(reader.take(reader.length()), taskId: taskIdBytes)
        }
        return Fields(id: id, taskId: taskId, taskIdBytes: taskIdBytes, summary: summary)
    }

    /// The task id's bytes alone (for unpacking a message that names it).
    static func taskIdBytes(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        var reader = PackedReader(bytes: bytes)
        skip(&reader)
        guard Tag(rawValue: reader.byte()) == .uuid else { return nil }
        return reader.take(16)
    }

    private static func skip(_ reader: inout PackedReader) {
        switch Tag(rawValue: reader.byte()) {
        case .digits:
            let count = Int(reader.byte())
            reader.offset += (count + 1) / 2
        case .uuid: reader.offset += 16
        case .text, .packedText:
            let length = reader.length()
            reader.offset += length
        case .absent, .sameAsLine, nil: break
        }
    }

    private static func next(_ reader: inout PackedReader) -> (text: String?, uuid: ArraySlice<UInt8>?) {
        switch Tag(rawValue: reader.byte()) {
        case .digits: return (reader.digits(), nil)
        case .uuid:
            let bytes = reader.take(16)
            return (PackedCoder.uuidText(bytes), bytes)
        case .text: return (reader.text(), nil)
        case .absent, .sameAsLine, .packedText, nil: return (nil, nil)
        }
    }
}
