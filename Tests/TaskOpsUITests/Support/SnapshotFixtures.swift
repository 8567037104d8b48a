import Foundation
import TaskOpsCore
@testable import TaskOpsUI

/// The fixed stack the render snapshots draw: a dozen tasks of every status, two approvals waiting,
/// events from every source, the deployed dashboard with made-up series and three alarms, all at
/// `Fixtures.now`, so the same code always draws the same screens.
enum SnapshotFixtures {
    static let now = Fixtures.now
    static let statuses = ["pending", "in_progress", "completed", "blocked", "approved", "rejected", "pending_approval"]
    static let priorities = ["low", "medium", "high"]
    static let titles = ["Rotate the API keys", "Write the quarterly report", "Fix the login redirect", "Review the Terraform plan",
                         "Upgrade the Lambda runtime", "Clean up old log groups", "Plan the team offsite", "Renew the TLS certificate",
                         "Answer the audit questions", "Tune the DynamoDB capacity", "Migrate the cron jobs", "Document the on-call rota"]

    static func task(_ n: Int) -> TaskItem {
        let created = StackTime.pythonISO(now.addingTimeInterval(Double(-3600 * (12 - n))))
        let updated = StackTime.pythonISO(now.addingTimeInterval(Double(-60 * (12 - n))))
        return TaskItem(taskId: String(format: "%08x-1111-4000-8000-%012d", 0xA0000 + n * 4099, n), title: titles[n % titles.count],
                        priority: priorities[n % priorities.count], status: statuses[n % statuses.count], userId: ["alice", "bob", "carol"][n % 3],
                        createdAt: created, updatedAt: updated)
    }

    static func event(_ i: Int) -> TaskEvent {
        let kinds: [TaskEventKind] = [.taskCreated, .taskUpdated, .handlerLog, .lambdaLifecycle, .workflow, .taskCompleted, .taskApproved, .taskRejected]
        let sources = ["events", "task-created-handler", "task-updated-handler", "task-completed-handler", "approval-workflow", "api"]
        let kind = kinds[i % kinds.count]
        return TaskEvent(id: "event-\(i)", timestamp: Int64(now.timeIntervalSince1970 * 1000) - Int64(40 - i) * 7_000,
                         logGroup: "/aws/lambda/task-manager-\(sources[i % sources.count])-dev", source: sources[i % sources.count], kind: kind,
                         summary: "\(kind.rawValue) for '\(titles[i % titles.count])' by \(["alice", "bob", "carol"][i % 3])",
                         raw: "{\"detail-type\": \"\(kind.rawValue)\", \"n\": \(i)}")
    }

    static func approval(_ i: Int) -> PendingApproval {
        var task = task(i)
        task.status = "pending_approval"
        task.priority = "high"
        return PendingApproval(task: task, executions: [
            ExecutionInfo(executionArn: "arn:aws:states:us-east-1:123456789012:execution:approval:run-\(i)a", stateMachineArn: "m",
                          name: "approval-\(i)a", status: .running, startDate: now.addingTimeInterval(Double(-90 * (i + 1)))),
            ExecutionInfo(executionArn: "arn:aws:states:us-east-1:123456789012:execution:approval:run-\(i)b", stateMachineArn: "m",
                          name: "approval-\(i)b", status: .running, startDate: now.addingTimeInterval(Double(-90 * (i + 1)))),
        ], waitingSince: now.addingTimeInterval(Double(-90 * (i + 1))))
    }

    static func alarm(_ i: Int) -> AlarmStatus {
        let states: [AlarmState] = [.ok, .alarm, .insufficientData]
        return AlarmStatus(alarm: AlarmInfo(name: "task-manager-\(["api-latency", "lambda-errors", "ddb-throttles"][i])-dev",
                                            description: "Alarm number \(i)", state: states[i], stateReason: "Threshold crossed: \(i) datapoints",
                                            stateUpdated: now.addingTimeInterval(Double(-600 * i)), namespace: "AWS/Lambda", metricName: "Errors",
                                            statistic: "Sum", period: 300, evaluationPeriods: 2, threshold: Double(5 * (i + 1))))
    }

    static func snapshot() throws -> StackSnapshot {
        var snapshot = StackSnapshot()
        snapshot.tasks.tasks = (0..<12).map(task)
        snapshot.approvals.pending = (0..<2).map { approval(20 + $0) }
        snapshot.events.events = (0..<40).map(event)
        let body = try DashboardBodyParser.parse(BuiltInDashboards.deployedBody(StackNames()))
        snapshot.metrics.dashboard = body
        snapshot.metrics.dashboardName = "task-manager-dev"
        snapshot.metrics.placement = DashboardGridLayout.place(body.widgets)
        snapshot.metrics.widgets = body.widgets.enumerated().map { index, widget in
            WidgetData(widgetIndex: index, series: widget.metrics.enumerated().map { offset, row in
                let times = (0..<30).map { now.addingTimeInterval(Double(-60 * (30 - $0))) }
                let values = (0..<30).map { Double(($0 * (index + 3) + offset * 5) % 17) }
                return MetricSeries(label: row.displayLabel, row: row, timestamps: times, values: values,
                                    noDataReason: NoDataExplainer.reason(for: row, names: StackNames()))
            })
        }
        snapshot.alarms.alarms = (0..<3).map(alarm)
        for source in SourceID.allCases {
            let freshness = SourceFreshness(source: source, lastSuccess: now.addingTimeInterval(source == .metrics ? -45 : -2))
            switch source {
            case .tasks: snapshot.tasks.freshness = freshness
            case .events: snapshot.events.freshness = freshness
            case .approvals: snapshot.approvals.freshness = freshness
            case .metrics: snapshot.metrics.freshness = freshness
            case .alarms: snapshot.alarms.freshness = freshness
            }
        }
        snapshot.calls = CallMeterSnapshot(callsLastMinute: ["tasks": 1, "logs": 58, "monitoring": 2, "states": 4], costPerHour: 0.0123)
        return snapshot
    }

    static func state() throws -> ConsoleState {
        let header = HeaderInfo(stack: "task-manager-dev", region: "us-east-1", endpoint: "http://127.0.0.1:8080/dev", mode: "DEMO")
        return ConsoleReducer.reduce(ConsoleState(header: header), .snapshot(try snapshot())).0
    }
}
