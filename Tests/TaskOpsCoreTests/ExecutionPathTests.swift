import Foundation
import Testing
import TaskOpsCore

@Suite struct ExecutionPathTests {
    static func entered(_ names: [String]) -> [ExecutionHistoryEvent] {
        names.enumerated().map { ExecutionHistoryEvent(id: $0.offset + 2, previousEventId: $0.offset + 1, type: "TaskStateEntered", timestamp: Date(), stateName: $0.element) }
    }

    @Test func theApprovalLoopIsWrittenOnceWithItsCount() {
        let loop = ["WaitForManualApproval", "CheckApprovalStatus", "IsApproved"]
        let names = ["ValidateTask", "CheckPriority", "WaitForApproval"] + loop + loop + loop + ["ProcessApprovedTask", "TaskApprovalComplete"]
        let path = ExecutionPath(events: Self.entered(names) + [ExecutionHistoryEvent(id: 99, previousEventId: 98, type: "ExecutionSucceeded", timestamp: Date())])
        #expect(path.summary == "ValidateTask → CheckPriority → WaitForApproval → [WaitForManualApproval → CheckApprovalStatus → IsApproved] ×3 → ProcessApprovedTask → TaskApprovalComplete ✓")
    }

    @Test func failuresNameTheirErrorAndCause() {
        let failed = ExecutionHistoryEvent(id: 9, previousEventId: 8, type: "ExecutionFailed", timestamp: Date(), error: "States.TaskFailed", cause: "AccessDenied")
        let path = ExecutionPath(events: Self.entered(["ValidateTask", "TaskValidationFailed"]) + [failed], truncated: true)
        #expect(path.summary == "ValidateTask → TaskValidationFailed → … ✗ States.TaskFailed: AccessDenied")
        #expect(ExecutionPath(events: []).summary == "")
    }
}
