import Foundation
import Testing
import TaskOpsCore

/// How a decision is judged against the task's status changes, on stores that serialise writes
/// (each record names what it replaced) and on ones that do not (two handlers read at once).
struct DecisionVerdictTests {
    let id = "t-1"
    func record(_ old: String, _ new: String, _ at: String) -> StatusChangeRecord {
        StatusChangeRecord(taskId: id, oldStatus: old, newStatus: new, updatedAt: "2026-11-26T10:00:\(at)")
    }

    @Test func aLaterDecisionOverwritesOurs() {
        let records = [record("pending_approval", "approved", "01.000001"), record("pending_approval", "rejected", "01.500000")]
        let verdict = DecisionVerdict.judge(taskId: id, decision: .approve, updatedAt: "2026-11-26T10:00:01.000001", records: records)
        #expect(verdict?.kind == .overwritten(status: "rejected", at: "2026-11-26T10:00:01.500000"))
    }

    @Test func oursReplacedAnEarlierDecisionThatBothReadsMissed() {
        let unserialised = [record("pending_approval", "rejected", "01.000001"), record("pending_approval", "approved", "01.500000")]
        #expect(DecisionVerdict.judge(taskId: id, decision: .approve, updatedAt: "2026-11-26T10:00:01.500000", records: unserialised)?.kind
                == .overwrote(status: "rejected", at: "2026-11-26T10:00:01.000001"))
        let serialised = [record("rejected", "approved", "01.500000")]
        #expect(DecisionVerdict.judge(taskId: id, decision: .approve, updatedAt: "2026-11-26T10:00:01.500000", records: serialised)?.kind
                == .overwrote(status: "rejected", at: ""))
    }

    @Test func unrelatedChangesAreNotARace() {
        let records = [
            record("pending", "pending_approval", "00.000000"),
            record("pending_approval", "approved", "01.000000"),
            // Far outside the race window: a later, deliberate change.
            StatusChangeRecord(taskId: id, oldStatus: "approved", newStatus: "rejected", updatedAt: "2026-11-26T11:00:00.000000"),
            // Another task.
            StatusChangeRecord(taskId: "t-2", oldStatus: "pending_approval", newStatus: "rejected", updatedAt: "2026-11-26T10:00:02.000000"),
        ]
        #expect(DecisionVerdict.judge(taskId: id, decision: .approve, updatedAt: "2026-11-26T10:00:01.000000", records: records) == nil)
        #expect(DecisionVerdict.judge(taskId: id, decision: .approve, updatedAt: "not a time", records: records) == nil)
    }

    /// The record is read from both places the console sees it: the bus's catch-all log and the
    /// update handler's `Received TaskUpdated event:` line.
    @Test func recordsAreReadFromBusRecordsAndHandlerLines() {
        let detail = #"{"taskId":"t-1","userId":"u","oldStatus":"pending_approval","newStatus":"approved","updatedAt":"2026-11-26T10:00:01.000001"}"#
        let record = #"{"version":"0","id":"e","detail-type":"TaskUpdated","source":"task-manager","detail":\#(detail)}"#
        let bus = LogLineParser.parse(LogEvent(eventId: "1", logGroup: "/aws/events/task-manager-dev", logStream: "s", timestamp: 1, ingestionTime: 1, message: record))
        let line = LogLineParser.parse(LogEvent(eventId: "2", logGroup: "/aws/lambda/task-manager-task-updated-handler-dev", logStream: "s",
                                                timestamp: 1, ingestionTime: 1, message: "Received TaskUpdated event: \(record)\n"))
        let expected = StatusChangeRecord(taskId: "t-1", oldStatus: "pending_approval", newStatus: "approved", updatedAt: "2026-11-26T10:00:01.000001", userId: "u")
        #expect(StatusChangeRecord(event: bus) == expected)
        #expect(StatusChangeRecord(event: line) == expected)
        let created = LogLineParser.parse(LogEvent(eventId: "3", logGroup: "/aws/events/task-manager-dev", logStream: "s", timestamp: 1, ingestionTime: 1,
                                                   message: #"{"detail-type":"TaskCreated","detail":{"taskId":"t-1"}}"#))
        #expect(StatusChangeRecord(event: created) == nil)
    }
}
