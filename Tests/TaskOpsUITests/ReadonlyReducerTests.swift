import Testing
import TaskOpsCore
@testable import TaskOpsUI

/// In read-only mode the reducer never asks to write: no confirmation opens and no write effect
/// (decide, delete) comes out, per key and for every key in every pane.
@Suite struct ReadonlyReducerTests {
    static func readonlyState(focus: PaneID) -> ConsoleState {
        var state = Fixtures.state()
        state.readonly = true
        state.focus = focus
        return state
    }

    static func isWrite(_ effect: ConsoleEffect) -> Bool {
        switch effect {
        case .decide, .deleteTask, .createTask, .updateTask: return true
        case .refresh, .showDashboard, .quit, .switchTheme, .loadExecutionPaths: return false
        }
    }

    func expectRefused(_ state: ConsoleState, _ keys: [Key], _ what: String) {
        var s = state
        var effects: [ConsoleEffect] = []
        var said: [String] = []
        for key in keys {
            let (next, out) = ConsoleReducer.reduce(s, .key(key))
            s = next
            effects += out
            if let flash = s.flash { said.append(flash) }
            if case .confirm = s.mode { Issue.record("\(what) opened a confirmation") }
        }
        #expect(!effects.contains(where: Self.isWrite), "\(what) wrote: \(effects)")
        #expect(said.contains { $0.contains("Read-only") }, "\(what) says why: \(said)")
    }

    @Test func approveIsRefused() {
        expectRefused(Self.readonlyState(focus: .approvals), [.char("a"), .char("y")], "a")
    }

    @Test func rejectIsRefused() {
        expectRefused(Self.readonlyState(focus: .approvals), [.char("r"), .char("y")], "r")
    }

    @Test func approvingAMarkedSetIsRefused() {
        expectRefused(Self.readonlyState(focus: .approvals), [.char(" "), .char(" "), .char("a"), .char("y")], "space space a")
    }

    @Test func deleteIsRefused() {
        expectRefused(Self.readonlyState(focus: .tasks), [.char("d"), .char("y")], "d")
    }

    @Test func readonlyCommandTurnsWritesOff() {
        var state = Fixtures.state()
        state.focus = .approvals
        for key in ":readonly".map(Key.char) + [.enter] { state = ConsoleReducer.reduce(state, .key(key)).0 }
        #expect(state.readonly)
        expectRefused(state, [.char("a"), .char("y")], ":readonly then a")
        state.focus = .tasks
        expectRefused(state, [.char("d"), .char("y")], ":readonly then d")
    }

    /// Every printable key and special key, followed by `y` and Enter, in every pane, with and
    /// without marks: no write effect ever comes out (this also covers keys such as `n` and `e`).
    @Test func noKeySequenceWrites() async {
        let specials: [Key] = [.up, .down, .left, .right, .tab, .backTab, .enter, .escape, .backspace, .pageUp, .pageDown, .home, .end]
        let keys = (0x20...0x7E).compactMap { Unicode.Scalar($0).map { Key.char(Character($0)) } } + specials
        for pane in PaneID.allCases {
            for marked in [false, true] {
                var state = Self.readonlyState(focus: pane)
                if marked { state.marked = Set(state.snapshot.approvals.pending.map(\.task.taskId)) }
                await Task.yield()
                for key in keys {
                    var s = state
                    for step in [key, .char("y"), .enter, .char("y")] {
                        let (next, effects) = ConsoleReducer.reduce(s, .key(step))
                        #expect(!effects.contains(where: Self.isWrite), "\(pane) \(key) wrote: \(effects)")
                        s = next
                    }
                }
            }
        }
    }
}
