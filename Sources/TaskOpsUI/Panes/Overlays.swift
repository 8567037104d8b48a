import Foundation
import TaskOpsCore

/// Help, detail views and confirmations drawn over the panes.
enum Overlays {
    static func render(_ state: ConsoleState, into grid: inout CellGrid, width: Int, height: Int, now: Date) {
        switch state.mode {
        case .help, .detail:
            guard let (title, lines) = content(state, width: width) else { return }
            let headings = state.mode == .help ? KeyHelp.headings : []
            OverlayBox(lines, width: width, height: height)
                .draw(into: &grid, title: title, scroll: state.overlayScroll, ascii: state.ascii, headings: headings)
        case .confirm(let confirmation):
            let yes = state.keyMap.action(named: "confirm", in: .confirm)?.keys.first.map(KeyNotation.label) ?? "y"
            let lines = [question(confirmation, state), "", "\(yes) confirms, any other key cancels"]
            OverlayBox(lines, width: width, height: height).draw(into: &grid, title: "Confirm", scroll: 0, ascii: state.ascii)
        case .form(let form): TaskFormView.render(form, into: &grid, width: width, height: height, ascii: state.ascii)
        default: break
        }
    }

    /// The title and lines of the help or detail overlay on a screen `width` wide.
    static func content(_ state: ConsoleState, width: Int) -> (String, [String])? {
        switch state.mode {
        case .help: return ("Keys", KeyHelp.lines(state, width: width - 8))
        case .detail:
            let close = state.keyMap.action(named: "close", in: .overlay)?.keys.first.map(KeyNotation.label) ?? "Esc"
            return ("Detail (\(close) closes)", DetailLines.of(state))
        default: return nil
        }
    }

    /// Lines the open overlay shows at once on the state's screen.
    static func visibleLines(_ state: ConsoleState) -> Int { box(state)?.visibleLines ?? 0 }

    /// How far the open overlay can scroll on the state's screen.
    static func maximumScroll(_ state: ConsoleState) -> Int { box(state)?.maximumScroll ?? 0 }

    static func box(_ state: ConsoleState) -> OverlayBox? {
        content(state, width: state.screenWidth).map { OverlayBox($0.1, width: state.screenWidth, height: state.screenHeight) }
    }

    static func question(_ confirmation: Confirmation, _ state: ConsoleState) -> String {
        switch confirmation {
        case .decide(let decision, let ids):
            let titles = state.snapshot.approvals.pending.filter { ids.contains($0.task.taskId) }.map { "'\($0.task.title)'" }
            let verb = decision == .approve ? "Approve" : "Reject"
            return "\(verb) \(ids.count) task\(ids.count == 1 ? "" : "s") (status → \(decision.rawValue)): \(titles.joined(separator: ", "))?"
        case .delete(let id):
            let title = state.snapshot.tasks.tasks.first { $0.taskId == id }?.title ?? id
            return "Delete task '\(title)' (\(id))? This cannot be undone."
        }
    }

    /// Splits a sanitized line into pieces of at most `width` columns (wide characters never split).
    static func wrap(_ line: String, width: Int) -> [String] {
        guard DisplayWidth.of(line) > width else { return [line] }
        var pieces: [String] = []
        var current = ""
        var used = 0
        for character in line {
            let w = DisplayWidth.of(character)
            if used + w > width && !current.isEmpty {
                pieces.append(current)
                current = ""
                used = 0
            }
            current.append(character)
            used += w
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces
    }
}
