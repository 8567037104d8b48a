/// The Events pane's keys: follow the newest, show raw log lines, show the console's own requests.
enum EventKeyActions {
    static let table: [KeyAction] = [
        KeyAction("follow", .events, keys: [.char("f")], hint: "follow", description: "follow new events", footerRank: 2) { s in
            var s = s
            s.following = true
            s.selection[.events] = max(0, PaneRows.count(.events, s) - 1)
            return (s, [])
        },
        KeyAction("raw", .events, keys: [.char("w")], hint: "raw", description: "raw log lines (again for summaries)", footerRank: 2) { s in
            var s = s
            s.rawEvents.toggle()
            return (s, [])
        },
        KeyAction("own", .events, keys: [.char("o")], hint: "own", description: "show the console's own requests", footerRank: 3) { s in
            var s = s
            s.showOwnEvents.toggle()
            if s.following { s.selection[.events] = max(0, PaneRows.count(.events, s) - 1) }
            return (s, [])
        },
    ]
}
