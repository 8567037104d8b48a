import Foundation

/// A JSON object held in a few bytes per value: the keys and how each value is stored live in a
/// shared shape (objects from one API share a handful), UUIDs take 16 bytes, microsecond
/// timestamps 10, digit strings half their length, repeated short values (a status, a user, a
/// `tags` array) two bytes for an entry in a shared table. The console holds 100k tasks and events
/// whose text is mostly keys, ids and timestamps; this keeps each near the size of what varies.
///
/// Decoding gives back the object exactly: the same keys in the same order, the same values and
/// number literals, so `compactText` is what `JSONWriter.compact` wrote for the object.
public struct PackedJSONObject: Sendable, Hashable {
    let shape: PackedShape
    /// The values' bytes: its own array, or its row of a block many objects share (`PackedRows`).
    let bytes: ArraySlice<UInt8>

    /// Packs `object`; string values of `internedKeys` are shared through a table (for values
    /// that repeat: a status, a user, a region).
    public init(_ object: JSONObject, internedKeys: Set<String> = []) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(256)
        shape = PackedCoder.pack(object, internedKeys: internedKeys, into: &bytes)
        // Held at its size: the array grew by doubling while packing.
        self.bytes = bytes.atItsSize[...]
    }

    /// An object packed before, from its shape and bytes.
    init(shape: PackedShape, bytes: ArraySlice<UInt8>) {
        self.shape = shape
        self.bytes = bytes
    }

    public var count: Int { shape.keys.count }
    public var keys: [String] { shape.keys }

    /// The object as it was packed.
    public var object: JSONObject {
        var reader = PackedReader(bytes: bytes)
        return PackedCoder.unpack(shape, from: &reader)
    }

    /// `JSONWriter.compact` of the object.
    public var compactText: String { JSONWriter.compact(.object(object)) }

    /// The value of `key`, unpacked alone.
    public subscript(key: String) -> JSONValue? {
        guard let (encoding, found) = self.reader(at: key) else { return nil }
        var reader = found
        return PackedCoder.value(encoding, from: &reader)
    }

    /// The object at `key` as a packed object of its own (nothing unpacked); nil when the value
    /// is not a non-empty object.
    func nestedObject(_ key: String) -> PackedJSONObject? {
        guard let (encoding, start) = reader(at: key), case .object(let shape) = encoding else { return nil }
        var end = start
        PackedCoder.skip(encoding, from: &end)
        return PackedJSONObject(shape: shape, bytes: bytes[start.offset..<end.offset])
    }

    /// How `key`'s value is held, and a reader at its bytes (those of the value it repeats, for one
    /// held once).
    private func reader(at key: String) -> (PackedEncoding, PackedReader)? {
        guard var index = shape.keys.firstIndex(of: key) else { return nil }
        if case .repeatOf(let earlier) = shape.encodings[index] { index = earlier }
        var reader = PackedReader(bytes: bytes)
        for earlier in 0..<index { PackedCoder.skip(shape.encodings[earlier], from: &reader) }
        return (shape.encodings[index], reader)
    }

    /// `key`'s value as a sort key (see `TimestampSortKey`): "" when absent.
    public func timestampSortKey(_ key: String) -> TimestampSortKey {
        guard let (encoding, found) = self.reader(at: key) else { return TimestampSortKey(text: "") }
        var reader = found
        guard encoding == .microTime else { return TimestampSortKey(text: PackedCoder.value(encoding, from: &reader).displayText) }
        return TimestampSortKey(year: reader.uint(2), rest: reader.uint(8))
    }

    /// The display text of `key`'s value (`JSONValue.displayText`), nil when absent.
    public func text(_ key: String) -> String? { self[key]?.displayText }

    /// Bytes held for the values (the shape is shared).
    public var packedSize: Int { bytes.count }

}

/// The keys of an object and how each value is stored. Shared by every object of the same form
/// (`PackedTables` keeps one of each), so it is equal only to itself.
final class PackedShape: Sendable, Hashable {
    let keys: [String]
    let encodings: [PackedEncoding]

    init(keys: [String], encodings: [PackedEncoding]) {
        self.keys = keys
        self.encodings = encodings
    }

    static func == (a: PackedShape, b: PackedShape) -> Bool { a === b }
    func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
}

enum PackedEncoding: Hashable, Sendable {
    case null, yes, no
    /// Lowercase `8-4-4-4-12` hex: 16 bytes.
    case uuid
    /// `YYYY-MM-DDTHH:MM:SS.ffffff`: the year in 2 bytes, the other 16 digits in 8.
    case microTime
    /// `YYYY-MM-DDTHH:MM:SSZ`: the year in 2 bytes, the other 10 digits in 5.
    case zuluTime
    /// ASCII digits only (1…255 of them, no leading `+`): a length byte and two digits a byte.
    case digits
    /// A string or a short non-string value kept once in a shared table: 2 bytes.
    case sharedString, sharedFragment
    /// A string as its UTF-8 bytes, or another value as its compact JSON, after a length.
    case string, fragment
    /// A nested object with its own shape.
    case object(PackedShape)
    /// The same string as the value at this index of the object: no bytes.
    case repeatOf(Int)
}

/// Reads packed bytes front to back.
struct PackedReader {
    let bytes: ArraySlice<UInt8>
    var offset: Int

    init(bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        offset = bytes.startIndex
    }

    init(bytes: [UInt8]) { self.init(bytes: bytes[...]) }

    mutating func byte() -> UInt8 {
        defer { offset += 1 }
        return offset < bytes.endIndex ? bytes[offset] : 0
    }

    mutating func take(_ count: Int) -> ArraySlice<UInt8> {
        let end = min(bytes.endIndex, offset + count)
        defer { offset = end }
        return bytes[min(offset, end)..<end]
    }

    mutating func length() -> Int {
        var value = 0, shift = 0
        while offset < bytes.endIndex {
            let b = byte()
            value |= Int(b & 0x7F) << shift
            if b < 0x80 { break }
            shift += 7
        }
        return value
    }

    mutating func uint(_ width: Int) -> UInt64 {
        var value: UInt64 = 0
        for _ in 0..<width { value = value << 8 | UInt64(byte()) }
        return value
    }

    /// A string written by `PackedCoder.appendText`: a length, then UTF-8.
    mutating func text() -> String { String(decoding: take(length()), as: UTF8.self) }

    /// A UUID written by `PackedCoder.uuidBytes`.
    mutating func uuid() -> String { PackedCoder.uuidText(take(16)) }

    /// A digit string written by `PackedCoder.digitBytes`.
    mutating func digits() -> String {
        let count = Int(byte())
        return PackedCoder.digitText(take((count + 1) / 2), count: count)
    }
}
