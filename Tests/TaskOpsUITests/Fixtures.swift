import Foundation
import TaskOpsCore
import TaskOpsUI

enum Fixtures {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)

    static func task(_ n: Int, status: String = "pending", priority: String = "medium", title: String? = nil) -> TaskItem {
        let created = StackTime.pythonISO(now.addingTimeInterval(Double(n)))
        return TaskItem(taskId: String(format: "%08d-0000-4000-8000-000000000000", n), title: title ?? "Task number \(n)", priority: priority,
                        status: status, userId: "user\(n % 3)", createdAt: created, updatedAt: created)
    }

    static func event(_ i: Int) -> TaskEvent {
        let timestamp: Int64 = 1_795_000_000_000 + Int64(i) * 1000
        let kind: TaskEventKind = i % 2 == 0 ? .taskCreated : .taskUpdated
        return TaskEvent(id: "e\(i)", timestamp: timestamp, logGroup: "/aws/events/task-manager-dev", source: "events",
                         kind: kind, summary: "event \(i)", raw: "{}")
    }

    static func state(tasks: Int = 5, pending: Int = 2) -> ConsoleState {
        var state = ConsoleState(header: HeaderInfo(stack: "task-manager-dev", region: "us-east-1", endpoint: "http://127.0.0.1:1/dev", mode: "DEMO"))
        var snapshot = StackSnapshot()
        snapshot.tasks.tasks = (0..<tasks).map { task($0) }
        snapshot.tasks.freshness.lastSuccess = now
        snapshot.approvals.pending = (0..<pending).map { i in
            PendingApproval(task: task(100 + i, status: "pending_approval", priority: "high", title: "Deploy \(i)"),
                            executions: [ExecutionInfo(executionArn: "arn:e\(i)a", stateMachineArn: "m", name: "approval-\(i)", status: .running, startDate: now),
                                         ExecutionInfo(executionArn: "arn:e\(i)b", stateMachineArn: "m", name: "x\(i)", status: .running, startDate: now)],
                            waitingSince: now.addingTimeInterval(Double(-60 * (i + 1))))
        }
        snapshot.approvals.freshness.lastSuccess = now
        snapshot.events.events = (0..<30).map(event)
        state = ConsoleReducer.reduce(state, .snapshot(snapshot)).0
        return state
    }
}
