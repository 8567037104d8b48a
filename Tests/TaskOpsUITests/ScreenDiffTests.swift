import Foundation
import Testing
import TaskOpsCore
@testable import TaskOpsUI

@Suite struct ScreenDiffTests {
    @Test func unchangedFramesWriteNothingAndOneRowWritesLittle() {
        let state = Fixtures.state(tasks: 40, pending: 2)
        let screen = MemoryScreen(width: 200, height: 60)
        let full = screen.draw(ConsoleRenderer.render(state, width: 200, height: 60, now: Fixtures.now))
        #expect(screen.draw(ConsoleRenderer.render(state, width: 200, height: 60, now: Fixtures.now)) == 0)
        var snapshot = state.snapshot
        snapshot.tasks.tasks[39].title = "renamed"
        let changed = ConsoleReducer.reduce(state, .snapshot(snapshot)).0
        let written = screen.draw(ConsoleRenderer.render(changed, width: 200, height: 60, now: Fixtures.now))
        #expect(written > 0 && written * 50 <= full, "one row: \(written) of \(full) cells")
    }
}
