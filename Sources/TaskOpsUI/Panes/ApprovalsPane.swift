import Foundation
import TaskOpsCore

enum ApprovalsPane {
    /// The mark, the wait and the title stay longest; then the result of a decision.
    static let columns = ColumnTable(columns: [
        ColumnSpec("", .fixed(2), priority: 10),
        ColumnSpec("WAITING", .fixed(8), priority: 9),
        ColumnSpec("PRIO", .fixed(8), priority: 6),
        ColumnSpec("USER", .fixed(12), priority: 5),
        ColumnSpec("TITLE", .fill(minimum: 8), priority: 8),
        ColumnSpec("EXECUTIONS", .fixed(12), priority: 4),
        ColumnSpec("RESULT", .fixed(16), priority: 7),
    ])

    static func render(_ state: ConsoleState, into grid: inout CellGrid, frame: Frame, now: Date) {
        let rows = PaneRows.approvals(state)
        var title = "3 Approvals (\(rows.count) waiting)"
        if !state.marked.isEmpty { title += " marked \(state.marked.count)" }
        grid.box(frame, title: title, focused: state.focus == .approvals, ascii: state.ascii)
        let x = frame.x + 1, maxX = frame.x + frame.width - 1
        let layout = columns.layout(width: frame.innerWidth)
        grid.row(Array(zip(layout.headers, layout.widths)), x: x, y: frame.y + 1, maxX: maxX, role: .header)
        let geometry = PaneGeometry.rows(.approvals, state, frame: frame, count: rows.count)
        let (visible, start) = (geometry.visible, geometry.start)
        for (offset, item) in rows.dropFirst(start).prefix(visible).enumerated() {
            let index = start + offset
            let waiting = item.waitingSince.map { duration(now.timeIntervalSince($0)) } ?? "?"
            let running = item.executions.filter { $0.status == .running }.count
            let mark = state.marked.contains(item.task.taskId) ? (state.ascii ? "*" : "●") : ""
            let result = state.outcomes[item.task.taskId] ?? ""
            let cells = [mark, waiting, item.task.priority, item.task.userId, item.task.title, "\(running) running", result]
            let selected = index == state.selected(.approvals) && state.focus == .approvals
            let role: Role = result.hasPrefix("conflict") || result.hasPrefix("error") ? .error : (result.isEmpty ? .warn : .ok)
            grid.row(layout.pick(cells), x: x, y: frame.y + 2 + offset, maxX: maxX, role: role, reverse: selected)
        }
        if rows.isEmpty {
            let message = state.snapshot.approvals.freshness.lastSuccess == nil ? "loading…" : "no task is waiting for a decision"
            grid.put(message, x: x + 1, y: frame.y + 2, maxX: maxX, role: .dim)
        }
    }

    static func duration(_ seconds: TimeInterval) -> String {
        let s = max(0, Saturating.int(seconds))
        if s < 60 { return "\(s)s" }
        if s < 3600 { return "\(s / 60)m\(String(format: "%02d", s % 60))s" }
        return "\(s / 3600)h\(String(format: "%02d", s / 60 % 60))m"
    }
}
