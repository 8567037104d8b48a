import Foundation
import Testing
import TaskOpsCore
import TaskOpsTesting
@testable import TaskOpsUI

/// Seeded fuzzing of user input to the console: theme files, and random key streams (including
/// `:` commands and `/` filters full of hostile text) through the reducer, rendering every state.
@Suite struct ThemeAndKeysFuzzTests {
    static let theme = """
        name = "fuzz"
        [colors]
        normal = "default"
        ok = "green"
        error = "bright-red"
        border = 8
        series1 = 255
        """

    @Test(arguments: [UInt64(1), 2, 3])
    func themeTOML(seed: UInt64) async {
        var mutator = InputMutator(seed: seed, corpus: [Self.theme], extraTokens: ["[colors]", "= 256", "= -1", "= 99999999999999999999", "= 1.5", "= [1]", "= {a=1}"])
        for iteration in 0..<2000 {
            if iteration % 100 == 0 { await Task.yield() }
            do {
                let (theme, _) = try Theme.parse(mutator.nextString(), file: "fuzz.toml")
                #expect(theme.colors.values.allSatisfy { color in
                    if case .index(let i) = color { return (0...255).contains(i) }
                    return true
                })
            } catch {
                #expect(error.file == "fuzz.toml")
            }
        }
    }

    @Test(arguments: [UInt64(1), 2, 3, 4])
    func keyStreamsWithCommandsAndFilters(seed: UInt64) async {
        var generator = SeededGenerator(seed: seed)
        let words = ["tasks", "events", "approvals", "metrics", "refresh", "readonly", "dashboard", "dashboard stack", "dashboard deployed", "q", "quit", ""]
            + HostileStrings.all.prefix(80).map { String($0.prefix(200)) }
        let specials: [Key] = [.up, .down, .left, .right, .tab, .backTab, .enter, .escape, .backspace, .pageUp, .pageDown, .home, .end]
        var state = Fixtures.state(tasks: 40, pending: 5)
        for step in 0..<2500 {
            if step % 50 == 0 { await Task.yield() }
            let key: Key
            switch generator.next() % 10 {
            case 0:
                // A whole command or filter typed at once.
                let word = words[Int(generator.next() % UInt64(words.count))]
                for character in (generator.next() % 2 == 0 ? ":" : "/") + word { state = ConsoleReducer.reduce(state, .key(.char(character))).0 }
                key = .enter
            case 1, 2: key = specials[Int(generator.next() % UInt64(specials.count))]
            default:
                let scalar = Unicode.Scalar(UInt32(0x20 + generator.next() % 0x5F)) ?? "x"
                key = .char(Character(scalar))
            }
            let (next, effects) = ConsoleReducer.reduce(state, .key(key))
            state = next
            if state.quit || effects.contains(.quit) { state.quit = false }
            if step % 50 == 0 {
                state = ConsoleReducer.reduce(state, .snapshot(Fixtures.state(tasks: Int(generator.next() % 60), pending: Int(generator.next() % 6)).snapshot)).0
            }
            for pane in PaneID.allCases { #expect(state.selected(pane) >= 0) }
            let (w, h) = [(80, 24), (60, 16), (200, 60), (20, 5)][step % 4]
            let grid = ConsoleRenderer.render(state, width: w, height: h, now: Fixtures.now)
            #expect(grid.cells.count == w * h)
        }
    }
}
