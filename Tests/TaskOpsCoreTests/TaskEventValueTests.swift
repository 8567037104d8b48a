import Testing
@testable import TaskOpsCore

/// TaskEvent keeps its fields in a shared box: it must still behave as a value.
@Suite struct TaskEventValueTests {
    @Test func aCopyChangedLeavesTheOriginalAlone() {
        let original = TaskEvent(id: "e1", timestamp: 5, logGroup: "/g", source: "s", kind: .other, taskId: nil, summary: "one", raw: "r")
        var copy = original
        #expect(copy == original && copy.hashValue == original.hashValue)
        copy.summary = "two"
        copy.kind = .error
        copy.taskId = "t"
        #expect(original.summary == "one" && original.kind == .other && original.taskId == nil)
        #expect(copy.summary == "two" && copy.kind == .error && copy.taskId == "t")
        #expect(copy != original)
        var events = [original, original]
        events[1].timestamp = 9
        #expect(events[0].timestamp == 5 && events[1].timestamp == 9)
        let rebuilt = TaskEvent(id: "e1", timestamp: 5, logGroup: "/g", source: "s", kind: .other, taskId: nil, summary: "one", raw: "r")
        #expect(rebuilt == original && Set([rebuilt, original]).count == 1, "equal by fields, not by box")
    }
}
