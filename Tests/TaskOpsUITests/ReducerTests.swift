import Foundation
import Testing
import TaskOpsCore
@testable import TaskOpsUI

@Suite struct ReducerTests {
    func press(_ state: ConsoleState, _ keys: Key...) -> (ConsoleState, [ConsoleEffect]) {
        var s = state
        var effects: [ConsoleEffect] = []
        for key in keys {
            let (next, more) = ConsoleReducer.reduce(s, .key(key))
            s = next
            effects += more
        }
        return (s, effects)
    }

    @Test func panesCycleAndJump() {
        var s = Fixtures.state()
        s = press(s, .tab).0
        #expect(s.focus == .events)
        s = press(s, .backTab, .backTab).0
        #expect(s.focus == .metrics)
        s = press(s, .char("3")).0
        #expect(s.focus == .approvals)
        s = press(s, .char("z")).0
        #expect(s.zoomed)
    }

    @Test func approvingAsksFirstAndNamesTheTask() {
        var s = press(Fixtures.state(), .char("3"), .char("a")).0
        guard case .confirm(.decide(.approve, let ids)) = s.mode else { Issue.record("no confirmation"); return }
        #expect(ids.count == 1)
        #expect(Overlays.question(.decide(.approve, ids), s).contains("'Deploy 0'"))
        let (after, effects) = press(s, .char("y"))
        #expect(effects == [.decide(.approve, ids)])
        s = after
        #expect(s.mode == .normal)
        let (_, none) = press(press(s, .char("r")).0, .char("n"))
        #expect(none.isEmpty, "anything but y cancels")
    }

    @Test func markingSelectsASetAndResultsShowOnRows() {
        var s = press(Fixtures.state(), .char("3"), .char(" "), .char(" "), .char("r")).0
        guard case .confirm(.decide(.reject, let ids)) = s.mode else { Issue.record("no confirmation"); return }
        #expect(Set(ids).count == 2)
        s = press(s, .char("y")).0
        s = ConsoleReducer.reduce(s, .decisions(.reject, [ids[0]: .ok, ids[1]: .conflict(currentStatus: "approved")])).0
        #expect(s.outcomes[ids[1]] == "conflict: now approved")
        #expect(s.marked.isEmpty)
        #expect(s.flash?.contains("Rejected 1 of 2") == true)
    }

    @Test func readonlyRefusesWrites() {
        var s = Fixtures.state()
        s.readonly = true
        let (approve, effects) = press(s, .char("3"), .char("a"))
        #expect(approve.mode == .normal)
        #expect(effects.isEmpty)
        #expect(approve.flash?.contains("Read-only") == true)
        #expect(press(s, .char("1"), .char("d")).0.mode == .normal)
    }

    @Test func scrollingEventsPausesFollowAndCountsArrivals() {
        var s = press(Fixtures.state(), .char("2")).0
        #expect(s.following)
        s = press(s, .up).0
        #expect(!s.following)
        var snapshot = s.snapshot
        snapshot.events.events.append(TaskEvent(id: "new", timestamp: 1_795_000_100_000, logGroup: "g", source: "events", kind: .other, summary: "x", raw: "x"))
        s = ConsoleReducer.reduce(s, .snapshot(snapshot)).0
        let grid = ConsoleRenderer.render(s, width: 120, height: 40, now: Fixtures.now)
        #expect(grid.lines.joined().contains("paused +1 new"))
        s = press(s, .char("f")).0
        #expect(s.following)
    }

