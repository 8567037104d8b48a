import Testing
import TaskOpsTesting
@testable import TaskOpsCore

/// A packed object gives back exactly the object it was made from, whatever its values, and
/// holds the forms that repeat (ids, timestamps, digits, shared values) in a few bytes.
@Suite struct PackedJSONObjectTests {
    func roundTrips(_ object: JSONObject, interned: Set<String> = [], sourceLocation: SourceLocation = #_sourceLocation) {
        let packed = PackedJSONObject(object, internedKeys: interned)
        #expect(packed.object == object, sourceLocation: sourceLocation)
        #expect(packed.compactText == JSONWriter.compact(.object(object)), sourceLocation: sourceLocation)
        for (key, value) in object { #expect(packed[key] == value, "\(key)", sourceLocation: sourceLocation) }
    }

    @Test func theFormsItPacksComeBackExactly() throws {
        let text = #"""
            {"taskId":"0f8fad5b-d9cb-469f-a165-70867728950e","createdAt":"2026-11-24T10:11:12.123456","ttl":"1803352505",
             "upper":"0F8FAD5B-D9CB-469F-A165-70867728950E","nearTime":"2026-11-24T10:11:12.12345","zulu":"2026-11-24T10:11:12Z","nearZulu":"2026-11-24T10:11:12z","zeros":"007","id":"\#(String(repeating: "9", count: 56))",
             "status":"pending","n":1.50,"big":123456789012345678901234567890,"neg":-0,"e":1e-7,"t":true,"f":false,"z":null,"empty":"","eo":{},"ea":[],
             "nested":{"detail":{"taskId":"0f8fad5b-d9cb-469f-a165-70867728950e","deep":{"x":[1,{"y":"z"}]}}},"dup":"a","dup":"b",
             "esc":"\u0000\u001b[31m\"\\","wide":"支払い 🇫🇷 e\u0301"}
            """#
        let object = try #require(try JSONParser.parse(text).objectValue)
        roundTrips(object)
        roundTrips(object, interned: ["status", "zeros", "esc"])
        let packed = PackedJSONObject(object)
        #expect(packed.keys == object.keys)
        #expect(packed.text("taskId") == "0f8fad5b-d9cb-469f-a165-70867728950e" && packed.text("n") == "1.50" && packed.text("missing") == nil)
    }

    @Test func hostileStringsAndMutatedObjectsRoundTrip() throws {
        for (i, hostile) in HostileStrings.all.enumerated() {
            roundTrips(["taskId": .string(hostile), "title": .string(hostile), "status": .string(hostile), "tags": .array([.string(hostile)]),
                        "meta": .object([hostile.isEmpty ? "k" : hostile: .string(hostile)]), "i": .number(JSONNumber(i))],
                       interned: ["status"])
        }
        var mutator = InputMutator(seed: 7, corpus: [#"{"a":"0f8fad5b-d9cb-469f-a165-70867728950e","b":"2026-11-24T10:11:12.123456","c":[1,2,{"d":"123"}]}"#])
        for _ in 0..<3000 {
            guard let object = (try? JSONParser.parse(mutator.nextString()))?.objectValue else { continue }
            roundTrips(object, interned: ["a", "c"])
        }
    }

    /// A string repeated in one object is held once: an unchanged task's `updatedAt` is its
    /// `createdAt`. Repeats are found byte for byte, so canonically equal text stays itself.
    @Test func aRepeatedStringIsHeldOnceAndComesBackExactly() throws {
        let created = "2026-11-24T10:11:12.123456"
        let same: JSONObject = ["taskId": .string("t"), "createdAt": .string(created), "updatedAt": .string(created)]
        var changed = same
        changed["updatedAt"] = .string("2026-11-24T10:11:13.000001")
        #expect(PackedJSONObject(same).packedSize + 10 == PackedJSONObject(changed).packedSize)
        roundTrips(same)
        #expect(PackedJSONObject(same).text("updatedAt") == created)
        let tasks = TaskItem.items(from: [same, changed])
        #expect(tasks[0].updatedAt == created && tasks[0].updatedAtSortKey == tasks[0].createdAtSortKey && tasks[1].updatedAt.hasSuffix("13.000001"))
        let composed = "café crème brûlée", decomposed = "cafe\u{301} cre\u{300}me bru\u{302}le\u{301}e"
        #expect(composed == decomposed, "Swift calls them equal")
        let object: JSONObject = ["a": .string(composed), "b": .string(decomposed), "c": .string(composed), "n": .object(["x": .string(composed), "y": .string(composed)])]
        roundTrips(object)
        let packed = PackedJSONObject(object)
        #expect(packed.text("b")?.utf8.elementsEqual(decomposed.utf8) == true && packed.text("c")?.utf8.elementsEqual(composed.utf8) == true)
        #expect(JSONWriter.compact(.object(packed.object)) == JSONWriter.compact(.object(object)))
    }

    /// Only short values are shared: a long one, of a key whose values are shared, stays with its
    /// object and leaves the shared table as it was.
    @Test func longValuesAreNotSharedSoTheTablesStayBounded() {
        let long = String(repeating: "s", count: 10_000)
        let packed = PackedJSONObject(["status": .string(long), "tags": .array(Array(repeating: .string("t"), count: 100))], internedKeys: ["status"])
        #expect(packed.packedSize > 10_000 + 200)
        #expect(packed.text("status") == long)
        #expect(PackedTables.shared.canonical(long + "x") == long + "x")
    }

    @Test func aTaskPacksToAFractionOfItsText() throws {
        let text = #"{"taskId":"0f8fad5b-d9cb-469f-a165-70867728950e","title":"Rotate credentials","description":"","priority":"high","status":"pending","userId":"alice","createdAt":"2026-11-24T10:11:12.123456","updatedAt":"2026-11-24T10:11:12.123456","ttl":"1803352505","tags":[],"metadata":{"environment":"dev","createdBy":"api"}}"#
        let object = try #require(try JSONParser.parse(text).objectValue)
        let task = try #require(TaskItem(json: object))
        #expect(task.rawText == text)
        let packed = PackedJSONObject(object, internedKeys: TaskItem.sharedKeys)

        #expect(packed.packedSize < text.utf8.count / 3, "\(packed.packedSize) bytes for \(text.utf8.count) of text")
    }

    @Test func settingAFieldChangesTheItem() throws {
        var task = TaskItem(taskId: "t", title: "T", userId: "u", createdAt: "c", updatedAt: "c")
        task.status = "approved"
        task.title = "renamed"
        #expect(task.status == "approved" && task.title == "renamed")
        #expect(task.raw["status"] == .string("approved") && task.raw.keys.first == "taskId")
        task.ttl = nil
        #expect(task.ttl == nil)
    }
}
