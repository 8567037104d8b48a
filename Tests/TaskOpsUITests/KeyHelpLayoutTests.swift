import Foundation
import Testing
import TaskOpsCore
@testable import TaskOpsUI

/// The help and footer drawn from the key table fit the width: two help columns when wide, one
/// when narrow (descriptions wrapping under themselves); the footer keeps the most useful hints.
@Suite struct KeyHelpLayoutTests {
    static let descriptions = KeyMap.defaults.actions.map(\.description)
    /// Descriptions no other contains, to count the entries on a line.
    static let distinct = Set(descriptions.filter { d in d.count >= 10 && !descriptions.contains { $0 != d && $0.contains(d) } })

    func lines(width: Int) -> [String] { KeyHelp.lines(Fixtures.state(), width: width) }

    func entriesOn(_ line: String) -> Int {
        Self.distinct.filter { line.contains($0) }.count
    }

    @Test func wideHelpUsesTwoColumns() {
        let help = lines(width: 192)
        #expect(help.contains { entriesOn($0) >= 2 }, "some line holds two entries")
        #expect(help.allSatisfy { DisplayWidth.of($0) <= 192 })
    }

    @Test func narrowHelpReflowsToOneColumn() {
        for width in [72, 52, 40] {
            let help = lines(width: width)
            #expect(help.allSatisfy { DisplayWidth.of($0) <= width }, "every line fits \(width)")
            #expect(!help.contains { entriesOn($0) >= 2 }, "one entry per line at \(width)")
            let text = help.joined(separator: " ").split(separator: " ").joined(separator: " ")
            for description in Self.descriptions { #expect(text.contains(description), "\(description) at \(width)") }
        }
    }

    @Test func helpScrollsWhenItDoesNotFit() {
        var s = ConsoleReducer.reduce(Fixtures.state(), .key(.char("?"))).0
        #expect(s.mode == .help && s.overlayScroll == 0)
        let top = ConsoleRenderer.render(s, width: 80, height: 24, now: Fixtures.now).lines.joined(separator: "\n")
        #expect(top.contains("Keys 1-20 of"))
        s = ConsoleReducer.reduce(s, .key(.char("j"))).0
        #expect(s.overlayScroll == 1)
        s = ConsoleReducer.reduce(s, .key(.char("G"))).0
        let last = ConsoleRenderer.render(s, width: 80, height: 24, now: Fixtures.now).lines.joined(separator: "\n")
        #expect(last.contains("COMMAND PROMPT") && !last.contains("Keys 1-20"), "the last section shows at the end")
        #expect(ConsoleReducer.reduce(s, .key(.char("j"))).0.overlayScroll == s.overlayScroll, "stops at the end")
        #expect(ConsoleReducer.reduce(s, .key(.escape)).0.mode == .normal)
    }

    @Test func footerFitsAndKeepsHelpAndQuit() {
        var s = Fixtures.state()
        s.focus = .approvals
        let full = KeyHints.line(s, width: 300)
        let hints = ["space mark", "a approve", "r reject", "Tab/1-4 panes", "↑↓/jk move", "Enter detail", "z zoom", "/ filter", ": command",
                     "? help", "q quit"]
        for hint in hints {
            #expect(full.contains(hint), "\(hint) in \(full)")
        }
        for width in [30, 60, 80, 100] {
            let line = KeyHints.line(s, width: width)
            #expect(DisplayWidth.of(line) <= width && line.contains("? help") && line.contains("q quit"), "\(width): \(line)")
        }
        #expect(KeyHints.line(s, width: 60).contains("a approve"), "the pane's own keys before the general ones")
        s.focus = .events
        #expect(KeyHints.line(s, width: 100).contains("f follow"))
    }
}
