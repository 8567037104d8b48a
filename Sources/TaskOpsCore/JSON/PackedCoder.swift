import Foundation

/// Packs and unpacks `PackedJSONObject` values (the formats are described on `PackedEncoding`).
enum PackedCoder {
    static func pack(_ object: JSONObject, internedKeys: Set<String>, into bytes: inout [UInt8]) -> PackedShape {
        var keys: [String] = []
        var encodings: [PackedEncoding] = []
        keys.reserveCapacity(object.count)
        encodings.reserveCapacity(object.count)
        var repeatable: [(text: String, index: Int)] = []
        for (key, value) in object {
            keys.append(key)
            if case .string(let text) = value, text.utf8.count >= minimumRepeat {
                // Compared as bytes: equal Swift strings may be different text ("é" and "e\u{301}").
                if let earlier = repeatable.first(where: { $0.text.utf8.elementsEqual(text.utf8) }) {
                    encodings.append(.repeatOf(earlier.index))
                    continue
                }
                repeatable.append((text, encodings.count))
            }
            encodings.append(pack(value, shared: internedKeys.contains(key), internedKeys: internedKeys, into: &bytes))
        }
        return PackedTables.shared.shape(keys: keys, encodings: encodings)
    }

    /// Strings this long are held once an object: a task's `updatedAt` is its `createdAt` until
    /// it is first changed.
    static let minimumRepeat = 8

    static func pack(_ value: JSONValue, shared: Bool, internedKeys: Set<String>, into bytes: inout [UInt8]) -> PackedEncoding {
        switch value {
        case .null: return .null
        case .bool(let b): return b ? .yes : .no
        case .string(let s):
            if let uuid = uuidBytes(s) { bytes += uuid; return .uuid }
            if let time = timeBytes(s, .micro) { bytes += time; return .microTime }
            if let time = timeBytes(s, .zulu) { bytes += time; return .zuluTime }
            if shared, s.utf8.count <= PackedTables.longestShared, let id = PackedTables.shared.string(s) { append(id, 2, &bytes); return .sharedString }
            if let digits = digitBytes(s) { bytes += digits; return .digits }
            appendText(s, &bytes)
            return .string
        case .object(let nested) where !nested.isEmpty:
            return .object(pack(nested, internedKeys: internedKeys, into: &bytes))
        default:
            let text = JSONWriter.compact(value)
            if text.utf8.count <= PackedTables.longestShared, let id = PackedTables.shared.fragment(text) { append(id, 2, &bytes); return .sharedFragment }
            appendText(text, &bytes)
            return .fragment
        }
    }

    static func unpack(_ shape: PackedShape, from reader: inout PackedReader) -> JSONObject {
        var object = JSONObject()
        var values: [JSONValue] = []
        values.reserveCapacity(shape.keys.count)
        for (key, encoding) in zip(shape.keys, shape.encodings) {
            let next = if case .repeatOf(let earlier) = encoding { values[earlier] } else { value(encoding, from: &reader) }
            values.append(next)
            object[key] = next
        }
        return object
    }

    static func value(_ encoding: PackedEncoding, from reader: inout PackedReader) -> JSONValue {
        switch encoding {
        case .null: return .null
        case .yes: return .bool(true)
        case .no: return .bool(false)
        case .uuid: return .string(reader.uuid())
        case .microTime: return .string(timeText(year: reader.uint(2), rest: reader.uint(8), .micro))
        case .zuluTime: return .string(timeText(year: reader.uint(2), rest: reader.uint(5), .zulu))
        case .digits: return .string(reader.digits())
        case .sharedString: return .string(PackedTables.shared.string(at: Int(reader.uint(2))))
        case .sharedFragment: return parsed(PackedTables.shared.fragment(at: Int(reader.uint(2))))
        case .string: return .string(reader.text())
        case .fragment: return parsed(reader.text())
        case .object(let shape): return .object(unpack(shape, from: &reader))
        // Resolved by the object that holds it (`unpack`, `PackedJSONObject.reader(at:)`).
        case .repeatOf: return .null
        }
    }

