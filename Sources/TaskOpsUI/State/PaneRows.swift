import Foundation
import TaskOpsCore

/// The rows each pane lists, after filters and sorting (shared by the reducer and the renderer).
public enum PaneRows {
    public static func tasks(_ state: ConsoleState) -> IndexedRows<TaskItem> {
        let tasks = state.snapshot.tasks.tasks
        let filter = state.filters[.tasks] ?? ""
        let status = state.taskStatusFilter, user = state.taskUserFilter
        let key = "\(state.taskSort.rawValue)/\(status ?? "")/\(user ?? "")/\(filter)"
        let order = state.rowsCache.order(.tasks, source: tasks, key: key) {
            sortedPositions(tasks, filter: filter, status: status, user: user, sort: state.taskSort)
        }
        return IndexedRows(tasks, order: order)
    }

    static func sortedPositions(_ tasks: [TaskItem], filter: String, status: String? = nil, user: String? = nil, sort: TaskSort) -> [Int32] {
        var positions = Array(Int32(0)..<Int32(tasks.count))
        if status != nil || user != nil {
            positions = positions.filter { i in
                let task = tasks[Int(i)]
                return (status == nil || task.status == status) && (user == nil || task.userId == user)
            }
        }
        if !filter.isEmpty {
            let needle = filter.lowercased()
            positions = positions.filter { i in
                let task = tasks[Int(i)]
                return [task.title, task.status, task.priority, task.userId, task.taskId].contains { $0.lowercased().contains(needle) }
            }
        }
        // Ties keep the API's order, as the stable sort over task values did.
        func by<Key: Comparable>(_ key: (TaskItem) -> Key) {
            let keys = tasks.map(key)
            positions.sort { a, b in
                let ka = keys[Int(a)], kb = keys[Int(b)]
                return ka != kb ? ka < kb : a < b
            }
        }
        switch sort {
        case .created: by { Descending($0.createdAtSortKey) }
        case .updated: by { Descending($0.updatedAtSortKey) }
        case .title: by { $0.title.lowercased() }
        case .status: by { Pair($0.status, Descending($0.createdAtSortKey)) }
        case .priority: by { Pair(rank($0.priority), Descending($0.createdAtSortKey)) }
        case .user: by { Pair($0.userId, Descending($0.createdAtSortKey)) }
        }
        return positions
    }

    static func rank(_ priority: String) -> Int { ["high": 0, "medium": 1, "low": 2][priority] ?? 3 }

    /// Events, oldest first; filtering scans all events only when the filter or the events change.
    public static func events(_ state: ConsoleState) -> IndexedRows<TaskEvent> {
        let held = state.snapshot.events
        let events = state.showOwnEvents && !held.ownEvents.isEmpty ? state.rowsCache.merged(held.events, held.ownEvents) : held.events
        guard let filter = state.filters[.events], !filter.isEmpty else { return IndexedRows(events) }
        let order = state.rowsCache.order(.events, source: events, key: filter) {
            let needle = filter.lowercased()
            return events.indices.filter { i in
                let event = events[i]
                return event.summary.lowercased().contains(needle) || event.source.contains(needle) || event.kind.rawValue.lowercased().contains(needle)
            }.map { Int32($0) }
        }
        return IndexedRows(events, order: order)
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
