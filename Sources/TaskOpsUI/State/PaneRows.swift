import Foundation
import TaskOpsCore

/// The rows each pane lists, after filters and sorting (shared by the reducer and the renderer).
public enum PaneRows {
    public static func tasks(_ state: ConsoleState) -> [TaskItem] {
        var tasks = state.snapshot.tasks.tasks
        if let status = state.taskStatusFilter { tasks = tasks.filter { $0.status == status } }
        if let user = state.taskUserFilter { tasks = tasks.filter { $0.userId == user } }
        if let filter = state.filters[.tasks], !filter.isEmpty {
            let needle = filter.lowercased()
            tasks = tasks.filter { task in
                [task.title, task.status, task.priority, task.userId, task.taskId].contains { $0.lowercased().contains(needle) }
            }
        }
        switch state.taskSort {
        case .created: tasks.sort { $0.createdAt > $1.createdAt }
        case .updated: tasks.sort { $0.updatedAt > $1.updatedAt }
        case .title: tasks.sort { $0.title.lowercased() < $1.title.lowercased() }
        case .status: tasks.sort { ($0.status, $1.createdAt) < ($1.status, $0.createdAt) }
        case .priority: tasks.sort { (rank($0.priority), $1.createdAt) < (rank($1.priority), $0.createdAt) }
        case .user: tasks.sort { ($0.userId, $1.createdAt) < ($1.userId, $0.createdAt) }
        }
        return tasks
    }

    static func rank(_ priority: String) -> Int { ["high": 0, "medium": 1, "low": 2][priority] ?? 3 }

    /// Events, oldest first; filtering scans all events only when a filter is set.
    public static func events(_ state: ConsoleState) -> [TaskEvent] {
        let events = state.snapshot.events.events
        guard let filter = state.filters[.events], !filter.isEmpty else { return events }
        let needle = filter.lowercased()
        return events.filter { $0.summary.lowercased().contains(needle) || $0.source.contains(needle) || $0.kind.rawValue.lowercased().contains(needle) }
    }

    public static func approvals(_ state: ConsoleState) -> [PendingApproval] {
        let pending = state.snapshot.approvals.pending
        guard let filter = state.filters[.approvals], !filter.isEmpty else { return pending }
        let needle = filter.lowercased()
        return pending.filter { $0.task.title.lowercased().contains(needle) || $0.task.userId.lowercased().contains(needle) }
    }

    public static func count(_ pane: PaneID, _ state: ConsoleState) -> Int {
        switch pane {
        case .tasks: return tasks(state).count
        case .events: return events(state).count
        case .approvals: return approvals(state).count
        case .metrics: return state.snapshot.alarms.alarms.count
        }
    }
}
