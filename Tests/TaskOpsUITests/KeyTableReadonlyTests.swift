import Foundation
import Testing
import TaskOpsCore
@testable import TaskOpsUI

/// Read-only mode takes the writing actions out of the dispatch, the footer and the help at once.
@Suite struct KeyTableReadonlyTests {
    static let writing = KeyMap.defaults.actions.filter(\.writes)

    func state(focus: PaneID, readonly: Bool) -> ConsoleState {
        var s = Fixtures.state()
        s.focus = focus
        s.readonly = readonly
        return s
    }

    @Test func theTableListsTheWritingActions() {
        #expect(Set(Self.writing.map(\.name)) == ["new-task", "edit-task", "delete-task", "approve", "reject", "confirm", "save"])
        #expect(Self.writing.filter(\.asksFirst).map(\.name).sorted() == ["approve", "delete-task", "reject"])
    }

    @Test func dispatchDropsThem() {
        for context in KeyContext.all {
            let writing = KeyMap.defaults.actions(in: context, readonly: true).filter(\.writes)
            #expect(writing.isEmpty, "\(context)")
        }
        for action in Self.writing {
            for context in KeyContext.all where context.scopes.contains(action.scope) {
                for key in action.keys {
                    #expect(KeyMap.defaults.action(for: key, in: context, readonly: true) == nil)
                    #expect(KeyMap.defaults.refusal(for: key, in: context)?.hasPrefix("Read-only") == true)
                }
            }
        }
    }

    @Test func footerDropsThem() {
        for pane in [PaneID.tasks, .approvals] {
            let writable = KeyHints.line(state(focus: pane, readonly: false), width: 200)
            let readonly = KeyHints.line(state(focus: pane, readonly: true), width: 200)
            let hints = pane == .tasks ? ["n new", "e edit", "d delete"] : ["a approve", "r reject"]
            for hint in hints {
                #expect(writable.contains(hint), "\(pane) footer offers \(hint)")
                #expect(!readonly.contains(hint), "read-only \(pane) footer drops \(hint)")
            }
            #expect(readonly.contains("? help") && readonly.contains("q quit"))
        }
    }

    @Test func helpDropsThem() {
        let writable = KeyHelp.lines(state(focus: .tasks, readonly: false), width: 192).joined(separator: "\n")
        let readonly = KeyHelp.lines(state(focus: .tasks, readonly: true), width: 192).joined(separator: "\n")
        for action in Self.writing {
            #expect(writable.contains(action.description), "help lists \(action.name)")
            #expect(!readonly.contains(action.description), "read-only help drops \(action.name)")
        }
        #expect(readonly.hasPrefix("Read-only: the keys that write are off."))
        #expect(readonly.contains("sort by created"), "the rest stays")
    }
}