    static func skip(_ encoding: PackedEncoding, from reader: inout PackedReader) {
        switch encoding {
        case .null, .yes, .no, .repeatOf: break
        case .uuid: reader.offset += 16
        case .microTime: reader.offset += 2 + PackedTimeForm.micro.restBytes
        case .zuluTime: reader.offset += 2 + PackedTimeForm.zulu.restBytes
        case .digits: reader.offset += (Int(reader.byte()) + 1) / 2
        case .sharedString, .sharedFragment: reader.offset += 2
        case .string, .fragment: reader.offset += reader.length()
        case .object(let shape): for nested in shape.encodings { skip(nested, from: &reader) }
        }
    }

    static func parsed(_ text: String) -> JSONValue { (try? JSONParser.parse(text)) ?? .string(text) }

    // MARK: byte formats

    static func append(_ value: Int, _ width: Int, _ bytes: inout [UInt8]) {
        for shift in stride(from: (width - 1) * 8, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: value >> shift)) }
    }

    /// A length, then the UTF-8 (read back by `PackedReader.text`).
    static func appendText(_ text: String, _ bytes: inout [UInt8]) {
        appendLength(text.utf8.count, &bytes)
        bytes += text.utf8
    }

    static func appendLength(_ length: Int, _ bytes: inout [UInt8]) {
        var rest = length
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    static let hexDigits = Array("0123456789abcdef".utf8)

    static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        default: return nil
        }
    }

    static func uuidBytes(_ s: String) -> [UInt8]? { uuidBytes(s.utf8) }

    static func uuidBytes<Text: Collection<UInt8>>(_ utf8: Text) -> [UInt8]? {
        guard utf8.count == 36 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(16)
        var high: UInt8?
        for (i, c) in utf8.enumerated() {
            if i == 8 || i == 13 || i == 18 || i == 23 {
                guard c == UInt8(ascii: "-") else { return nil }
                continue
            }
            guard let v = hexValue(c) else { return nil }
            if let h = high { out.append(h << 4 | v); high = nil } else { high = v }
        }
        return out
    }

    static func uuidText(_ bytes: ArraySlice<UInt8>) -> String {
        String(unsafeUninitializedCapacity: 36) { out in
            var n = 0
            for (i, b) in bytes.enumerated() {
                if i == 4 || i == 6 || i == 8 || i == 10 { out[n] = UInt8(ascii: "-"); n += 1 }
                out[n] = hexDigits[Int(b >> 4)]
                out[n + 1] = hexDigits[Int(b & 0xF)]
                n += 2
            }
            return n
        }
    }

    /// `form`'s timestamp as a 2-byte year and its other digits as one number.
    static func timeBytes(_ s: String, _ form: PackedTimeForm) -> [UInt8]? {
        let utf8 = s.utf8
        guard utf8.count == form.length else { return nil }
        var year = 0, rest: UInt64 = 0
        for (i, c) in utf8.enumerated() {
            if let separator = form.separators[i] {
                guard c == separator else { return nil }
                continue
            }
            guard c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") else { return nil }
            let digit = Int(c - UInt8(ascii: "0"))
            if i < 4 { year = year * 10 + digit } else { rest = rest * 10 + UInt64(digit) }
        }
        var out: [UInt8] = []
        append(year, 2, &out)
        append(Int(rest), form.restBytes, &out)
        return out
    }

    static func timeText(year: UInt64, rest: UInt64, _ form: PackedTimeForm) -> String {
        // Written back to front, digits where the form has none of its separators.
        String(unsafeUninitializedCapacity: form.length) { out in
            var value = rest
            for position in stride(from: form.length - 1, through: 4, by: -1) {
                if let separator = form.separators[position] {
                    out[position] = separator
                } else {
                    out[position] = UInt8(ascii: "0") + UInt8(value % 10)
                    value /= 10
                }
            }
            value = min(year, 9999)
            for position in stride(from: 3, through: 0, by: -1) {
                out[position] = UInt8(ascii: "0") + UInt8(value % 10)
                value /= 10
            }
            return form.length
        }
    }

    /// 1…255 ASCII digits (a `ttl`, a 56-digit event id): a count, then two digits a byte.
    static func digitBytes(_ s: String) -> [UInt8]? {
        let utf8 = s.utf8
        guard (1...255).contains(utf8.count), utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
        var out: [UInt8] = [UInt8(utf8.count)]
        var high: UInt8?
        for c in utf8 {
            let d = c - UInt8(ascii: "0")
            if let h = high { out.append(h << 4 | d); high = nil } else { high = d }
        }
        if let h = high { out.append(h << 4) }
        return out
    }

    static func digitText(_ bytes: ArraySlice<UInt8>, count: Int) -> String {
        String(unsafeUninitializedCapacity: count) { out in
            var n = 0
            for b in bytes {
                if n < count { out[n] = UInt8(ascii: "0") + (b >> 4); n += 1 }
                if n < count { out[n] = UInt8(ascii: "0") + (b & 0xF); n += 1 }
            }
            return n
        }
    }
}

