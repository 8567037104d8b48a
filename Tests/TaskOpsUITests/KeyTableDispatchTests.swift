import Foundation
import Testing
import TaskOpsCore
@testable import TaskOpsUI

/// Every default key of every action, pressed where the action answers, does what the action
/// says: the reducer dispatches from the table, and an action without an expectation here fails.
@Suite struct KeyTableDispatchTests {
    typealias Check = @Sendable (_ before: ConsoleState, _ after: ConsoleState, _ effects: [ConsoleEffect]) -> Bool

    static func state(in context: KeyContext) -> ConsoleState {
        var s = Fixtures.state(tasks: 30)
        s.selection[.tasks] = 5
        switch context {
        case .pane(let pane):
            s.focus = pane
            s.filters[.tasks] = "Task"
            s.following = false
            s.selection[.events] = 3
        case .overlay: s.mode = .help; s.screenWidth = 80; s.screenHeight = 24; s.overlayScroll = 3
        case .confirm: s.mode = .confirm(.delete(s.snapshot.tasks.tasks[0].taskId))
        case .form:
            var form = TaskForm.edit(s.snapshot.tasks.tasks[0])
            form.values[.title] = "changed"
            form.focus = .priority
            s.mode = .form(form)
        case .filter: s.mode = .filter("number")
        case .command: s.mode = .command("refresh")
        }
        return s
    }

    static func form(_ s: ConsoleState) -> TaskForm? {
        if case .form(let form) = s.mode { return form }
        return nil
    }

    static let expectations: [String: Check] = [
        "global/next-pane": { _, a, _ in a.focus == .events },
        "global/previous-pane": { _, a, _ in a.focus == .metrics },
        "global/focus-tasks": { _, a, _ in a.focus == .tasks },
        "global/focus-events": { _, a, _ in a.focus == .events },
        "global/focus-approvals": { _, a, _ in a.focus == .approvals },
        "global/focus-metrics": { _, a, _ in a.focus == .metrics },
        "global/move-up": { b, a, _ in a.selected(.tasks) == b.selected(.tasks) - 1 },
        "global/move-down": { b, a, _ in a.selected(.tasks) == b.selected(.tasks) + 1 },
        "global/page-up": { _, a, _ in a.selected(.tasks) == 0 },
        "global/page-down": { b, a, _ in a.selected(.tasks) == b.selected(.tasks) + 10 },
        "global/top": { _, a, _ in a.selected(.tasks) == 0 },
        "global/bottom": { _, a, _ in a.selected(.tasks) == 29 },
        "global/detail": { _, a, _ in a.mode == .detail },
        "global/clear-filter": { _, a, _ in a.filters[.tasks] == nil },
        "global/zoom": { _, a, _ in a.zoomed },
        "global/filter": { _, a, _ in a.mode == .filter("Task") },
        "global/command": { _, a, _ in a.mode == .command("") },
        "global/help": { _, a, _ in a.mode == .help },
        "global/quit": { _, a, e in a.quit && e == [.quit] },
        "tasks/new-task": { _, a, _ in form(a)?.purpose == .create },
        "tasks/edit-task": { _, a, _ in form(a).map { $0.purpose != .create } == true },
        "tasks/delete-task": { b, a, _ in a.mode == .confirm(.delete(PaneRows.tasks(b)[5].taskId)) },
        "tasks/sort": { _, a, _ in a.taskSort == .updated && a.flash == "Sorted by updated" },
        "events/follow": { _, a, _ in a.following && a.selected(.events) == 29 },
        "events/raw": { _, a, _ in a.rawEvents },
        "events/own": { _, a, _ in a.showOwnEvents },
        "approvals/mark": { b, a, _ in a.marked.count == 1 && a.selected(.approvals) == b.selected(.approvals) + 1 },
        "approvals/approve": { _, a, _ in a.mode == .confirm(.decide(.approve, [PaneRows.approvals(a)[0].task.taskId])) },
        "approvals/reject": { _, a, _ in a.mode == .confirm(.decide(.reject, [PaneRows.approvals(a)[0].task.taskId])) },
        "overlay/close": { _, a, _ in a.mode == .normal },
        "overlay/scroll-down": { b, a, _ in a.overlayScroll == b.overlayScroll + 1 },
        "overlay/scroll-up": { b, a, _ in a.overlayScroll == b.overlayScroll - 1 },
        "overlay/page-down": { b, a, _ in a.overlayScroll > b.overlayScroll + 1 },
        "overlay/page-up": { _, a, _ in a.overlayScroll == 0 },
        "overlay/top": { _, a, _ in a.overlayScroll == 0 },
        "overlay/bottom": { _, a, _ in a.overlayScroll == Overlays.maximumScroll(a) && a.overlayScroll > 3 },
        "confirm/confirm": { b, a, e in a.mode == .normal && e == [.deleteTask(b.snapshot.tasks.tasks[0].taskId)] },
        "confirm/cancel": { _, a, e in a.mode == .normal && e.isEmpty && a.flash == "Cancelled" },
        "form/next-field": { _, a, _ in form(a)?.focus == .status },
        "form/previous-field": { _, a, _ in form(a)?.focus == .description },
        "form/choose-previous": { b, a, _ in form(a)?.values[.priority] != form(b)?.values[.priority] && form(a)?.focus == .priority },
        "form/choose-next": { b, a, _ in form(a)?.values[.priority] != form(b)?.values[.priority] && form(a)?.focus == .priority },
        "form/save": { _, a, e in form(a)?.submitting == true && e.count == 1 },
        "form/cancel": { _, a, _ in a.mode == .normal && a.flash == "Cancelled" },
        "filter/keep": { _, a, _ in a.mode == .normal && a.filters[.tasks] == "number" },
        "filter/cancel": { _, a, _ in a.mode == .normal },
        "command/run": { _, a, e in a.mode == .normal && e == [.refresh] },
        "command/cancel": { _, a, e in a.mode == .normal && e.isEmpty },
    ]

