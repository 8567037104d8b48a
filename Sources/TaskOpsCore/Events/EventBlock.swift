/// Where one event is in its block: 16 bytes.
struct EventRow {
    var timestamp: Int64
    /// Where the event's bytes start; they end where the next row's start.
    var start: UInt32
    var form: UInt16
    /// How many of the event's bytes are its packed fields (id, task id, summary) before its
    /// message; `EventRow.longFields` when a 4-byte count leads the bytes instead.
    var fieldLength: UInt16

    static let longFields = UInt16.max
}

/// What the events of a group have in common, kept once a block.
struct EventForm: Hashable {
    var logGroup: String
    var source: String
    var kind: TaskEventKind
    /// Set when the message is held as a packed JSON record; nil when it is text.
    var shape: PackedShape?
}

/// Events held together: the events one poll brings share a byte array and the forms of their
/// rows (log group, source, kind, record shape), so an event costs its packed bytes and a 16-byte
/// row instead of a heap block of its own. Never changed once built, so sharing it across threads
/// is safe.
final class EventBlock: Sendable {
    let rows: [EventRow]
    let bytes: [UInt8]
    let forms: [EventForm]

    init(rows: [EventRow], bytes: [UInt8], forms: [EventForm]) {
        self.rows = rows
        self.bytes = bytes
        self.forms = forms
    }

    func form(_ row: Int) -> EventForm { forms[Int(rows[row].form)] }
    func timestamp(_ row: Int) -> Int64 { rows[row].timestamp }

    private func end(of row: Int) -> Int { row + 1 < rows.count ? Int(rows[row + 1].start) : bytes.count }

    /// Where the fields and the message are.
    private func parts(_ row: Int) -> (fields: Range<Int>, message: Range<Int>) {
        let place = rows[row]
        var fieldStart = Int(place.start), fieldLength = Int(place.fieldLength)
        if place.fieldLength == EventRow.longFields {
            var reader = PackedReader(bytes: bytes[fieldStart..<end(of: row)])
            fieldLength = Int(reader.uint(4))
            fieldStart += 4
        }
        let messageStart = min(fieldStart + fieldLength, end(of: row))
        return (fieldStart..<messageStart, messageStart..<end(of: row))
    }

    func fieldBytes(_ row: Int) -> ArraySlice<UInt8> { bytes[parts(row).fields] }
    func messageBytes(_ row: Int) -> ArraySlice<UInt8> { bytes[parts(row).message] }
    func allBytes(_ row: Int) -> ArraySlice<UInt8> { bytes[Int(rows[row].start)..<end(of: row)] }

    /// The message as a packed record, when it is held as one.
    func record(_ row: Int) -> PackedJSONObject? { form(row).shape.map { PackedJSONObject(shape: $0, bytes: messageBytes(row)) } }
}

/// Fills an `EventBlock`. A block takes rows while it has fewer than 65,535 (so a form's id fits
/// 16 bits) and under 2 GiB of bytes (starts are 32-bit; a log event is at most 1 MiB).
struct EventBlockBuilder {
    static let maximumRows = Int(UInt16.max)
    static let maximumBytes = 1 << 31

    private var rows: [EventRow] = []
    private var bytes: [UInt8] = []
    private var forms = LocalTable<EventForm>()

    var hasRoom: Bool { rows.count < Self.maximumRows && bytes.count < Self.maximumBytes }

    /// `summaryIsRecords`: the parser made `summary` from the bus record (`LogLineParser.busSummary`).
    mutating func append(id: String, timestamp: Int64, logGroup: String, source: String, kind: TaskEventKind, taskId: String?,
                         summary: String, raw: String, record parsed: JSONObject?, summaryIsRecords: Bool) {
        let record = Self.record(raw, parsed: parsed)
        // The bus's records (a share of every stack's events) say their summary themselves, read
        // back from the packed record: keys are found the same way there as in the object.
        let summaryFromRecord = summaryIsRecords && record != nil
        var fields: [UInt8] = []
        let taskIdBytes = EventFieldPacking.append(id: id, taskId: taskId, summary: summaryFromRecord ? nil : summary, raw: raw, to: &fields)
        let start = bytes.count
        let fieldLength = startRow(fields: fields.count)
        bytes += fields
        var shape: PackedShape?
        if let record {
            shape = PackedCoder.pack(record, internedKeys: Self.sharedKeys, into: &bytes)
        } else {
            PackedText.append(raw, taskId: taskIdBytes.map { $0[...] }, to: &bytes)
        }
        let form = EventForm(logGroup: logGroup, source: source, kind: kind, shape: shape)
        rows.append(EventRow(timestamp: timestamp, start: UInt32(start), form: formId(form), fieldLength: fieldLength))
    }

    /// Copies `row` of `block` (its bytes as they are).
    mutating func append(row: Int, of block: EventBlock) {
        let place = block.rows[row], start = bytes.count
        bytes += block.allBytes(row)
        rows.append(EventRow(timestamp: place.timestamp, start: UInt32(start), form: formId(block.form(row)), fieldLength: place.fieldLength))
    }

    /// The row's field length, after writing the 4-byte count that stands for a long one.
    private mutating func startRow(fields count: Int) -> UInt16 {
        guard count >= Int(EventRow.longFields) else { return UInt16(count) }
        PackedCoder.append(count, 4, &bytes)
        return EventRow.longFields
    }

    private mutating func formId(_ form: EventForm) -> UInt16 { forms.id(of: form) }

    /// The rows built, held at their size.
    func build() -> EventBlock { EventBlock(rows: rows.atItsSize, bytes: bytes.atItsSize, forms: forms.values.atItsSize) }

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