/// The tables packed objects share: shapes, repeated strings, repeated small values. Bounded: only
/// values of at most 64 bytes are shared, and past 65,535 entries a value is stored inline instead
/// (a shape, rarer still, unshared), so hostile values cannot grow the tables without end.
final class PackedTables: @unchecked Sendable {
    static let shared = PackedTables()
    static let capacity = 65_535
    static let longestShared = 64

    struct ShapeKey: Hashable {
        var keys: [String]
        var encodings: [PackedEncoding]
    }

    private let lock = NSLock()
    private var shapes: [ShapeKey: PackedShape] = [:]
    private var strings: [String] = []
    private var stringIds: [String: Int] = [:]
    private var fragments: [String] = []
    private var fragmentIds: [String: Int] = [:]

    func shape(keys: [String], encodings: [PackedEncoding]) -> PackedShape {
        let key = ShapeKey(keys: keys, encodings: encodings)
        return lock.withLock {
            if let known = shapes[key] { return known }
            let shape = PackedShape(keys: keys, encodings: encodings)
            if shapes.count < Self.capacity { shapes[key] = shape }
            return shape
        }
    }

    /// The one instance of `value` held here (so equal strings share storage), or `value` itself
    /// when it is long or the table is full.
    func canonical(_ value: String) -> String {
        guard value.utf8.count <= 4 * Self.longestShared else { return value }
        return lock.withLock {
            guard let id = Self.intern(value, &strings, &stringIds) else { return value }
            return strings[id]
        }
    }

    func string(_ value: String) -> Int? { lock.withLock { Self.intern(value, &strings, &stringIds) } }
    func fragment(_ text: String) -> Int? { lock.withLock { Self.intern(text, &fragments, &fragmentIds) } }
    func string(at id: Int) -> String { lock.withLock { id < strings.count ? strings[id] : "" } }
    func fragment(at id: Int) -> String { lock.withLock { id < fragments.count ? fragments[id] : "null" } }

    private static func intern(_ value: String, _ values: inout [String], _ ids: inout [String: Int]) -> Int? {
        if let id = ids[value] { return id }
        guard values.count < capacity else { return nil }
        values.append(value)
        ids[value] = values.count - 1
        return values.count - 1
    }
}

/// A timestamp form packed as numbers: its length and the separators between its digits.
struct PackedTimeForm {
    let length: Int
    let separators: [UInt8?]
    /// Bytes for the digits after the year.
    let restBytes: Int

    init(_ pattern: String, restBytes: Int) {
        length = pattern.utf8.count
        separators = pattern.utf8.map { $0 == UInt8(ascii: "d") ? nil : $0 }
        self.restBytes = restBytes
    }

    /// The Task API's `2026-11-24T10:11:12.123456` (16 digits after the year).
    static let micro = PackedTimeForm("dddd-dd-ddTdd:dd:dd.dddddd", restBytes: 8)
    /// EventBridge's `2026-11-24T10:11:12Z` (10 digits after the year).
    static let zulu = PackedTimeForm("dddd-dd-ddTdd:dd:ddZ", restBytes: 5)
}
