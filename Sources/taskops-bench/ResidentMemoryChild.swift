import Foundation
import Glibc
import TaskOpsCore
import TaskOpsService
import TaskOpsUI

/// The child side of the RSS figure: holds a loaded store and console state, draws one frame, and
/// prints its resident size before and after returning freed heap to the system.
enum ResidentMemoryChild {
    static func run(tasks: Int, events: Int) {
        // The console's process sets this first (ConsoleLauncher).
        HeapPolicy.giveBackLargeBlocksWhenFreed()
        let store = StackStore()
        let snapshot = LoadedState.snapshot(tasks: tasks, events: events)
        store.update { $0 = snapshot }
        let state = ConsoleReducer.reduce(ConsoleState(header: LoadedState.header()), .snapshot(store.current())).0
        let grid = ConsoleRenderer.render(state, width: 200, height: 60, now: LoadedState.now)
        let resident = ProcFile.residentBytes() ?? 0
        returnFreedHeap()
        let trimmed = ProcFile.residentBytes() ?? 0
        print("\(resident) \(trimmed) \(grid.cells.count) \(state.snapshot.tasks.tasks.count + state.snapshot.events.events.count)")
    }

    /// glibc's malloc_trim(0), which Swift's Glibc module does not export.
    static func returnFreedHeap() {
        typealias Trim = @convention(c) (Int) -> Int32
        guard let symbol = dlsym(nil, "malloc_trim") else { return }
        _ = unsafeBitCast(symbol, to: Trim.self)(0)
    }
}
