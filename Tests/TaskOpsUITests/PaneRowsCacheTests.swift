import Foundation
import Testing
import TaskOpsCore
@testable import TaskOpsUI

@Suite struct PaneRowsCacheTests {
    @Test func framesReuseTheSortUntilTheTasksOrSortChange() {
        var state = Fixtures.state(tasks: 50, pending: 0)
        let before = state.rowsCache.computations
        for _ in 0..<5 { _ = ConsoleRenderer.render(state, width: 200, height: 60, now: Fixtures.now) }
        #expect(state.rowsCache.computations - before <= 1, "five frames of one snapshot sort once at most")
        state.taskSort = .title
        _ = ConsoleRenderer.render(state, width: 200, height: 60, now: Fixtures.now)
        _ = ConsoleRenderer.render(state, width: 200, height: 60, now: Fixtures.now)
        #expect(state.rowsCache.computations - before <= 2)
    }

    @Test func aChangedTaskIsNeverServedFromTheCache() {
        let state = Fixtures.state(tasks: 5, pending: 0)
        #expect(PaneRows.tasks(state).first?.title == "Task number 4")
        var changed = state
        changed.snapshot.tasks.tasks[4].title = "renamed"
        #expect(PaneRows.tasks(changed).first?.title == "renamed")
        #expect(PaneRows.tasks(state).first?.title == "Task number 4", "the old state still shows its own tasks")
    }

    @Test func sortsMatchTheirKeysWithTiesInApiOrder() {
        var state = Fixtures.state(tasks: 6, pending: 0)
        state.taskSort = .user
        let rows = Array(PaneRows.tasks(state))
        #expect(rows.map(\.userId) == ["user0", "user0", "user1", "user1", "user2", "user2"])
        #expect(rows[0].createdAt > rows[1].createdAt, "newest first within a user")
        state.filters[.tasks] = "number 3"
        #expect(PaneRows.tasks(state).map(\.title) == ["Task number 3"])
    }

    @Test func eventFiltersAreCachedPerEventsArray() {
        var state = Fixtures.state()
        state.filters[.events] = "event 1"
        let rows = PaneRows.events(state)
        #expect(rows.allSatisfy { $0.summary.contains("event 1") } && rows.count == 11)
        let before = state.rowsCache.computations
        _ = PaneRows.events(state)
        #expect(state.rowsCache.computations == before)
    }
}