    @Test func commandsAndFilters() {
        let typed = ":dashboard stack".map { Key.char($0) } + [.enter]
        var s = Fixtures.state()
        var effects: [ConsoleEffect] = []
        for key in typed { let (next, more) = ConsoleReducer.reduce(s, .key(key)); s = next; effects += more }
        #expect(effects == [.showDashboard(.stack)])
        (s, effects) = press(s, .char(":"), .char("q"), .enter)
        #expect(effects == [.quit])
        #expect(s.quit)
        var f = Fixtures.state()
        for key in "/number 4".map({ Key.char($0) }) + [.enter] { f = ConsoleReducer.reduce(f, .key(key)).0 }
        #expect(PaneRows.tasks(f).map(\.title) == ["Task number 4"])
        f = press(f, .escape).0
        #expect(PaneRows.tasks(f).count == 5)
        let unknown = press(Fixtures.state(), .char(":"), .char("x"), .enter).0
        #expect(unknown.flash?.hasPrefix("Unknown command") == true)
    }

    func command(_ state: ConsoleState, _ text: String) -> (ConsoleState, [ConsoleEffect]) {
        var s = state
        var effects: [ConsoleEffect] = []
        for key in [Key.char(":")] + text.map({ Key.char($0) }) + [.enter] { let (next, more) = ConsoleReducer.reduce(s, .key(key)); s = next; effects += more }
        return (s, effects)
    }

    @Test func everyMovementKeyAndView() {
        var s = Fixtures.state(tasks: 30)
        s = press(s, .char("j"), .char("j"), .down).0
        #expect(s.selected(.tasks) == 3)
        s = press(s, .char("k"), .up).0
        #expect(s.selected(.tasks) == 1)
        s = press(s, .pageDown).0
        #expect(s.selected(.tasks) == 11)
        s = press(s, .pageUp, .pageUp).0
        #expect(s.selected(.tasks) == 0)
        #expect(press(s, .char("G")).0.selected(.tasks) == 29 && press(s, .end).0.selected(.tasks) == 29)
        #expect(press(s, .char("G"), .char("g")).0.selected(.tasks) == 0 && press(s, .char("G"), .home).0.selected(.tasks) == 0)
        let sorted = press(s, .char("s"), .char("s")).0
        #expect(sorted.taskSort == .title && sorted.flash == "Sorted by title")
        #expect(PaneRows.tasks(sorted).map(\.title) == PaneRows.tasks(sorted).map(\.title).sorted { $0.lowercased() < $1.lowercased() })
        let help = press(s, .char("?")).0
        #expect(help.mode == .help)
        #expect(ConsoleRenderer.render(help, width: 120, height: 40, now: Fixtures.now).lines.joined().contains(":theme NAME"))
        #expect(press(help, .escape).0.mode == .normal)
        let detail = press(s, .enter).0
        #expect(detail.mode == .detail)
        #expect(ConsoleRenderer.render(detail, width: 120, height: 40, now: Fixtures.now).lines.joined().contains("\"taskId\""))
        let zoomed = press(s, .char("2"), .char("z")).0
        let screen = ConsoleRenderer.render(zoomed, width: 120, height: 40, now: Fixtures.now).lines.joined()
        #expect(screen.contains("2 Events") && !screen.contains("1 Tasks"), "zoom shows one pane")
        let raw = press(s, .char("2"), .char("w")).0
        #expect(raw.rawEvents)
    }

    @Test func everyCommand() {
        let s = Fixtures.state()
        for (name, pane) in [("tasks", PaneID.tasks), ("events", .events), ("approvals", .approvals), ("metrics", .metrics)] {
            #expect(command(press(s, .char(pane == .tasks ? "2" : "1")).0, name).0.focus == pane)
        }
        #expect(command(s, "refresh").1 == [.refresh])
        let readonly = command(s, "readonly").0
        #expect(readonly.readonly && readonly.header.mode == "READ-ONLY")
        #expect(command(s, "dashboard deployed").1 == [.showDashboard(.deployed)])
        #expect(command(s, "dashboard").0.flash?.hasPrefix("Usage") == true)
        #expect(command(s, "quit").1 == [.quit])
        let escaped = press(s, .char(":"), .char("t"), .escape).0
        #expect(escaped.mode == .normal)
    }
}
