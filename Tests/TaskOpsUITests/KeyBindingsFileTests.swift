import Foundation
import Testing
import TaskOpsCore
@testable import TaskOpsUI

/// `keys.toml`: rebinding by name everywhere or per section, and every problem reported with its
/// file and line while the rest keeps working.
@Suite struct KeyBindingsFileTests {
    func press(_ state: ConsoleState, _ keys: Key...) -> (ConsoleState, [ConsoleEffect]) {
        keys.reduce((state, [ConsoleEffect]())) { result, key in
            let (next, more) = ConsoleReducer.reduce(result.0, .key(key))
            return (next, result.1 + more)
        }
    }

    func state(_ map: KeyMap, focus: PaneID) -> ConsoleState {
        var s = Fixtures.state(tasks: 10)
        s.keyMap = map
        s.focus = focus
        return s
    }

    @Test func rebindsEverywhereAndPerSection() {
        let (map, problems) = KeyBindingsFile.parse("""
            approve = ["A", "ctrl-a"]
            top = "ctrl-t"

            [events]
            move-down = ["n", "down"]
            """, file: "keys.toml")
        #expect(problems.isEmpty, "\(problems)")
        let approvals = state(map, focus: .approvals)
        guard case .confirm(.decide(.approve, _)) = press(approvals, .ctrl("a")).0.mode else { Issue.record("ctrl-a approves"); return }
        guard case .confirm(.decide(.approve, _)) = press(approvals, .char("A")).0.mode else { Issue.record("A approves"); return }
        #expect(press(approvals, .char("a")).0.mode == .normal, "a no longer approves")
        let events = state(map, focus: .events)
        let below = press(events, .char("k"), .char("k"), .char("n")).0
        #expect(below.selected(.events) == 28, "n moves down in Events")
        #expect(press(events, .char("k"), .char("k"), .char("j")).0.selected(.events) == 27, "j no longer does there")
        let tasks = state(map, focus: .tasks)
        #expect(press(tasks, .char("j")).0.selected(.tasks) == 1, "j still moves down in Tasks")
        guard case .form = press(tasks, .char("n")).0.mode else { Issue.record("n still makes a task in Tasks"); return }
        #expect(press(tasks, .char("j"), .char("j"), .ctrl("t")).0.selected(.tasks) == 0, "top rebound everywhere")
        let help = state(map, focus: .approvals)
        #expect(KeyHelp.lines(help, width: 100).contains { $0.hasPrefix("A ^A") && $0.contains("approve selected/marked") })
        #expect(KeyHints.line(help, width: 200).contains("A approve"))
    }

    @Test func unknownNamesAndBadKeysNameTheirLineAndKeepTheDefaults() {
        let (map, problems) = KeyBindingsFile.parse("""
            aprove = "x"
            quit = "ctrl-c"
            help = ["F1"]

            [form]
            save = "s"
            [tasks]
            sort = "o"
            [panes]
            zoom = "Z"
            [events]
            approve = "A"
            """, file: "settings/keys.toml")
        #expect(problems.map(\.line) == [1, 2, 3, 6, 9, 12])
        #expect(problems.allSatisfy { $0.file == "settings/keys.toml" })
        #expect(problems[0].description
            == "settings/keys.toml:1: unknown action 'aprove' (did you mean approve?); `taskops keys` lists them")
        #expect(problems[1].message.contains("interrupts"))
        #expect(problems[3].message.contains("types text"))
        #expect(problems[4].message.contains("unknown section [panes]"))
        #expect(problems[5].message == "'approve' is not an action in [events]; it is one of [approvals], or the top level")
        #expect(map.action(named: "quit", in: .global)?.keys == [.char("q")])
        #expect(map.action(named: "help", in: .global)?.keys == [.char("?")])
        #expect(map.action(named: "save", in: .form)?.keys == [.enter])
        #expect(map.action(named: "sort", in: .tasks)?.keys == [.char("o")], "the good line still applies")
    }

    @Test func conflictsNameTheLaterLineAndKeepItsDefaults() {
        let (map, problems) = KeyBindingsFile.parse("""
            [tasks]
            edit-task = "E"
            sort = ["n"]
            zoom = "E"
            """, file: "keys.toml")
        #expect(problems.map(\.description) == [
            "keys.toml:3: 'n' is already bound to new-task in the Tasks pane; sort keeps its default keys (s)",
            "keys.toml:4: 'E' is already bound to edit-task in the Tasks pane; zoom keeps its default keys (z)",
        ])
        #expect(map.conflicts().isEmpty)
        let tasks = state(map, focus: .tasks)
        guard case .form = press(tasks, .char("n")).0.mode else { Issue.record("n still makes a task"); return }
        #expect(press(tasks, .char("s")).0.taskSort == .updated, "s still sorts")
        guard case .form = press(tasks, .char("E")).0.mode else { Issue.record("E edits"); return }
        #expect(press(tasks, .char("z")).0.zoomed, "z still zooms in Tasks")
    }

    @Test func swappingTwoKeysIsNoConflict() {
        let (map, problems) = KeyBindingsFile.parse("new-task = \"s\"\nsort = \"n\"\n", file: "keys.toml")
        #expect(problems.isEmpty, "\(problems)")
        #expect(press(state(map, focus: .tasks), .char("n")).0.taskSort == .updated)
    }

    @Test func syntaxErrorsKeepEveryDefault() {
        let (map, problems) = KeyBindingsFile.parse("quit = \"x\"\napprove = [\"a\"\n", file: "keys.toml")
        #expect(problems.count == 1 && problems[0].file == "keys.toml" && problems[0].line != nil)
        #expect(map.action(named: "quit", in: .global)?.keys == [.char("q")])
    }

    @Test func missingFileIsTheDefaultsUnlessNamed() {
        #expect(KeyBindingsFile.load(path: "/nonexistent/keys.toml").1.isEmpty)
        #expect(KeyBindingsFile.load(path: "/nonexistent/keys.toml", mustExist: true).1.first?.message == "file not found")
        #expect(KeyBindingsFile.defaultPath(environment: ["XDG_CONFIG_HOME": "/x"]) == "/x/taskops/keys.toml")
        #expect(KeyBindingsFile.defaultPath(environment: ["HOME": "/h"]) == "/h/.config/taskops/keys.toml")
    }

    @Test func notationRoundTrips() throws {
        for action in KeyMap.defaults.actions {
            for key in action.keys { #expect(try KeyNotation.parse(KeyNotation.name(key)) == key) }
        }
        #expect(try KeyNotation.parse("Ctrl-A") == .ctrl("a"))
        #expect(try KeyNotation.parse("PageDown") == .pageDown)
        #expect(throws: KeyNotation.ParseFailure.self) { try KeyNotation.parse("ctrl-i") }
    }
}
