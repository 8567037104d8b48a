import Testing
@testable import TaskOpsCore

/// A task holds the item as compact JSON text and gives back exactly what it read.
@Suite struct TaskItemStorageTests {
    @Test func rawComesBackExactlyInItsOrderWithItsLiterals() throws {
        let text = #"{"ttl": 1803352505, "status": "pending", "taskId": "t-1", "extra": {"b": [1.50, "x\u0000y"], "a": null}, "title": "T", "userId": "u", "tags": ["1"]}"#
        let object = try #require(try JSONParser.parse(text).objectValue)
        let task = try #require(TaskItem(json: object))
        #expect(task.raw == object)
        #expect(task.raw.keys == ["ttl", "status", "taskId", "extra", "title", "userId", "tags"])
        #expect(JSONWriter.compact(.object(task.raw)) == JSONWriter.compact(.object(object)))
        #expect(task.ttl == "1803352505" && task.tags == [.string("1")] && task.metadata.isEmpty)
        #expect(task.priority == "medium", "missing priority reads as the API's default")
    }

    @Test func aTaskBuiltFromFieldsHasTheAPIsShape() {
        let task = TaskItem(taskId: "t", title: "T", userId: "u", createdAt: "c", updatedAt: "c", tags: [.string("a")], metadata: ["k": .string("v")])
        #expect(task.raw.keys == ["taskId", "title", "description", "priority", "status", "userId", "createdAt", "updatedAt", "tags", "metadata"])
        #expect(task.tags == [.string("a")] && task.metadata["k"] == .string("v"))
    }

    @Test func exactStorageKeepsTheText() {
        for text in ["", "short", String(repeating: "é", count: 40), "a\u{0}b" + String(repeating: "x", count: 30), "🇫🇷" + String(repeating: "y", count: 20)] {
            var grown = ""
            for character in text { grown.append(character) }
            #expect(grown.withExactStorage == text)
            #expect(grown.withExactStorage.utf8.elementsEqual(text.utf8))
        }
    }
}
