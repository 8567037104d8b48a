/// Keys while the help or a detail view is open: scroll it, close it.
enum OverlayKeyActions {
    static let table: [KeyAction] = [
        KeyAction("close", .overlay, keys: [.escape, .char("q"), .enter, .char("?")],
                  hint: "close", description: "close", footerRank: 0) { s in
            var s = s
            s.mode = .normal
            return (s, [])
        },
        KeyAction("scroll-up", .overlay, keys: [.up, .char("k")],
                  hint: "scroll", description: "scroll up", group: .move, footerRank: 1) { scroll($0, -1) },
        KeyAction("scroll-down", .overlay, keys: [.down, .char("j")], hint: "scroll", description: "scroll down", group: .move,
                  footerRank: 1) { scroll($0, 1) },
        KeyAction("page-down", .overlay, keys: [.pageDown, .char(" ")], hint: "page down", description: "a page down") { s in
            scroll(s, max(1, Overlays.visibleLines(s) - 1))
        },
        KeyAction("page-up", .overlay, keys: [.pageUp],
                  hint: "page up", description: "a page up") { s in scroll(s, -max(1, Overlays.visibleLines(s) - 1)) },
        KeyAction("top", .overlay, keys: [.home, .char("g")], hint: "top", description: "to the top") { scroll($0, -1_000_000) },
        KeyAction("bottom", .overlay, keys: [.end, .char("G")], hint: "bottom", description: "to the end") { scroll($0, 1_000_000) },
    ]

    static func scroll(_ state: ConsoleState, _ delta: Int) -> (ConsoleState, [ConsoleEffect]) {
        var s = state
        s.overlayScroll = min(Overlays.maximumScroll(s), max(0, s.overlayScroll + delta))
        return (s, [])
    }
}
