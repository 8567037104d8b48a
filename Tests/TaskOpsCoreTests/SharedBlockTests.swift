import Foundation
import Testing
import TaskOpsTesting
@testable import TaskOpsCore

/// Tasks and events are held in blocks shared by those of one poll; in a block or alone, each
/// gives back exactly what it was made from.
@Suite struct SharedBlockTests {
    static let taskId = "0f8fad5b-d9cb-469f-a165-70867728950e"
    static let otherId = "7c9e6679-7425-40de-944b-e07fc1f90ae7"

    @Test func textGivesBackItsUUIDsAndEverythingElse() {
        let taskIdBytes = PackedCoder.uuidBytes(Self.taskId)![...]
        let texts = HostileStrings.all + [
            "Task \(Self.taskId) updated: pending -> in_progress\n", Self.taskId, Self.taskId + Self.otherId, "\(Self.otherId)-\(Self.taskId)",
            Self.taskId.uppercased(), String(Self.taskId.dropLast()), "x" + Self.taskId.replacingOccurrences(of: "-", with: "_"),
            "0f8fad5b-d9cb-469f-a165-70867728950g", "支払い \(Self.taskId) 🇫🇷", "\(Self.taskId)\(Self.taskId)\u{0}",
        ]
        for text in texts {
            for taskId in [taskIdBytes, nil] {
                var bytes: [UInt8] = []
                PackedText.append(text, taskId: taskId, to: &bytes)
                #expect(PackedText.text(bytes[...], taskId: taskId) == text, "\(text.debugDescription)")
            }
        }
        var line: [UInt8] = []
        PackedText.append("Task \(Self.taskId) raced \(Self.otherId)", taskId: taskIdBytes, to: &line)
        #expect(line.count == "Task  raced ".utf8.count + 1 + 17, "the task id is one byte, another UUID 17")
    }

