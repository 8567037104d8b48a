/// The keys every pane answers: panes, movement, zoom, detail, filter, command, help and quit.
enum GlobalKeyActions {
    static let table: [KeyAction] = [
        KeyAction("next-pane", .global, keys: [.tab], hint: "panes", description: "next pane", group: .panes, footerRank: 4) { s in
            focus(s, PaneID(rawValue: (s.focus.rawValue + 1) % 4) ?? .tasks)
        },
        KeyAction("previous-pane", .global, keys: [.backTab], hint: "panes", description: "previous pane", group: .panes) { s in
            focus(s, PaneID(rawValue: (s.focus.rawValue + 3) % 4) ?? .tasks)
        },
        KeyAction("focus-tasks", .global, keys: [.char("1")],
                  hint: "panes", description: "go to Tasks", group: .panes, footerRank: 4) { focus($0, .tasks) },
        KeyAction("focus-events", .global, keys: [.char("2")],
                  hint: "panes", description: "go to Events", group: .panes, footerRank: 4) { focus($0, .events) },
        KeyAction("focus-approvals", .global, keys: [.char("3")], hint: "panes", description: "go to Approvals", group: .panes,
                  footerRank: 4) { focus($0, .approvals) },
        KeyAction("focus-metrics", .global, keys: [.char("4")],
                  hint: "panes", description: "go to Metrics", group: .panes, footerRank: 4) { focus($0, .metrics) },
        KeyAction("move-up", .global, keys: [.up, .char("k")],
                  hint: "move", description: "move up", group: .move, footerRank: 3) { move($0, -1) },
        KeyAction("move-down", .global, keys: [.down, .char("j")],
                  hint: "move", description: "move down", group: .move, footerRank: 3) { move($0, 1) },
        KeyAction("page-up", .global, keys: [.pageUp], hint: "page up", description: "ten rows up") { move($0, -10) },
        KeyAction("page-down", .global, keys: [.pageDown], hint: "page down", description: "ten rows down") { move($0, 10) },
        KeyAction("top", .global, keys: [.home, .char("g")], hint: "top", description: "first row") { move($0, -1_000_000) },
        KeyAction("bottom", .global, keys: [.end, .char("G")], hint: "bottom", description: "last row") { move($0, 1_000_000) },
        KeyAction("detail", .global, keys: [.enter],
                  hint: "detail", description: "detail of the selected row", footerRank: 5, perform: detail),
        KeyAction("clear-filter", .global, keys: [.escape], hint: "clear", description: "clear the pane's filter") { s in
            var s = s
            s.filters[s.focus] = nil
            return (s, [])
        },
        KeyAction("zoom", .global, keys: [.char("z")], hint: "zoom", description: "zoom the pane (again to unzoom)", footerRank: 6) { s in
            var s = s
            s.zoomed.toggle()
            return (s, [])
        },
        KeyAction("filter", .global, keys: [.char("/")], hint: "filter", description: "filter the pane's rows", footerRank: 7) { s in
            var s = s
            s.mode = .filter(s.filters[s.focus] ?? "")
            return (s, [])
        },
        KeyAction("command", .global, keys: [.char(":")],
                  hint: "command", description: "type a command (:tasks, :theme, :q…)", footerRank: 8) { s in
            var s = s
            s.mode = .command("")
            return (s, [])
        },
        KeyAction("help", .global, keys: [.char("?")], hint: "help", description: "this help", footerRank: 0) { s in
            var s = s
            s.mode = .help
            s.overlayScroll = 0
            return (s, [])
        },
        KeyAction("quit", .global, keys: [.char("q")], hint: "quit", description: "quit", footerRank: 1) { s in
            var s = s
            s.quit = true
            return (s, [.quit])
        },
    ]

    static func focus(_ state: ConsoleState, _ pane: PaneID) -> (ConsoleState, [ConsoleEffect]) {
        var s = state
        s.focus = pane
        return (s, [])
    }

    static func move(_ state: ConsoleState, _ delta: Int) -> (ConsoleState, [ConsoleEffect]) {
        var s = state
        ConsoleReducer.move(&s, delta)
        return (s, [])
    }

    static func detail(_ state: ConsoleState) -> (ConsoleState, [ConsoleEffect]) {
        var s = state
        guard PaneRows.count(s.focus, s) > 0 else { return (s, []) }
        s.mode = .detail
        s.overlayScroll = 0
        let rows = PaneRows.approvals(s)
        if s.focus == .approvals, rows.indices.contains(s.selected(.approvals)) {
            let arns = rows[s.selected(.approvals)].executions.map(\.executionArn)
            if !arns.isEmpty { return (s, [.loadExecutionPaths(arns)]) }
        }
        return (s, [])
    }
}
