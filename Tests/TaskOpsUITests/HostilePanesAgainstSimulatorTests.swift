import AWSSigV4
import Foundation
import Testing
import TaskOpsAWS
import TaskOpsCore
import TaskOpsService
import TaskOpsSim
import TaskOpsSimServer
import TaskOpsTesting
@testable import TaskOpsUI

/// Hostile strings go into the simulator through its Task API (titles, descriptions, user ids and
/// priorities, which the handlers also write into log lines); the real pollers read them back over
/// loopback; every pane, detail view and raw event view renders them inert and aligned.
@Suite struct HostilePanesAgainstSimulatorTests {
    final class Tick: @unchecked Sendable {
        private let lock = NSLock()
        private var current = Date()
        var now: Date { lock.withLock { current } }
        func advance(_ seconds: TimeInterval) { lock.withLock { current = current.addingTimeInterval(seconds) } }
    }

    static let width = 160, height = 50

    func snapshotFromTheRealService() async throws -> StackSnapshot {
        let clock = ManualSimClock(start: Date().addingTimeInterval(-3600))
        let stack = SimStackFactory.make(.init(seed: 9), clock: clock)
        let server = SimServer(stack: stack)
        let port = try await server.start()
        defer { Task { await server.stop() } }
        let endpoint = "http://127.0.0.1:\(port)"
        let clients = StackClients(region: "us-east-1", endpoints: .resolve(region: "us-east-1", override: endpoint, environment: [:]), apiURL: endpoint + "/dev",
                                   credentials: StaticCredentialsProvider(AWSCredentials(accessKeyId: "AK", secretAccessKey: "S")))
        let api = try #require(clients.tasks)
        let titles = HostileStrings.all.filter { !$0.isEmpty }
        for (index, title) in titles.enumerated() {
            let user = index % 4 == 0 ? String(titles[(index * 13) % titles.count].prefix(300)) : "user\(index)"
            let priority = index % 9 == 0 ? "high" : (index % 4 == 1 ? String(title.prefix(200)) : "low")
            _ = try await api.createTask(TaskDraft(title: title, userId: user, description: title, priority: priority))
        }
        clock.advance(by: 5)
        stack.runDue()
        let store = StackStore()
        var keeping = TaskListKeeper.Settings()
        keeping.limit = 5000
        let keeper = TaskListKeeper(api: api, store: store, settings: keeping)
        try await keeper.poll()
        try await ApprovalsPoller(tasks: api, stepFunctions: clients.stepFunctions, store: store, stateMachineArn: StackNames().stateMachineArn,
                                  taskList: keeper).poll()
        let tick = Tick()
        let events = EventsPoller(logs: clients.logs, store: store, clock: clients.clock, groups: StackNames().allLogGroups, callsPerSecond: 5,
                                  maxPagesPerPoll: 50, local: { tick.now })
        for _ in 0..<(StackNames().allLogGroups.count * 3) {
            tick.advance(10)
            try await events.poll()
        }
        // Every alarm put into a state with a hostile reason (CloudWatch caps reasons at 1023 characters).
        let reasons = HostileStrings.all.filter { !$0.isEmpty }
        for (index, name) in StackNames().alarmNames.enumerated() {
            let reason = String(reasons[(index * 31 + 7) % reasons.count].prefix(1000))
            _ = try await clients.cloudWatch.client.call("SetAlarmState", ["AlarmName": .string(name), "StateValue": .string(index % 2 == 0 ? "ALARM" : "OK"),
                                                                            "StateReason": .string(reason)])
        }
        try await AlarmsPoller(cloudWatch: clients.cloudWatch, store: store, names: StackNames()).poll()
        // A dashboard whose titles, labels and markdown are hostile, put over the wire like any other.
        let hostile = HostileStrings.all.filter { !$0.isEmpty }
        let widgets: [JSONValue] = (0..<12).map { i in
            let text = hostile[(i * 17) % hostile.count], label = hostile[(i * 29 + 3) % hostile.count]
            return i % 3 == 2
                ? .object(["type": .string("text"), "width": .int(8), "height": .int(4), "properties": .object(["markdown": .string("# " + text)])])
                : .object(["type": .string("metric"), "width": .int(8), "height": .int(4), "properties": .object([
                    "title": .string(text), "period": .int(60), "stat": .string("Sum"),
                    "metrics": .array([.array([.string("AWS/Lambda"), .string("Invocations"), .object(["label": .string(label)])])]),
                ])])
        }
        _ = try await clients.cloudWatch.client.call("PutDashboard", ["DashboardName": .string(StackNames().dashboardName),
                                                                       "DashboardBody": .string(JSONWriter.compact(.object(["widgets": .array(widgets)])))])
        try await MetricsPoller(cloudWatch: clients.cloudWatch, logs: clients.logs, store: store, clock: clients.clock, names: StackNames(), apiId: stack.apiId).poll()
        return store.current()
    }

