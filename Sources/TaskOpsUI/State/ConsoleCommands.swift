import Foundation

/// The `:` commands: switch pane, refresh, read-only, dashboard, filter, theme, chart glyphs, quit.
enum ConsoleCommands {
    static func run(command: String, _ state: ConsoleState) -> (ConsoleState, [ConsoleEffect]) {
        var s = state
        let words = command.split(separator: " ").map(String.init)
        switch words.first ?? "" {
        case "q", "quit": s.quit = true; return (s, [.quit])
        case "tasks": s.focus = .tasks
        case "events": s.focus = .events
        case "approvals": s.focus = .approvals
        case "metrics": s.focus = .metrics
        case "refresh": s.flash = "Refreshing"; return (s, [.refresh])
        case "readonly": s.readonly = true; s.header.mode = "READ-ONLY"; s.flash = "Read-only for the rest of this session"
        case "dashboard":
            switch words.dropFirst().first {
            case "stack": s.flash = "Showing the built-in stack dashboard"; return (s, [.showDashboard(.stack)])
            case "deployed": s.flash = "Showing the deployed dashboard"; return (s, [.showDashboard(.deployed)])
            default: s.flash = "Usage: :dashboard stack|deployed"
            }
        case "filter":
            return (TaskFilterCommand.apply(Array(words.dropFirst()), to: s), [])
        case "theme":
            guard let name = words.dropFirst().first, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
                s.flash = "Usage: :theme NAME (default, light, high-contrast, mono, or a file in ~/.config/taskops/themes/)"
                break
            }
            return (s, [.switchTheme(name)])
        case "charts":
            if let name = words.dropFirst().first, let glyphs = ChartGlyphs(rawValue: name) {
                s.chartGlyphs = glyphs
                s.flash = "Charts drawn with \(glyphs.rawValue)"
            } else {
                s.flash = "Usage: :charts " + ChartGlyphs.allCases.map(\.rawValue).joined(separator: "|")
            }
        case "": break
        default: s.flash = "Unknown command :\(Sanitizer.clean(command)) — try :tasks :events :approvals :metrics :refresh :readonly :dashboard :theme :charts :q"
        }
        return (s, [])
    }
}
