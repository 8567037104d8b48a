import Testing
import TaskOpsCore
import TaskOpsTesting

@Suite struct HostileJSONTests {
    @Test func corpusIsLargeEnough() {
        #expect(HostileStrings.all.count >= 200)
    }

    @Test func everyHostileStringRoundTripsThroughEveryWriter() throws {
        for text in HostileStrings.all {
            let value = JSONValue.object(["title": .string(text), "tags": .array([.string(text)])])
            for written in [JSONWriter.compact(value), JSONWriter.python(value), JSONWriter.pretty(value)] {
                #expect(try JSONParser.parse(written) == value)
            }
            #expect(!JSONWriter.python(value).unicodeScalars.contains { $0.value < 0x20 || $0.value > 0x7E }, "Python style is pure ASCII")
        }
    }

    @Test func taskItemReadsWrongTypesLeniently() throws {
        let json = try JSONParser.parse(#"{"taskId": 42, "title": ["not", "a", "string"], "ttl": 1803352505, "tags": "oops", "metadata": 7}"#)
        let task = try #require(json.objectValue.flatMap(TaskItem.init(json:)))
        #expect(task.taskId == "42")
        #expect(task.ttl == "1803352505")
        #expect(task.tags.isEmpty)
        #expect(task.title == #"["not","a","string"]"#)
    }
}

@Suite struct JSONWriterTerminalSafetyTests {
    @Test func controlsAndBidiAreEscapedYetRoundTrip() throws {
        for text in HostileStrings.all {
            let written = JSONWriter.compact(.string(text))
            #expect(!written.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value)
                || (0x2066...0x2069).contains($0.value) || $0.value == 0x200E || $0.value == 0x200F })
            #expect(try JSONParser.parse(written) == .string(text))
        }
        #expect(JSONWriter.compact(.string("a\u{9B}b\u{202E}c日")) == #""a\u009bb\u202ec日""#)
    }
}
