import Foundation
import TaskOpsCore
@testable import TaskOpsUI

/// Every pane, overlay and dialog the render snapshots record, each a fixed state.
enum SnapshotScene: String, CaseIterable, Sendable, CustomStringConvertible {
    case panes, readonlyPanes, tasksZoomed, eventsZoomed, eventsPausedRaw, approvalsZoomed, metricsZoomed
    case help, helpScrolledToEnd, helpReadonly, reboundKeys, detailTask, detailEvent, detailApproval, detailAlarm
    case confirmApprove, confirmDelete, formNew, formEdit, filterTyping, commandTyping

    var description: String { rawValue }

    func state() throws -> ConsoleState {
        var s = try SnapshotFixtures.state()
        s.selection[.tasks] = 2
        switch self {
        case .panes: break
        case .readonlyPanes:
            s.readonly = true
            s.focus = .approvals
        case .tasksZoomed: s.zoomed = true
        case .eventsZoomed: s.focus = .events; s.zoomed = true
        case .eventsPausedRaw:
            s.focus = .events
            s.following = false
            s.pausedAtCount = 37
            s.selection[.events] = 30
            s.rawEvents = true
        case .approvalsZoomed:
            s.focus = .approvals
            s.zoomed = true
            let ids = s.snapshot.approvals.pending.map(\.task.taskId)
            s.marked = [ids[0]]
            s.outcomes[ids[1]] = "conflict: now approved"
        case .metricsZoomed: s.focus = .metrics; s.zoomed = true
        case .help: s.mode = .help
        case .helpScrolledToEnd: s.mode = .help; s.overlayScroll = 1_000
        case .helpReadonly: s.mode = .help; s.readonly = true
        case .reboundKeys:
            s.focus = .approvals
            s.keyMap = KeyBindingsFile.parse("approve = [\"A\", \"ctrl-a\"]\n[approvals]\nmark = \"m\"\n", file: "keys.toml").0
        case .detailTask: s.mode = .detail
        case .detailEvent: s.focus = .events; s.mode = .detail
        case .detailApproval:
            s.focus = .approvals
            s.mode = .detail
            let arns = s.snapshot.approvals.pending[0].executions.map(\.executionArn)
            s.executionPaths[arns[0]] = .failed("ExecutionDoesNotExist: gone")
        case .detailAlarm: s.focus = .metrics; s.selection[.metrics] = 1; s.mode = .detail
        case .confirmApprove:
            s.focus = .approvals
            s.mode = .confirm(.decide(.approve, s.snapshot.approvals.pending.map(\.task.taskId)))
        case .confirmDelete: s.mode = .confirm(.delete(s.snapshot.tasks.tasks[2].taskId))
        case .formNew:
            var form = TaskForm.create()
            form.error = "Title is required"
            s.mode = .form(form)
        case .formEdit: s.mode = .form(.edit(s.snapshot.tasks.tasks[2]))
        case .filterTyping:
            s.mode = .filter("re")
            s.filters[.tasks] = "re"
        case .commandTyping: s.mode = .command("dashboard st")
        }
        return s
    }
}
