/// An event's id, task id and summary: each a tag byte, then its bytes. A summary that is the line
/// itself, or the one its bus record makes, is not stored; another is packed text (its UUIDs as bytes).
enum EventFieldPacking {
    enum Tag: UInt8 { case absent = 0, digits, uuid, text, sameAsLine, packedText, fromBusRecord }

    /// Appends the fields (`summary` nil: the bus record's); returns the task id's 16 bytes when it
    /// is a UUID (text names it by a marker).
    @discardableResult
    static func append(id: String, taskId: String?, summary: String?, raw: String, to bytes: inout [UInt8]) -> [UInt8]? {
        append(id, to: &bytes)
        let taskIdBytes = taskId.flatMap(PackedCoder.uuidBytes)
        if let taskId { append(taskId, to: &bytes) } else { bytes.append(Tag.absent.rawValue) }
        guard let summary else {
            bytes.append(Tag.fromBusRecord.rawValue)
            return taskIdBytes
        }
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
        var summary: Summary
    }

    enum Summary {
        case text(String)
        case line
        case fromBusRecord
    }

    static func unpack(_ bytes: ArraySlice<UInt8>) -> Fields {
        var reader = PackedReader(bytes: bytes)
        let id = next(&reader).text ?? ""
        let (taskId, taskIdBytes) = next(&reader)
        let summary: Summary
        switch Tag(rawValue: reader.byte()) {
        case .packedText: summary = .text(PackedText.text(reader.take(reader.length()), taskId: taskIdBytes))
        case .fromBusRecord: summary = .fromBusRecord
        default: summary = .line
        }
        return Fields(id: id, taskId: taskId, summary: summary)
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
        case .absent, .sameAsLine, .fromBusRecord, nil: break
        }
    }

    private static func next(_ reader: inout PackedReader) -> (text: String?, uuid: ArraySlice<UInt8>?) {
        switch Tag(rawValue: reader.byte()) {
        case .digits: return (reader.digits(), nil)
        case .uuid:
            let bytes = reader.take(16)
            return (PackedCoder.uuidText(bytes), bytes)
        case .text: return (reader.text(), nil)
        case .absent, .sameAsLine, .packedText, .fromBusRecord, nil: return (nil, nil)
        }
    }
}