    func logEvents(_ count: Int) -> [LogEvent] {
        (0..<count).map { i in
            let id = String(repeating: "3", count: 40) + String(format: "%016d", i)
            if i % 3 == 0 {
                return LogEvent(eventId: id, logGroup: "/aws/events/task-manager-dev", logStream: "s", timestamp: Int64(i), ingestionTime: Int64(i),
                                message: #"{"version":"0","id":"\#(Self.otherId)","detail-type":"TaskCreated","time":"2026-11-20T10:00:0\#(i % 10)Z","detail":{"taskId":"\#(Self.taskId)","title":"T\#(i)","priority":"high","userId":"u"}}"#)
            }
            if i % 3 == 1 {
                return LogEvent(eventId: id, logGroup: "/aws/lambda/task-manager-update-task-dev", logStream: "s", timestamp: Int64(i), ingestionTime: Int64(i),
                                message: "Task \(Self.taskId) updated: pending -> in_progress\n")
            }
            return LogEvent(eventId: "e\(i)", logGroup: "/aws/lambda/task-manager-create-task-dev", logStream: "s", timestamp: Int64(i), ingestionTime: Int64(i),
                            message: HostileStrings.all[i % HostileStrings.all.count])
        }
    }

    @Test func eventsOfOneAnswerShareABlockAndReadAsAlone() throws {
        let lines = logEvents(600)
        let batch = LogLineParser.parse(lines)
        let alone = lines.map(LogLineParser.parse)
        #expect(Set(batch.map { ObjectIdentifier($0.block) }).count == 1)
        #expect(Set(alone.map { ObjectIdentifier($0.block) }).count == 600)
        for (a, b) in zip(batch, alone) {
            #expect(a == b && a.hashValue == b.hashValue)
            #expect(a.id == b.id && a.raw == b.raw && a.summary == b.summary && a.taskId == b.taskId && a.source == b.source && a.logGroup == b.logGroup)
            #expect(a.detail == b.detail)
        }
        for (line, event) in zip(lines, batch) { #expect(event.raw == line.message && event.id == line.eventId) }
        let moved = TaskEvent.sharingBlocks(alone)
        #expect(moved == alone && Set(moved.map { ObjectIdentifier($0.block) }).count == 1)
        #expect(TaskEvent.sharingBlocks(batch).allSatisfy { $0.block === batch[0].block }, "a block holding just these is kept")
        // A record's EventBridge time is held in 7 bytes.
        let record = try #require(batch[0].block.record(batch[0].row))
        #expect(record.text("time") == "2026-11-20T10:00:00Z")
    }

    /// The bus's records make their own summary, so it is not stored; a summary that is not the
    /// record's own is kept as given.
    @Test func aBusRecordsSummaryIsReadFromTheRecord() throws {
        let record = #"{"version":"0","detail-type":"TaskUpdated","source":"task-manager.tasks","detail":{"taskId":"\#(Self.taskId)","oldStatus":"pending","newStatus":"blocked"}}"#
        let parsed = LogLineParser.parse([LogEvent(eventId: "1", logGroup: "/aws/events/task-manager-dev", logStream: "s", timestamp: 1, ingestionTime: 1, message: record)])[0]
        #expect(parsed.summary == "TaskUpdated \(Self.taskId): pending -> blocked" && parsed.kind == .taskUpdated && parsed.raw == record)
        var withSummary = parsed
        withSummary.summary = "said otherwise"
        #expect(withSummary.summary == "said otherwise" && withSummary.raw == record && withSummary != parsed)
        #expect(withSummary.block.allBytes(0).count > parsed.block.allBytes(0).count)
        var moved = parsed
        moved.kind = .other
        #expect(moved.summary == parsed.summary, "a change keeps the summary")
        for record in [#"{"detail-type":"TaskCreated","detail":{"taskId":7,"userId":"u","priority":null}}"#, #"{"detail-type":"TaskApproved","detail":"x"}"#,
                       #"{"detail-type":5,"detail":{}}"#, #"{"detail":{"taskId":"t","oldStatus":{"a":1}},"detail-type":"TaskCompleted","detail-type":"x"}"#,
                       #"{"detail-type":"TaskRejected"}"#] {
            let object = try #require(try JSONParser.parse(record).objectValue)
            let event = LogLineParser.parse([LogEvent(eventId: "1", logGroup: "/aws/events/g", logStream: "s", timestamp: 1, ingestionTime: 1, message: record)])[0]
            #expect(event.summary == LogLineParser.busSummary(object) && event.raw == record, "\(record)")
        }
        let elsewhere = TaskEvent(id: "1", timestamp: 1, logGroup: "/aws/lambda/x", source: "x", kind: .other, summary: parsed.summary, raw: record)
        #expect(elsewhere.summary == parsed.summary, "outside the bus's group the summary is stored")
    }

    @Test func aBlockStopsAtItsRowLimit() {
        let many = (0..<(EventBlockBuilder.maximumRows + 5)).map { i in
            LogEvent(eventId: "\(i)", logGroup: "/g", logStream: "s", timestamp: Int64(i), ingestionTime: 0, message: "m\(i)")
        }
        let events = LogLineParser.parse(many)
        #expect(Set(events.map { ObjectIdentifier($0.block) }).count == 2)
        #expect(events.last?.raw == "m\(many.count - 1)" && events[EventBlockBuilder.maximumRows].id == "\(EventBlockBuilder.maximumRows)")
    }

    @Test func fieldsLongerThanARowCountsAreKept() {
        let summary = String(repeating: "s", count: 70_000), id = String(repeating: "i", count: 66_000)
        let long = TaskEvent(id: id, timestamp: 1, logGroup: "/g", source: "s", kind: .other, taskId: Self.taskId, summary: summary, raw: "line \(Self.taskId)")
        let short = TaskEvent(id: "e", timestamp: 2, logGroup: "/g", source: "s", kind: .error, summary: "x", raw: "y")
        let moved = TaskEvent.sharingBlocks([short, long, short])
        #expect(moved == [short, long, short])
        #expect(moved[1].summary == summary && moved[1].id == id && moved[1].raw == "line \(Self.taskId)" && moved[1].taskId == Self.taskId)
        #expect(moved[2].raw == "y" && moved[2].kind == .error)
    }

    @Test func tasksOfOnePageShareABlockAndReadAsAlone() throws {
        let objects: [JSONObject] = (0..<300).map { i in
            ["taskId": .string(i % 2 == 0 ? Self.taskId : "t-\(i)"), "title": .string(HostileStrings.all[i % HostileStrings.all.count]),
             "status": .string("pending"), "createdAt": .string(i % 5 == 0 ? "2026-11-20T10:00:00" : "2026-11-20T10:00:00.\(100_000 + i)"),
             "n": .number(JSONNumber(i))]
        } + [["title": .string("no id")], ["taskId": .string("")]]
        let page = TaskItem.items(from: objects)
        let alone = objects.compactMap(TaskItem.init(json:))
        #expect(page.count == 300 && alone.count == 300)
        #expect(Set(page.map { ObjectIdentifier($0.rows) }).count == 1)
        for (a, b) in zip(page, alone) {
            #expect(a == b && a.hashValue == b.hashValue && a.raw == b.raw && a.title == b.title && a.createdAt == b.createdAt)
        }
        var changed = page[1]
        changed.status = "completed"
        #expect(changed.status == "completed" && page[1].status == "pending" && changed.title == page[1].title)
    }

    @Test func timestampsSortAsTheirText() throws {
        let texts = ["2026-11-20T10:00:00.123456", "2026-11-20T10:00:00", "2026-11-20T10:00:00.000001", "2025-12-31T23:59:59.999999",
                     "", "garbage", "2026-11-20T10:00:00.123457", "9999-12-31T23:59:59.999999", "0000-01-01T00:00:00.000000", "2026-11-20T10:00:00Z"]
        let tasks = TaskItem.items(from: texts.enumerated().map { i, text in ["taskId": .string("t\(i)"), "createdAt": .string(text)] })
        for a in tasks {
            for b in tasks {
                #expect((a.createdAtSortKey < b.createdAtSortKey) == (a.createdAt < b.createdAt), "\(a.createdAt) < \(b.createdAt)")
                #expect((a.createdAtSortKey == b.createdAtSortKey) == (a.createdAt == b.createdAt))
            }
        }
        #expect(TaskItem.items(from: [["taskId": .string("t")]])[0].createdAtSortKey == TimestampSortKey(text: ""))
    }

    @Test func largeBlocksGetMappingsOfTheirOwn() {
        #expect(HeapPolicy.giveBackLargeBlocksWhenFreed(), "glibc takes the threshold")
    }
}