    @Test func everyDefaultKeyReachesItsAction() {
        let map = KeyMap.defaults
        var checked: Set<String> = []
        for context in KeyContext.all {
            for action in map.actions(in: context) {
                // The global actions are checked from the Tasks pane, where the expectations look.
                if case .pane(let pane) = context, pane != .tasks, action.scope == .global { continue }
                let id = "\(action.scope.rawValue)/\(action.name)"
                guard let check = Self.expectations[id] else { Issue.record("no expectation for \(id)"); continue }
                for key in action.keys {
                    let before = Self.state(in: context)
                    #expect(map.action(for: key, in: context)?.name == action.name, "\(KeyNotation.name(key)) in \(context)")
                    let (after, effects) = ConsoleReducer.reduce(before, .key(key))
                    #expect(check(before, after, effects), "\(KeyNotation.name(key)) in \(context) did not \(id): \(after.mode) \(effects)")
                }
                checked.insert(id)
            }
        }
        #expect(Set(Self.expectations.keys) == checked, "expectations for actions that no longer exist")
    }

    @Test func defaultsHaveNoConflicts() {
        #expect(KeyMap.defaults.conflicts().isEmpty)
    }

    @Test func keysOutsideTheTableDoNothingInThePanes() {
        let s = Self.state(in: .pane(.tasks))
        let (after, effects) = ConsoleReducer.reduce(s, .key(.ctrl("x")))
        #expect(effects.isEmpty && after.mode == .normal && after.focus == s.focus && after.selected(.tasks) == s.selected(.tasks))
    }

    @Test func formFieldsStillTakeTypedTextAndSpaceStepsAChoice() {
        var s = Self.state(in: .form)
        if case .form(var form) = s.mode { form.focus = .title; s.mode = .form(form) }
        s = ConsoleReducer.reduce(s, .key(.char("!"))).0
        #expect(Self.form(s)?.values[.title] == "changed!")
        s = ConsoleReducer.reduce(s, .key(.tab)).0
        s = ConsoleReducer.reduce(s, .key(.tab)).0
        #expect(Self.form(s)?.focus == .priority)
        let before = Self.form(s)?.values[.priority]
        s = ConsoleReducer.reduce(s, .key(.char(" "))).0
        #expect(Self.form(s)?.values[.priority] != before, "space steps the priority")
    }
}
