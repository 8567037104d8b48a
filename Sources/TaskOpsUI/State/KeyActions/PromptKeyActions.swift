import Foundation

/// Keys of the y/n confirmation and of the `/` filter and `:` command prompts. Printable keys
/// type into a prompt, and any key the confirmation does not know cancels it.
enum PromptKeyActions {
    static let table: [KeyAction] = [
        KeyAction("confirm", .confirm, keys: [.char("y"), .char("Y")],
                  hint: "yes", description: "yes: send it", footerRank: 0, writes: true,
                  refusal: "Read-only: nothing was sent") { s in
            var s = s
            guard case .confirm(let confirmation) = s.mode else { return (s, []) }
            s.mode = .normal
            switch confirmation {
            case .decide(let decision, let ids): return (s, [.decide(decision, ids)])
            case .delete(let id): return (s, [.deleteTask(id)])
            }
        },
        KeyAction("cancel", .confirm, keys: [.char("n"), .char("N"), .escape], hint: "no", description: "no (so does any other key)",
                  footerRank: 1, perform: cancelConfirmation),
        KeyAction("keep", .filter, keys: [.enter], hint: "keeps", description: "keep the filter", footerRank: 0) { s in
            var s = s
            guard case .filter(let text) = s.mode else { return (s, []) }
            s.mode = .normal
            s.filters[s.focus] = text.isEmpty ? nil : text
            ConsoleReducer.clampSelections(&s)
            return (s, [])
        },
        KeyAction("cancel", .filter, keys: [.escape], hint: "cancels", description: "close the prompt", footerRank: 1) { s in
            var s = s
            s.mode = .normal
            ConsoleReducer.clampSelections(&s)
            return (s, [])
        },
        KeyAction("run", .command, keys: [.enter], hint: "runs", description: "run the command", footerRank: 0) { s in
            var s = s
            guard case .command(let text) = s.mode else { return (s, []) }
            s.mode = .normal
            return ConsoleCommands.run(command: text.trimmingCharacters(in: .whitespaces), s)
        },
        KeyAction("cancel", .command, keys: [.escape], hint: "cancels", description: "close the prompt", footerRank: 1) { s in
            var s = s
            s.mode = .normal
            return (s, [])
        },
    ]

    static func cancelConfirmation(_ state: ConsoleState) -> (ConsoleState, [ConsoleEffect]) {
        var s = state
        s.mode = .normal
        s.flash = "Cancelled"
        return (s, [])
    }
}
