/// Writes `JSONValue`s in the styles the stack and the console need.
public enum JSONWriter {
    /// Compact, UTF-8, no spaces: `{"a":1,"b":[true,null]}` (AWS and Terraform style).
    public static func compact(_ value: JSONValue) -> String {
        var out = ""
        write(value, into: &out, style: .compact, level: 0)
        return out
    }

    /// Python `json.dumps(value)` with its defaults: `", "` and `": "` separators, non-ASCII as `\uXXXX`.
    public static func python(_ value: JSONValue) -> String {
        var out = ""
        write(value, into: &out, style: .python, level: 0)
        return out
    }

    /// Indented for people to read, UTF-8 kept.
    public static func pretty(_ value: JSONValue, indent: Int = 2) -> String {
        var out = ""
        write(value, into: &out, style: .pretty(indent), level: 0)
        return out
    }

    enum Style { case compact, python, pretty(Int) }

    static func write(_ value: JSONValue, into out: inout String, style: Style, level: Int) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += n.literal
        case .string(let s): writeString(s, into: &out, asciiOnly: { if case .python = style { return true } else { return false } }())
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += separator(style) }
                newline(style, level + 1, &out)
                write(item, into: &out, style: style, level: level + 1)
            }
            newline(style, level, &out)
            out += "]"
        case .object(let object):
            if object.isEmpty { out += "{}"; return }
            out += "{"
            for (i, entry) in object.entries.enumerated() {
                if i > 0 { out += separator(style) }
                newline(style, level + 1, &out)
                writeString(entry.key, into: &out, asciiOnly: { if case .python = style { return true } else { return false } }())
                switch style {
                case .compact: out += ":"
                default: out += ": "
                }
                write(entry.value, into: &out, style: style, level: level + 1)
            }
            newline(style, level, &out)
            out += "}"
        }
    }

    private static func separator(_ style: Style) -> String {
        switch style {
        case .compact, .pretty: return ","
        case .python: return ", "
        }
    }

    private static func newline(_ style: Style, _ level: Int, _ out: inout String) {
        if case .pretty(let indent) = style {
            out += "\n"
            out += String(repeating: " ", count: indent * level)
        }
    }

    private static let hex: [Character] = Array("0123456789abcdef")

    private static func appendUnicodeEscape(_ unit: UInt16, _ out: inout String) {
        out += "\\u"
        out.append(hex[Int(unit >> 12) & 0xF])
        out.append(hex[Int(unit >> 8) & 0xF])
        out.append(hex[Int(unit >> 4) & 0xF])
        out.append(hex[Int(unit) & 0xF])
    }

    /// DEL, C1 controls, bidi marks, overrides and isolates, and line/paragraph separators: valid
    /// in JSON strings, but a terminal showing `--json` output would act on them or reorder text.
    /// Written as `\uXXXX` they mean the same to every JSON reader and nothing to a terminal.
    static func actsOnTerminals(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// How `scalar` is written inside a JSON string, or nil when it is written as itself.
    static func escapeText(_ scalar: Unicode.Scalar, asciiOnly: Bool) -> String? {
        switch scalar {
        case "\"": return "\\\""
        case "\\": return "\\\\"
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        case "\u{08}": return "\\b"
        case "\u{0C}": return "\\f"
        default:
            guard scalar.value < 0x20 || (asciiOnly && scalar.value > 0x7E) || actsOnTerminals(scalar) else { return nil }
            var out = ""
            if scalar.value > 0xFFFF {
                for unit in String(scalar).utf16 { appendUnicodeEscape(unit, &out) }
            } else {
                appendUnicodeEscape(UInt16(scalar.value), &out)
            }
            return out
        }
    }

    /// Writes a quoted JSON string; with `asciiOnly` every scalar outside space…tilde is escaped, as Python does.
    public static func writeString(_ string: String, into out: inout String, asciiOnly: Bool) {
        out += "\""
        // Most strings are printable ASCII without quotes or backslashes: nothing to escape.
        if string.utf8.allSatisfy({ $0 >= 0x20 && $0 <= 0x7E && $0 != 0x22 && $0 != 0x5C }) {
            out += string
            out += "\""
            return
        }
        // Otherwise the runs between scalars that need escaping are copied whole.
        let scalars = string.unicodeScalars
        var runStart = scalars.startIndex
        var index = runStart
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let next = scalars.index(after: index)
            if let escape = escapeText(scalar, asciiOnly: asciiOnly) {
                if runStart < index { out.append(contentsOf: Substring(scalars[runStart..<index])) }
                out += escape
                runStart = next
            }
            index = next
        }
        if runStart < scalars.endIndex { out.append(contentsOf: Substring(scalars[runStart...])) }
        out += "\""
    }
}
