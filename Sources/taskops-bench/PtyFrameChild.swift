import Foundation
import TaskOpsUI

/// The child side of the pty byte count: starts curses on its terminal, draws a scene's frames
/// through `NcursesScreen` and ends curses. The parent counts what reached the pty.
enum PtyFrameChild {
    enum Scene: String, CaseIterable {
        /// Curses started and ended, nothing drawn: the fixed cost the others subtract.
        case none
        /// One full frame.
        case full
        /// The full frame, then the same frame again.
        case unchanged
        /// The full frame, then the frame with one task row changed.
        case oneRow = "one-row"
    }

    static func run(_ scene: Scene) {
        let state = FrameScenes.loaded()
        let full = FrameScenes.grid(state)
        let changed = FrameScenes.grid(FrameScenes.oneRowChanged(state))
        let screen = NcursesScreen(colorMode: "always", environment: ProcessInfo.processInfo.environment)
        switch scene {
        case .none: break
        case .full: screen.draw(full)
        case .unchanged: screen.draw(full); screen.draw(full)
        case .oneRow: screen.draw(full); screen.draw(changed)
        }
        screen.stop()
    }
}
