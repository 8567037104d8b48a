import Foundation

/// Writes `JSONValue`s as CBOR: integers as integers, other numbers as doubles, definite lengths.
/// Numbers under the keys in `timestampKeys` (and in arrays under them) are written as tag 1
/// epoch-second timestamps, as smithy RPC v2 CBOR expects.
public enum CBOREncoder {
    public static func encode(_ value: JSONValue, timestampKeys: Set<String> = []) -> [UInt8] {
        var out: [UInt8] = []
        write(value, timestamp: false, keys: timestampKeys, into: &out)
        return out
    }

    static func head(_ major: UInt8, _ argument: UInt64, into out: inout [UInt8]) {
        let top = major << 5
        switch argument {
        case 0..<24: out.append(top | UInt8(argument))
        case 24...0xff: out += [top | 24, UInt8(argument)]
        case 0x100...0xffff: out.append(top | 25); out += bigEndian(argument, bytes: 2)
        case 0x10000...0xffff_ffff: out.append(top | 26); out += bigEndian(argument, bytes: 4)
        default: out.append(top | 27); out += bigEndian(argument, bytes: 8)
        }
    }

    static func bigEndian(_ value: UInt64, bytes: Int) -> [UInt8] {
        (0..<bytes).reversed().map { UInt8(truncatingIfNeeded: value >> (8 * UInt64($0))) }
    }

    static func write(_ value: JSONValue, timestamp: Bool, keys: Set<String>, into out: inout [UInt8]) {
        switch value {
        case .null: out.append(0xf6)
        case .bool(let flag): out.append(flag ? 0xf5 : 0xf4)
        case .string(let text):
            let utf8 = Array(text.utf8)
            head(3, UInt64(utf8.count), into: &out)
            out += utf8
        case .number(let number):
            if timestamp { head(6, 1, into: &out) }
            if number.isInteger, let magnitude = UInt64(number.literal.hasPrefix("-") ? String(number.literal.dropFirst()) : number.literal) {
                if number.literal.hasPrefix("-") && magnitude > 0 { head(1, magnitude - 1, into: &out) } else { head(0, magnitude, into: &out) }
            } else {
                out.append(0xfb)
                out += bigEndian(number.doubleValue.bitPattern, bytes: 8)
            }
        case .array(let items):
            head(4, UInt64(items.count), into: &out)
            for item in items { write(item, timestamp: timestamp, keys: keys, into: &out) }
        case .object(let object):
            head(5, UInt64(object.count), into: &out)
            for (key, item) in object.entries {
                write(.string(key), timestamp: false, keys: keys, into: &out)
                write(item, timestamp: keys.contains(key), keys: keys, into: &out)
            }
        }
    }
}
