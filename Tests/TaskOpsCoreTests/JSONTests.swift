import Testing
@testable import TaskOpsCore

@Suite struct JSONTests {
    @Test func keepsKeyOrderAndNumberLiterals() throws {
        let value = try JSONParser.parse(#"{"b": 1, "a": 1.0, "c": [true, null, -0, 1e3]}"#)
        #expect(value.objectValue?.keys == ["b", "a", "c"])
        #expect(value["b"]?.numberValue?.isInteger == true)
        #expect(value["a"]?.numberValue?.isInteger == false)
        #expect(value.containsFloat)
        #expect(JSONWriter.compact(value) == #"{"b":1,"a":1.0,"c":[true,null,0,1e3]}"#)
    }

    @Test func writesLikePythonJsonDumps() throws {
        let value: JSONValue = .object(["title": .string("Café ☕ 😀"), "n": .int(5), "tags": .array([]), "q": .string("a\"b\\\n\u{7f}")])
        #expect(JSONWriter.python(value) == #"{"title": "Caf\u00e9 \u2615 \ud83d\ude00", "n": 5, "tags": [], "q": "a\"b\\\n\u007f"}"#)
    }

    @Test(arguments: ["", "{", "[1,]", "{\"a\" 1}", "tru", "\"abc", "01x", "{\"a\":1}x", "\"\u{01}\""])
    func rejectsMalformed(_ text: String) {
        #expect(throws: JSONParseError.self) { try JSONParser.parse(text) }
    }

    @Test func refusesDeepNestingWithoutCrashing() {
        let deep = String(repeating: "[", count: 100_000)
        #expect(throws: JSONParseError.self) { try JSONParser.parse(deep) }
    }

    @Test func decodesEscapesAndSurrogates() throws {
        let value = try JSONParser.parse(#""\ud83d\ude00 \u00e9 \/ \ud800""#)
        #expect(value.stringValue == "😀 é / \u{FFFD}")
    }

    @Test func pythonTruthiness() throws {
        for falsy in ["{}", "[]", "null", "0", "false", "\"\""] { #expect(try !JSONParser.parse(falsy).isTruthy) }
        for truthy in ["{\"a\":1}", "[0]", "1", "true", "\"x\""] { #expect(try JSONParser.parse(truthy).isTruthy) }
    }
}