    static func controls(in grid: CellGrid) -> [UInt32] {
        grid.cells.flatMap { $0.text.unicodeScalars.map(\.value) }.filter { value in
            value < 0x20 || (0x7F...0x9F).contains(value) || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
        }
    }

    /// Each screen: no controls in any cell, the right border in the last column of every body row.
    func check(_ state: ConsoleState, _ what: String) async -> CellGrid {
        // Rendering is synchronous work: let the rest of the test run share the thread pool.
        await Task.yield()
        let grid = ConsoleRenderer.render(state, width: Self.width, height: Self.height, now: Date())
        let controls = Self.controls(in: grid)
        #expect(controls.isEmpty, "\(what): controls \(controls.prefix(5)) reached the grid")
        if state.mode == .normal {
            for y in 2..<(Self.height - 3) { #expect(["│", "┐", "┘"].contains(grid[Self.width - 1, y].text), "\(what): row \(y) lost its right border") }
        }
        return grid
    }

    @Test func everyPaneRendersHostileDataInertAndAligned() async throws {
        let snapshot = try await snapshotFromTheRealService()
        #expect(snapshot.tasks.tasks.count == HostileStrings.all.filter { !$0.isEmpty }.count)
        #expect(!snapshot.approvals.pending.isEmpty, "hostile high-priority tasks wait for approval")
        #expect(snapshot.events.events.count > snapshot.tasks.tasks.count, "the handlers' log lines were read")
        #expect(snapshot.metrics.dashboard.widgets.count == 12 && snapshot.metrics.dashboardNote == nil, "the hostile dashboard came over the wire")
        var state = ConsoleState(header: HeaderInfo(stack: "task-manager-dev", region: "us-east-1", endpoint: "http://127.0.0.1/dev", mode: "TEST"))
        state = ConsoleReducer.reduce(state, .snapshot(snapshot)).0
        _ = await check(state, "all four panes")

        // Tasks, zoomed: every row, its columns where the header puts them, and each detail view.
        state.focus = .tasks
        state.zoomed = true
        let rows = PaneRows.tasks(state)
        // Wide: TITLE takes what STATUS 16, PRIORITY 8, USER 12, CREATED 19, UPDATED 19, ID 8 and six gaps leave (88).
        let statusColumn = 1 + (Self.width - 2 - 88) + 1, createdColumn = statusColumn + 16 + 1 + 8 + 1 + 12 + 1
        let visible = Self.height - 3 - 3
        for start in stride(from: 0, to: rows.count, by: visible) {
            state.selection[.tasks] = start
            let grid = await check(state, "tasks from row \(start)")
            let first = scrollStart(selected: start, count: rows.count, height: visible)
            for (offset, task) in rows.dropFirst(first).prefix(visible).enumerated() {
                let y = 3 + offset
                #expect(grid[statusColumn, y].text == String(task.status.prefix(1)), "row \(y): STATUS column moved")
                #expect(grid[createdColumn, y].text == "2" && grid[createdColumn + 1, y].text == "0", "row \(y): CREATED column moved")
            }
        }
        for index in rows.indices where index % 5 == 0 || rows[index].title.count > 1000 {
            state.selection[.tasks] = index
            state.mode = .detail
            _ = await check(state, "task detail \(index)")
        }
        state.mode = .normal

        // Events, parsed and raw, page by page and in detail.
        state.focus = .events
        state.following = false
        let events = PaneRows.events(state)
        for raw in [false, true] {
            state.rawEvents = raw
            for index in stride(from: 0, to: events.count, by: max(20, events.count / 40)) {
                state.selection[.events] = index
                _ = await check(state, "events from \(index), raw \(raw)")
                state.mode = .detail
                _ = await check(state, "event detail \(index)")
                state.mode = .normal
            }
        }

        // Approvals, with a confirmation naming every hostile task.
        state.focus = .approvals
        state.zoomed = false
        _ = await check(state, "approvals")
        state.marked = Set(snapshot.approvals.pending.map(\.task.taskId))
        state = ConsoleReducer.reduce(state, .key(.char("a"))).0
        _ = await check(state, "approval confirmation")
        state = ConsoleReducer.reduce(state, .key(.char("n"))).0
        state.focus = .metrics
        state.zoomed = true
        _ = await check(state, "metrics")
        // The alarms with hostile reasons, each in its detail view.
        #expect(snapshot.alarms.alarms.filter { $0.alarm.stateReason.isEmpty == false && !$0.alarm.stateReason.hasPrefix("Unchecked") }.count == 8,
                "the hostile reasons came over the wire")
        state.zoomed = false
        for index in snapshot.alarms.alarms.indices {
            state.selection[.metrics] = index
            state.mode = .normal
            _ = await check(state, "alarm \(index)")
            state.mode = .detail
            _ = await check(state, "alarm detail \(index)")
        }
    }
}
