import Foundation
import TaskOpsCore

enum TasksPane {
    /// Title takes what is left; the id, then the user, go first when the pane is narrow.
    static let columns = ColumnTable(columns: [
        ColumnSpec("TITLE", .fill(minimum: 8), priority: 10),
        ColumnSpec("STATUS", .byClass(narrow: 11, wide: 16), priority: 9),
        ColumnSpec("PRIO", wideHeader: "PRIORITY", .byClass(narrow: 7, wide: 8), priority: 7),
        ColumnSpec("USER", .byClass(narrow: 10, wide: 12), priority: 6),
        ColumnSpec("CREATED", .fixed(19), priority: 4, wideOnly: true),
        ColumnSpec("UPDATED", .fixed(19), priority: 3, wideOnly: true),
        ColumnSpec("ID", .fixed(8), priority: 5),
    ], wideFrom: 100)

    static func render(_ state: ConsoleState, into grid: inout CellGrid, frame: Frame) {
        let rows = PaneRows.tasks(state)
        var title = "1 Tasks (\(rows.count)\(state.snapshot.tasks.mayBeTruncated ? "+, truncated" : "")) sort:\(state.taskSort.label)"
        if let status = state.taskStatusFilter { title += " status=\(status)" }
        if let user = state.taskUserFilter { title += " user=\(user)" }
        if let filter = state.filters[.tasks], !filter.isEmpty { title += " /\(filter)" }
        grid.box(frame, title: title, focused: state.focus == .tasks, ascii: state.ascii)
        let x = frame.x + 1, maxX = frame.x + frame.width - 1
        let layout = columns.layout(width: frame.innerWidth)
        grid.row(Array(zip(layout.headers, layout.widths)), x: x, y: frame.y + 1, maxX: maxX, role: .header)
        let geometry = PaneGeometry.rows(.tasks, state, frame: frame, count: rows.count)
        let (visible, start) = (geometry.visible, geometry.start)
        for (offset, task) in rows.dropFirst(start).prefix(visible).enumerated() {
            let index = start + offset
            let cells = [task.title, task.status, task.priority, task.userId, String(task.createdAt.prefix(19)), String(task.updatedAt.prefix(19)),
                         String(task.taskId.prefix(8))]
            let selected = index == state.selected(.tasks) && state.focus == .tasks
            grid.row(layout.pick(cells), x: x, y: frame.y + 2 + offset, maxX: maxX, role: role(task.status), reverse: selected)
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
