import Testing
import TaskOpsTesting
@testable import TaskOpsCore

/// Strings are written in runs between the scalars that need escaping; the text must be what
/// escaping scalar by scalar writes.
@Suite struct JSONWriterRunsTests {
    static func scalarByScalar(_ string: String, asciiOnly: Bool) -> String {
        var out = "\""
        for scalar in string.unicodeScalars {
            if let escape = JSONWriter.escapeText(scalar, asciiOnly: asciiOnly) { out += escape } else { out.unicodeScalars.append(scalar) }
        }
        return out + "\""
    }

    @Test func runsWriteWhatScalarByScalarWrites() throws {
        let extra = ["\"quoted\" and \\ back", "é\u{301}\"x", "\"", "a\"", "\"a", "\u{202E}\"\u{1F600}\"", "tab\tnew\nline\u{0}", "日本語\"テキスト"]
        for text in HostileStrings.all + extra {
            for asciiOnly in [false, true] {
                var out = ""
                JSONWriter.writeString(text, into: &out, asciiOnly: asciiOnly)
                #expect(out == Self.scalarByScalar(text, asciiOnly: asciiOnly))
                #expect(try JSONParser.parse(out).stringValue == text, "reads back as the same text")
            }
        }
    }
}
