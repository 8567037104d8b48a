import Testing
@testable import TaskOpsCore

@Suite struct TaskChangeSignalTests {
    func event(_ group: String, _ message: String, id: String = "1") -> TaskEvent {
        LogLineParser.parse(LogEvent(eventId: id, logGroup: group, logStream: "s", timestamp: 1000, ingestionTime: 1000, message: message))
    }

    let bus = "/aws/events/task-manager-dev"
    let id = "6f1c1d7e-0f6a-4d55-9a53-4d7c2b1e9f00"

    @Test func busRecordsSayWhatChanged() {
        let created = event(bus, #"{"id":"e1","detail-type":"TaskCreated","source":"task-manager","detail":{"taskId":"\#(id)","priority":"high"}}"#)
        #expect(TaskChangeSignal.of(created) == TaskChangeSignal(taskId: id, change: .created(priority: "high"), busEventId: "e1", timestamp: 1000))
        let updated = event(bus, #"{"id":"e2","detail-type":"TaskUpdated","detail":{"taskId":"\#(id)","oldStatus":"a","newStatus":"b","updatedAt":"2026-11-29T10:00:00.5"}}"#)
        #expect(TaskChangeSignal.of(updated)?.change == .updated(updatedAt: "2026-11-29T10:00:00.5"))
        let deleted = event(bus, #"{"id":"e3","detail-type":"TaskDeleted","detail":{"taskId":"\#(id)"}}"#)
        #expect(TaskChangeSignal.of(deleted)?.change == .deleted)
        let approved = event(bus, #"{"id":"e4","detail-type":"TaskApproved","detail":{"taskId":"\#(id)","status":"approved"}}"#)
        #expect(TaskChangeSignal.of(approved)?.change == .decided(status: "approved"))
    }

    @Test func handlerCopiesCarryTheSameBusEventId() {
        let line = #"Received TaskUpdated event: {"id": "e2", "detail-type": "TaskUpdated", "detail": {"taskId": "\#(id)", "updatedAt": "2026-11-29T10:00:00"}}"#
        let signal = TaskChangeSignal.of(event("/aws/lambda/task-manager-task-updated-handler-dev", line))
        #expect(signal?.busEventId == "e2" && signal?.taskId == id)
        let deleted = TaskChangeSignal.of(event("/aws/lambda/task-manager-delete-task-dev", "Published TaskDeleted event for task \(id)"))
        #expect(deleted?.change == .deleted && deleted?.taskId == id)
        #expect(TaskChangeSignal.of(event("/aws/lambda/task-manager-update-task-dev", "Published TaskUpdated event for task \(id)")) == nil,
                "the writer's own line says nothing the bus record does not")
    }

    @Test func theWorkflowSaysWhenATaskWaitsAndWhenExecutionsChange() {
        let states = "/aws/vendedlogs/states/task-manager-task-approval-dev"
        let input = #"{\"detail\":{\"taskId\":\"\#(id)\"}}"#
        let waiting = event(states, #"{"type":"WaitStateEntered","details":{"name":"WaitForManualApproval","input":"\#(input)"},"execution_arn":"arn:x"}"#)
        #expect(TaskChangeSignal.of(waiting) == TaskChangeSignal(taskId: id, change: .awaitingApproval, timestamp: 1000))
        let started = event(states, #"{"type":"ExecutionStarted","details":{"input":"\#(input)"},"execution_arn":"arn:x"}"#)
        #expect(TaskChangeSignal.of(started)?.change == .executionsChanged)
        let failed = event(states, #"{"type":"ExecutionFailed","details":{"cause":"x"},"execution_arn":"arn:x"}"#)
        #expect(TaskChangeSignal.of(failed) == TaskChangeSignal(taskId: nil, change: .executionsChanged, timestamp: 1000))
        let other = event(states, #"{"type":"TaskStateEntered","details":{"name":"ValidateTask","input":"\#(input)"},"execution_arn":"arn:x"}"#)
        #expect(TaskChangeSignal.of(other) == nil)
    }

    @Test func hostileRecordsSayNothing() {
        let long = String(repeating: "a", count: 500)
        for message in [#"{"detail-type":"TaskCreated","detail":{"taskId":"\#(long)"}}"#, #"{"detail-type":"TaskCreated","detail":{"taskId":""}}"#,
                        #"{"detail-type":"TaskCreated"}"#, #"{"detail-type":"Other","detail":{"taskId":"x"}}"#, "not json", "[1,2]",
                        #"{"detail-type":["TaskCreated"],"detail":{"taskId":"x"}}"#] {
            #expect(TaskChangeSignal.of(event(bus, message)) == nil, "\(message)")
        }
        #expect(TaskChangeSignal.of(event("/aws/apigateway/task-manager-dev", #"{"requestId":"r","routeKey":"GET /tasks","status":"200"}"#)) == nil)
    }
}
