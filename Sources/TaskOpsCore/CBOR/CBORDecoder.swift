import Foundation

/// Reads CBOR (RFC 8949) into `JSONValue`s, as smithy RPC v2 CBOR carries them: maps with text keys,
/// definite or indefinite lengths, tag 1 epoch timestamps (read as numbers), half/single/double floats.
/// Byte strings become base64 text. Refuses what it cannot read with an error, never a crash.
public enum CBORDecoder {
    public struct Failure: Error, Equatable, CustomStringConvertible {
        public let offset: Int
        public let reason: String
        public var description: String { "CBOR at byte \(offset): \(reason)" }
    }

    public static let maximumDepth = 512

    public static func decode(_ bytes: [UInt8]) throws(Failure) -> JSONValue {
        var reader = Reader(bytes: bytes)
        let value = try reader.value(depth: 0)
        guard reader.offset == bytes.count else { throw Failure(offset: reader.offset, reason: "trailing bytes after the value") }
        return value
    }

    struct Reader {
        let bytes: [UInt8]
        var offset = 0

        mutating func byte() throws(Failure) -> UInt8 {
            guard offset < bytes.count else { throw Failure(offset: offset, reason: "unexpected end of input") }
            defer { offset += 1 }
            return bytes[offset]
        }

        mutating func take(_ count: UInt64) throws(Failure) -> ArraySlice<UInt8> {
            guard count <= UInt64(bytes.count - offset) else { throw Failure(offset: offset, reason: "length \(count) runs past the end") }
            defer { offset += Int(count) }
            return bytes[offset..<(offset + Int(count))]
        }

        /// The argument of an initial byte; nil for indefinite length (additional info 31).
        mutating func argument(_ info: UInt8) throws(Failure) -> UInt64? {
            switch info {
            case 0..<24: return UInt64(info)
            case 24: return UInt64(try byte())
            case 25, 26, 27:
                let width = 1 << Int(info - 24)
                return try take(UInt64(width)).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            case 31: return nil
            default: throw Failure(offset: offset - 1, reason: "reserved additional information \(info)")
            }
        }

        mutating func value(depth: Int) throws(Failure) -> JSONValue {
            guard depth < CBORDecoder.maximumDepth else { throw Failure(offset: offset, reason: "nested deeper than \(CBORDecoder.maximumDepth)") }
            let start = offset
            let initial = try byte()
            let major = initial >> 5, info = initial & 0x1f
            switch major {
            case 0:
                guard let n = try argument(info) else { throw Failure(offset: start, reason: "indefinite integer") }
                return .number(JSONNumber(literal: String(n), isInteger: true))
            case 1:
                guard let n = try argument(info) else { throw Failure(offset: start, reason: "indefinite integer") }
                return .number(JSONNumber(literal: n == UInt64.max ? "-18446744073709551616" : "-\(n + 1)", isInteger: true))
            case 2, 3:
                let data = try string(info, major: major, start: start)
                return .string(major == 3 ? String(decoding: data, as: UTF8.self) : Data(data).base64EncodedString())
            case 4:
                var items: [JSONValue] = []
                if let count = try argument(info) {
                    guard count <= UInt64(bytes.count - offset) else { throw Failure(offset: start, reason: "array of \(count) items runs past the end") }
                    for _ in 0..<count { items.append(try value(depth: depth + 1)) }
                } else {
                    while try !atBreak() { items.append(try value(depth: depth + 1)) }
                }
                return .array(items)
            case 5:
                var object = JSONObject()
                func entry(_ reader: inout Reader) throws(Failure) {
                    let keyOffset = reader.offset
                    guard case .string(let key) = try reader.value(depth: depth + 1) else { throw Failure(offset: keyOffset, reason: "map key is not text") }
                    object[key] = try reader.value(depth: depth + 1)
                }
                if let count = try argument(info) {
                    guard count <= UInt64(bytes.count - offset) else { throw Failure(offset: start, reason: "map of \(count) entries runs past the end") }
                    for _ in 0..<count { try entry(&self) }
                } else {
                    while try !atBreak() { try entry(&self) }
                }
                return .object(object)
            case 6:
                _ = try argument(info)
                return try value(depth: depth + 1)
            default:
                return try simple(info, start: start)
            }
        }

        mutating func string(_ info: UInt8, major: UInt8, start: Int) throws(Failure) -> [UInt8] {
            if let length = try argument(info) { return Array(try take(length)) }
            var data: [UInt8] = []
            while try !atBreak() {
                let chunkStart = offset
                let chunk = try byte()
                guard chunk >> 5 == major, let length = try argument(chunk & 0x1f) else {
                    throw Failure(offset: chunkStart, reason: "bad chunk in an indefinite string")
                }
                data += try take(length)
            }
            return data
        }

        mutating func atBreak() throws(Failure) -> Bool {
            guard offset < bytes.count else { throw Failure(offset: offset, reason: "missing break") }
            if bytes[offset] == 0xff { offset += 1; return true }
            return false
        }

        mutating func simple(_ info: UInt8, start: Int) throws(Failure) -> JSONValue {
            switch info {
            case 20: return .bool(false)
            case 21: return .bool(true)
            case 22, 23: return .null
            case 25:
                let bits = try take(2).reduce(UInt16(0)) { $0 << 8 | UInt16($1) }
                return .double(Double(Float16(bitPattern: bits)))
            case 26:
                let bits = try take(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
                return .double(Double(Float(bitPattern: bits)))
            case 27:
                let bits = try take(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
                return .double(Double(bitPattern: bits))
            default: throw Failure(offset: start, reason: "unsupported simple value \(info)")
            }
        }
    }
}
