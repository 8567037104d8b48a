import Foundation
import TaskOpsAWS
import TaskOpsCore
import TaskOpsService
import TaskOpsSim

/// Real time, defaults: someone else changes a task; how long until the console's snapshot shows it
/// (the records are read every 2 s, then only the changed task).
enum ChangeLatencyFigures {
    enum Change: String, CaseIterable {
        case created, retitled, statusChanged = "status changed", deleted, reachedApproval = "pending_approval reached", decided = "decided by someone else"
    }

    static func run(samples: Int) async -> [Figure] {
        guard let h = try? await SimHarness.start(clock: ScaledSimClock(scale: 1), seed: 61) else {
            return [Figure("change → on screen", measured: "simulator failed to start", target: "–")]
        }
        defer { Task { await h.stop() } }
        let other = TaskAPIClient(baseURL: h.endpoint + "/dev", transport: CurlTransport())
        let service = LiveServiceFigures.makeService(h)
        await service.start()
        defer { Task { await service.stop() } }
        guard await LiveServiceFigures.waitForFullFrame(service) else { return [Figure("change → on screen", measured: "no full frame", target: "–")] }
        var results: [Change: Samples] = [:]
        var missed: [Change: Int] = [:]
        func measure(_ change: Change, write: () async -> Bool, shown: @escaping (StackSnapshot) -> Bool) async {
            try? await Task.sleep(nanoseconds: UInt64(Double.random(in: 0..<2) * 1_000_000_000))
            guard await write() else { missed[change, default: 0] += 1; return }
            let start = CPUTime.wall()
            while CPUTime.wall() - start < 10 {
                if shown(service.snapshot()) { results[change, default: Samples()].add(CPUTime.wall() - start); return }
                try? await Task.sleep(nanoseconds: 2_000_000)
            }
            missed[change, default: 0] += 1
        }
        func task(_ s: StackSnapshot, _ id: String) -> TaskItem? { s.tasks.tasks.first { $0.taskId == id } }
        for i in 0..<samples {
            var id = ""
            await measure(.created, write: {
                guard let t = try? await other.createTask(TaskDraft(title: "latency \(i)", userId: "bench", priority: "low")) else { return false }
                id = t.taskId
                return true
            }, shown: { task($0, id) != nil })
            await measure(.retitled, write: { (try? await other.updateTask(id: id, changes: TaskChanges(title: "retitled \(i)"))) != nil },
                          shown: { task($0, id)?.title == "retitled \(i)" })
            await measure(.statusChanged, write: { (try? await other.updateTask(id: id, changes: TaskChanges(status: "in_progress"))) != nil },
                          shown: { task($0, id)?.status == "in_progress" })
            await measure(.deleted, write: { (try? await other.deleteTask(id: id)) != nil }, shown: { task($0, id) == nil })
            var waiting = ""
            await measure(.reachedApproval, write: {
                guard let t = try? await other.createTask(TaskDraft(title: "approve me \(i)", userId: "bench", priority: "high")) else { return false }
                waiting = t.taskId
                return true
            }, shown: { task($0, waiting)?.status == TaskStatus.pendingApproval && $0.approvals.pending.contains { $0.task.taskId == waiting } })
            await measure(.decided, write: { (try? await other.updateTask(id: waiting, changes: TaskChanges(status: "approved"))) != nil },
                          shown: { s in !s.approvals.pending.contains { $0.task.taskId == waiting } && task(s, waiting)?.status == "approved" })
        }
        let limit = ServiceSettings().eventsInterval + 0.05
        return Change.allCases.map { change in
            let samples = results[change] ?? Samples()
            let missing = missed[change].map { " (\($0) not shown in 10 s)" } ?? ""
            return Figure("change → on screen: \(change.rawValue) (defaults, real time)",
                          measured: Format.minMedian(samples, scale: 1000, unit: "ms", digits: 0) + ", max " + Format.number(samples.max * 1000, digits: 0) + " ms" + missing,
                          target: "≤ 2 s + 50 ms", meetsTarget: samples.max <= limit && missing.isEmpty)
        }
    }
}
