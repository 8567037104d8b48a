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
    let bytes: [UInt8]

    /// Packs `object`; string values of `internedKeys` are shared through a table (for values
    /// that repeat: a status, a user, a region).
    public init(_ object: JSONObject, internedKeys: Set<String> = []) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(256)
        shape = PackedCoder.pack(object, internedKeys: internedKeys, into: &bytes)
        // Held at its size: the array grew by doubling while packing.
        self.bytes = bytes.withUnsafeBufferPointer { Array($0) }
    }

    /// An object packed before, from its shape and bytes.
    init(shape: PackedShape, bytes: [UInt8]) {
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
        guard let index = shape.keys.firstIndex(of: key) else { return nil }
        var reader = PackedReader(bytes: bytes)
        for earlier in 0..<index { PackedCoder.skip(shape.encodings[earlier], from: &reader) }
        return PackedCoder.value(shape.encodings[index], from: &reader)
    }

    /// The display text of `key`'s value (`JSONValue.displayText`), nil when absent.
    public func text(_ key: String) -> String? { self[key]?.displayText }

    /// Bytes held for the values (the shape is shared).
    public var packedSize: Int { bytes.count }

    public static func == (a: Self, b: Self) -> Bool { a.shape === b.shape && a.bytes == b.bytes }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(ObjectIdentifier(shape))
        hasher.combine(bytes)
    }
}

/// The keys of an object and how each value is stored. Shared by every object of the same form.
final class PackedShape: Sendable {
    let keys: [String]
    let encodings: [PackedEncoding]

    init(keys: [String], encodings: [PackedEncoding]) {
        self.keys = keys
        self.encodings = encodings
    }
}

enum PackedEncoding: Hashable, Sendable {
    case null, yes, no
    /// Lowercase `8-4-4-4-12` hex: 16 bytes.
    case uuid
    /// `YYYY-MM-DDTHH:MM:SS.ffffff`: the year in 2 bytes, the other 16 digits in 8.
    case microTime
    /// ASCII digits only (1…255 of them, no leading `+`): a length byte and two digits a byte.
    case digits
    /// A string or a short non-string value kept once in a shared table: 2 bytes.
    case sharedString, sharedFragment
    /// A string as its UTF-8 bytes, or another value as its compact JSON, after a length.
    case string, fragment
    /// A nested object with its own shape.
    case object(PackedShape)

    static func == (a: Self, b: Self) -> Bool {
        switch (a, b) {
        case (.null, .null), (.yes, .yes), (.no, .no), (.uuid, .uuid), (.microTime, .microTime), (.digits, .digits),
             (.sharedString, .sharedString), (.sharedFragment, .sharedFragment), (.string, .string), (.fragment, .fragment):
            return true
        case (.object(let x), .object(let y)): return x === y
        default: return false
        }
    }

    func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .yes: hasher.combine(1)
        case .no: hasher.combine(2)
        case .uuid: hasher.combine(3)
        case .microTime: hasher.combine(4)
        case .digits: hasher.combine(5)
        case .sharedString: hasher.combine(6)
        case .sharedFragment: hasher.combine(7)
        case .string: hasher.combine(8)
        case .fragment: hasher.combine(9)
        case .object(let shape): hasher.combine(ObjectIdentifier(shape))
        }
    }
}

/// Reads packed bytes front to back.
struct PackedReader {
    let bytes: [UInt8]
    var offset = 0

    mutating func byte() -> UInt8 {
        defer { offset += 1 }
        return offset < bytes.count ? bytes[offset] : 0
    }

    mutating func take(_ count: Int) -> ArraySlice<UInt8> {
        let end = min(bytes.count, offset + count)
        defer { offset = end }
        return bytes[min(offset, end)..<end]
    }

    mutating func length() -> Int {
        var value = 0, shift = 0
        while offset < bytes.count {
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
}
