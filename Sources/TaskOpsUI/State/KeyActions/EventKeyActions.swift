/// The Events pane's keys: follow the newest and show raw log lines.
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
    ]
}
