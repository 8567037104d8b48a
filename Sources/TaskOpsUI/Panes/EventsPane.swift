import Foundation
import TaskOpsCore

enum EventsPane {
    /// No header row; the source goes first when the pane is narrow, so the text keeps some room.
    static let columns = ColumnTable(columns: [
        ColumnSpec("TIME", .fixed(8), priority: 10),
        ColumnSpec("SOURCE", .byClass(narrow: 12, wide: 22), priority: 5),
        ColumnSpec("KIND", .fixed(13), priority: 8),
        ColumnSpec("TEXT", .fill(minimum: 12), priority: 9),
    ], wideFrom: 90)

    static func render(_ state: ConsoleState, into grid: inout CellGrid, frame: Frame) {
        let rows = PaneRows.events(state)
        let events = state.snapshot.events
        var title = "2 Events (\(rows.count))"
        if state.following { title += " following" } else { title += " paused +\(max(0, events.events.count - state.pausedAtCount)) new (f follows)" }
        if events.dropped > 0 { title += " dropped \(events.dropped)" }
        if events.ownFolded > 0 { title += state.showOwnEvents ? " own shown" : " own \(events.ownFolded) folded (o)" }
        if let filter = state.filters[.events], !filter.isEmpty { title += " /\(filter)" }
        grid.box(frame, title: title, focused: state.focus == .events, ascii: state.ascii)
        let x = frame.x + 1, maxX = frame.x + frame.width - 1
        let selected = state.selected(.events)
        let geometry = PaneGeometry.rows(.events, state, frame: frame, count: rows.count)
        let (visible, start) = (geometry.visible, geometry.start)
        let layout = columns.layout(width: frame.innerWidth)
        let sourceWidth = layout.width(of: 1) ?? 0
        for (offset, event) in rows.dropFirst(start).prefix(visible).enumerated() {
            let index = start + offset
            let time = Self.time(event.timestamp)
            let text = state.rawEvents ? event.raw : event.summary
            let isSelected = index == selected && state.focus == .events && !state.following
            // In a narrow pane `task-created-handler` reads as well as `task-created`.
            let source = sourceWidth < 20 && event.source.hasSuffix("-handler") ? String(event.source.dropLast(8)) : event.source
            grid.row(layout.pick([time, source, event.kind.rawValue, text]), x: x, y: frame.y + 1 + offset, maxX: maxX, role: role(event.kind), reverse: isSelected)
        }
        if rows.isEmpty { grid.put("waiting for events…", x: x + 1, y: frame.y + 1, maxX: maxX, role: .dim) }
    }

    static func time(_ millis: Int64) -> String {
        let iso = StackTime.pythonISO(Date(timeIntervalSince1970: Double(millis) / 1000))
        return String(iso.dropFirst(11).prefix(8))
    }

    static func role(_ kind: TaskEventKind) -> Role {
        switch kind {
        case .taskCreated: return .accent
        case .taskCompleted, .taskApproved: return .ok
        case .taskRejected, .error: return .error
        case .taskDeleted: return .warn
        case .lambdaLifecycle, .apiAccess: return .dim
        case .workflow: return .series2
        default: return .normal
        }
    }
}
