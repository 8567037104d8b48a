import Foundation
import TaskOpsCore
import TaskOpsUI

/// The frames the terminal-output figures draw: a loaded console, and the same console with one
/// task row changed.
enum FrameScenes {
    static let width = 200, height = 60

    static func loaded() -> ConsoleState { LoadedState.state(tasks: 1000, events: 1000) }

    /// `state` with the title of the top visible task changed: exactly one row differs.
    static func oneRowChanged(_ state: ConsoleState) -> ConsoleState {
        var snapshot = state.snapshot
        guard let top = PaneRows.tasks(state).first, let index = snapshot.tasks.tasks.firstIndex(where: { $0.taskId == top.taskId }) else { return state }
        snapshot.tasks.tasks[index].title += " (edited)"
        return ConsoleReducer.reduce(state, .snapshot(snapshot)).0
    }

    static func grid(_ state: ConsoleState) -> CellGrid {
        ConsoleRenderer.render(state, width: width, height: height, now: LoadedState.now)
    }
}
