/// Where each pane's list rows sit inside its frame: shared by the panes that draw them and the
/// reducer that maps a mouse click back to a row.
enum PaneGeometry {
    struct Rows {
        /// Screen row of the first list row.
        var top: Int
        /// How many list rows fit.
        var visible: Int
        /// Index of the first list row shown.
        var start: Int
    }

    static func rows(_ pane: PaneID, _ state: ConsoleState, frame: Frame, count: Int) -> Rows {
        let selected = state.selected(pane)
        switch pane {
        case .tasks, .approvals:
            let visible = max(0, frame.innerHeight - 1)
            return Rows(top: frame.y + 2, visible: visible, start: scrollStart(selected: selected, count: count, height: visible))
        case .events:
            let visible = frame.innerHeight
            let start = state.following ? max(0, count - visible) : scrollStart(selected: selected, count: count, height: visible)
            return Rows(top: frame.y + 1, visible: visible, start: start)
        case .metrics:
            let visible = min(count, max(1, frame.innerHeight / 3))
            return Rows(top: frame.y + 1, visible: visible, start: scrollStart(selected: selected, count: count, height: visible))
        }
    }

    /// The list row under screen row `y`, if any.
    static func row(at y: Int, _ pane: PaneID, _ state: ConsoleState, frame: Frame, count: Int) -> Int? {
        let rows = rows(pane, state, frame: frame, count: count)
        let index = rows.start + (y - rows.top)
        guard y >= rows.top, y < rows.top + rows.visible, index < count else { return nil }
        return index
    }
}
