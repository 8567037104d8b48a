import Foundation
import TaskOpsCore

enum ApprovalsPane {
    static func render(_ state: ConsoleState, into grid: inout CellGrid, frame: Frame, now: Date) {
        let rows = PaneRows.approvals(state)
        var title = "3 Approvals (\(rows.count) waiting)"
        if !state.marked.isEmpty { title += " marked \(state.marked.count)" }
        grid.box(frame, title: title, focused: state.focus == .approvals, ascii: state.ascii)
        let x = frame.x + 1, maxX = frame.x + frame.width - 1
        let widths = [2, 8, 8, 12, max(8, frame.innerWidth - 64), 12, 16]
        grid.row(Array(zip(["", "WAITING", "PRIO", "USER", "TITLE", "EXECUTIONS", "RESULT"], widths)), x: x, y: frame.y + 1, maxX: maxX, role: .header)
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
            grid.row(Array(zip(cells, widths)), x: x, y: frame.y + 2 + offset, maxX: maxX, role: role, reverse: selected)
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
