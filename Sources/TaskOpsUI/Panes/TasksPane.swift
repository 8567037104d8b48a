import Foundation
import TaskOpsCore

enum TasksPane {
    static func render(_ state: ConsoleState, into grid: inout CellGrid, frame: Frame) {
        let rows = PaneRows.tasks(state)
        var title = "1 Tasks (\(rows.count)\(state.snapshot.tasks.mayBeTruncated ? "+, truncated" : "")) sort:\(state.taskSort.label)"
        if let status = state.taskStatusFilter { title += " status=\(status)" }
        if let user = state.taskUserFilter { title += " user=\(user)" }
        if let filter = state.filters[.tasks], !filter.isEmpty { title += " /\(filter)" }
        grid.box(frame, title: title, focused: state.focus == .tasks, ascii: state.ascii)
        let x = frame.x + 1, maxX = frame.x + frame.width - 1
        let w = frame.innerWidth
        let widths = w >= 100 ? [max(10, w - 84), 16, 8, 12, 19, 19, 8] : [max(8, w - 40), 12, 7, 10, 8]
        let header = w >= 100 ? ["TITLE", "STATUS", "PRIORITY", "USER", "CREATED", "UPDATED", "ID"] : ["TITLE", "STATUS", "PRIO", "USER", "ID"]
        grid.row(Array(zip(header, widths)), x: x, y: frame.y + 1, maxX: maxX, role: .header)
        let geometry = PaneGeometry.rows(.tasks, state, frame: frame, count: rows.count)
        let (visible, start) = (geometry.visible, geometry.start)
        for (offset, task) in rows.dropFirst(start).prefix(visible).enumerated() {
            let index = start + offset
            let cells = w >= 100
                ? [task.title, task.status, task.priority, task.userId, String(task.createdAt.prefix(19)), String(task.updatedAt.prefix(19)), String(task.taskId.prefix(8))]
                : [task.title, task.status, task.priority, task.userId, String(task.taskId.prefix(8))]
            let selected = index == state.selected(.tasks) && state.focus == .tasks
            grid.row(Array(zip(cells, widths)), x: x, y: frame.y + 2 + offset, maxX: maxX, role: role(task.status), reverse: selected)
        }
        if rows.isEmpty {
            let message = state.snapshot.tasks.freshness.lastSuccess == nil ? "loading…" : "no tasks"
            grid.put(message, x: x + 1, y: frame.y + 2, maxX: maxX, role: .dim)
        }
    }

    static func role(_ status: String) -> Role {
        switch status {
        case "completed", "approved": return .ok
        case "blocked", "rejected": return .error
        case "pending_approval": return .warn
        case "in_progress": return .accent
        default: return .normal
        }
    }
}
