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
}
