import Foundation
import Testing
import TaskOpsCore
@testable import TaskOpsUI

@Suite struct TaskFormTests {
    func press(_ state: ConsoleState, _ keys: [Key]) -> (ConsoleState, [ConsoleEffect]) {
        keys.reduce((state, [ConsoleEffect]())) { result, key in
            let (next, more) = ConsoleReducer.reduce(result.0, .key(key))
            return (next, result.1 + more)
        }
    }

    func typed(_ text: String) -> [Key] { text.map { Key.char($0) } }

    @Test func newTaskValidatesAsTheAPIDoesThenCreates() throws {
        var (s, effects) = press(Fixtures.state(), [.char("n")])
        guard case .form = s.mode else { Issue.record("n opens the form"); return }
        (s, effects) = press(s, [.enter])
        #expect(effects.isEmpty)
        if case .form(let form) = s.mode { #expect(form.error == "Title is required") }
        (s, effects) = press(s, typed("Ship v2") + [.tab] + [.enter])
        if case .form(let form) = s.mode { #expect(form.error == "userId is required") }
        (s, effects) = press(s, typed("ops") + [.tab, .tab, .right] + [.enter])
        #expect(effects == [.createTask(TaskDraft(title: "Ship v2", userId: "ops", priority: "high"))])
        let rendered = ConsoleRenderer.render(s, width: 120, height: 40, now: Fixtures.now).lines.joined(separator: "\n")
        #expect(rendered.contains("New task") && rendered.contains("Saving…"))
        // The API's refusal keeps the form open with its message; success closes it.
        let refused = ConsoleReducer.reduce(s, .taskSaved(nil, StackError(kind: .validation, code: "HTTP400", message: "Title is required", httpStatus: 400))).0
        if case .form(let form) = refused.mode { #expect(form.error == "Title is required (HTTP 400)" && !form.submitting) } else { Issue.record("form closed on refusal") }
        let saved = ConsoleReducer.reduce(s, .taskSaved(Fixtures.task(9, title: "Ship v2"), nil)).0
        #expect(saved.mode == .normal && saved.flash == "Created task 'Ship v2'")
    }

    @Test func editSendsOnlyWhatChanged() {
        var s = Fixtures.state()
        let task = PaneRows.tasks(s)[0]
        (s, _) = press(s, [.char("e")])
        var effects: [ConsoleEffect]
        (s, effects) = press(s, [.enter])
        if case .form(let form) = s.mode { #expect(form.error?.hasPrefix("Nothing changed") == true) }
        (s, effects) = press(s, [.tab, .tab, .tab] + typed("c") + [.enter])
        #expect(effects == [.updateTask(task.taskId, TaskChanges(status: "completed"))])
    }

    @Test func readonlyAndEscape() {
        var s = Fixtures.state()
        s.readonly = true
        #expect(press(s, [.char("n")]).0.mode == .normal)
        #expect(press(s, [.char("e")]).0.flash?.contains("Read-only") == true)
        s.readonly = false
        let cancelled = press(s, [.char("n")] + typed("x") + [.escape])
        #expect(cancelled.0.mode == .normal && cancelled.1.isEmpty)
    }

    @Test func filterCommandNarrowsTasksByStatusAndUser() {
        var s = Fixtures.state(tasks: 9)
        s.snapshot.tasks.tasks[0].status = "completed"
        (s, _) = press(s, [.char(":")] + typed("filter status=completed") + [.enter])
        #expect(PaneRows.tasks(s).map(\.status) == ["completed"])
        (s, _) = press(s, [.char(":")] + typed("filter status= user=user1") + [.enter])
        #expect(PaneRows.tasks(s).allSatisfy { $0.userId == "user1" } && PaneRows.tasks(s).count == 3)
        #expect(ConsoleRenderer.render(s, width: 120, height: 40, now: Fixtures.now).lines.joined().contains("user=user1"))
        (s, _) = press(s, [.char(":")] + typed("filter status=bogus") + [.enter])
        #expect(s.flash?.contains("Unknown status") == true && s.taskUserFilter == "user1")
        (s, _) = press(s, [.char(":")] + typed("filter") + [.enter])
        #expect(PaneRows.tasks(s).count == 9)
    }
}

@Suite struct ApprovalDetailTests {
    @Test func openingAnApprovalLoadsItsExecutionPaths() {
        var s = Fixtures.state()
        s = ConsoleReducer.reduce(s, .key(.char("3"))).0
        let (opened, effects) = ConsoleReducer.reduce(s, .key(.enter))
        let arns = opened.snapshot.approvals.pending[0].executions.map(\.executionArn)
        #expect(effects == [.loadExecutionPaths(arns)])
        var text = ConsoleRenderer.render(opened, width: 120, height: 40, now: Fixtures.now).lines.joined(separator: "\n")
        #expect(text.contains("path: loading…"))
        let path = ExecutionPath(events: ["ValidateTask", "CheckPriority", "WaitForApproval"].enumerated().map {
            ExecutionHistoryEvent(id: $0.offset, previousEventId: 0, type: "TaskStateEntered", timestamp: Fixtures.now, stateName: $0.element)
        })
        let loaded = ConsoleReducer.reduce(opened, .executionPaths([arns[0]: .path(path), arns[1]: .failed("ThrottlingException: Rate exceeded")])).0
        text = ConsoleRenderer.render(loaded, width: 120, height: 40, now: Fixtures.now).lines.joined(separator: "\n")
        #expect(text.contains("path: ValidateTask → CheckPriority → WaitForApproval"))
        #expect(text.contains("cannot be read: ThrottlingException"))
        #expect(text.contains("https://us-east-1.console.aws.amazon.com/states/home?region=us-east-1#/v2/executions/details/arn:e0a"), "execution links")
    }
}

@Suite struct MouseTests {
    @Test func clicksFocusThePaneAndSelectTheRowUnderThem() {
        var s = Fixtures.state(tasks: 20)
        // 120×40: body from row 1, Tasks top-left (rows 1…18), header row at 2, data from 3.
        s = ConsoleReducer.reduce(s, .click(x: 10, y: 7, width: 120, height: 40)).0
        #expect(s.focus == .tasks && s.selected(.tasks) == 4)
        let grid = ConsoleRenderer.render(s, width: 120, height: 40, now: Fixtures.now)
        #expect(grid[10, 7].reverse, "the clicked row is drawn selected")
        s = ConsoleReducer.reduce(s, .click(x: 70, y: 4, width: 120, height: 40)).0
        #expect(s.focus == .approvals && s.selected(.approvals) == 1)
        s = ConsoleReducer.reduce(s, .click(x: 70, y: 1, width: 120, height: 40)).0
        #expect(s.focus == .approvals && s.selected(.approvals) == 1, "a click on a border focuses without moving")
        s.mode = .help
        #expect(ConsoleReducer.reduce(s, .click(x: 10, y: 30, width: 120, height: 40)).0.focus == .approvals, "clicks wait while a dialog is open")
    }
}
