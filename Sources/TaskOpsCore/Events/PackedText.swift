/// Log text with its UUIDs held as bytes. The stack's lines name task ids, request ids and
/// execution ids, 36 characters each: a UUID becomes 0xFE and its 16 bytes, or 0xFF alone when it
/// is the task id the event already holds. Neither byte occurs in UTF-8, so the text comes back
/// exactly.
enum PackedText {
    static let uuidMarker: UInt8 = 0xFE
    static let taskIdMarker: UInt8 = 0xFF
    static let uuidLength = 36

    static func append(_ text: String, taskId: ArraySlice<UInt8>?, to bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { utf8 in
            var copied = 0, index = 0
            while index + uuidLength <= utf8.count {
                guard looksLikeUUID(utf8, at: index), let uuid = PackedCoder.uuidBytes(utf8[index..<index + uuidLength]) else {
                    index += 1
                    continue
                }
                bytes += utf8[copied..<index]
                if let taskId, taskId.elementsEqual(uuid) { bytes.append(taskIdMarker) } else { bytes.append(uuidMarker); bytes += uuid }
                index += uuidLength
                copied = index
            }
            bytes += utf8[copied...]
        }
    }

    /// The dashes of `8-4-4-4-12`, checked before the hex digits.
    private static func looksLikeUUID(_ utf8: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let dash = UInt8(ascii: "-")
        return utf8[index + 8] == dash && utf8[index + 13] == dash && utf8[index + 18] == dash && utf8[index + 23] == dash
    }

    static func text(_ bytes: ArraySlice<UInt8>, taskId: ArraySlice<UInt8>?) -> String {
        guard bytes.contains(where: { $0 >= uuidMarker }) else { return String(decoding: bytes, as: UTF8.self) }
        var utf8: [UInt8] = []
        utf8.reserveCapacity(bytes.count + 2 * uuidLength)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == taskIdMarker, let taskId {
                utf8 += PackedCoder.uuidText(taskId).utf8
                index += 1
            } else if byte == uuidMarker, index + 16 < bytes.endIndex {
                utf8 += PackedCoder.uuidText(bytes[index + 1...index + 16]).utf8
                index += 17
            } else {
                utf8.append(byte)
                index += 1
            }
        }
        return String(decoding: utf8, as: UTF8.self)
    }
}
