import Foundation
import TaskOpsCore
import TaskOpsService
import TaskOpsUI

/// Console state loaded the way the pollers load it: tasks decoded from API JSON, events parsed
/// from log lines into the bounded event buffer, a dashboard with three hours of points.
enum LoadedState {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)
    static let names = StackNames()

    static func header() -> HeaderInfo {
        HeaderInfo(stack: "task-manager-dev", region: "us-east-1", endpoint: "http://127.0.0.1:8080/dev", mode: "DEMO")
    }

    static func state(tasks: Int, events: Int) -> ConsoleState {
        let state = ConsoleState(header: header())
        return ConsoleReducer.reduce(state, .snapshot(snapshot(tasks: tasks, events: events))).0
    }

    static func snapshot(tasks taskCount: Int, events eventCount: Int) -> StackSnapshot {
        var snapshot = StackSnapshot()
        snapshot.tasks.tasks = TaskItem.items(from: (0..<taskCount).lazy.compactMap(taskObject))
        snapshot.tasks.freshness.lastSuccess = now
        var buffer = EventBuffer(capacity: 100_000)
        let batch = 1000
        for start in stride(from: 0, to: eventCount, by: batch) {
            buffer.insert(LogLineParser.parse((start..<min(eventCount, start + batch)).map(logEvent)))
        }
        snapshot.events.events = buffer.events
        snapshot.events.freshness.lastSuccess = now
        snapshot.approvals.pending = (0..<min(20, taskCount)).compactMap { i in
            task(i).map { PendingApproval(task: $0, executions: [], waitingSince: now.addingTimeInterval(Double(-30 * i))) }
        }
        snapshot.approvals.freshness.lastSuccess = now
        snapshot.metrics = metrics()
        return snapshot
    }

    static let statuses = ["pending", "in_progress", "completed", "pending_approval", "approved", "rejected", "blocked"]
    static let priorities = ["low", "medium", "high"]

    static func task(_ n: Int) -> TaskItem? { taskObject(n).flatMap(TaskItem.init(json:)) }

    /// A task as the Task API returns it (decoded into tasks through the same path as the Task API client).
    static func taskObject(_ n: Int) -> JSONObject? {
        // Microseconds as the API writes them (Python drops the fraction only when it is zero).
        let created = StackTime.pythonISO(now.addingTimeInterval(Double(-n) - Double(n % 997 + 1) / 1009))
        let json = """
            {"taskId":"\(uuid(n))","title":"Task \(n): rotate credentials for service \(n % 97)","description":"Generated for the benchmark",\
            "priority":"\(priorities[n % 3])","status":"\(statuses[n % statuses.count])","userId":"user-\(n % 40)",\
            "createdAt":"\(created)","updatedAt":"\(created)","tags":["bench","ops"],"metadata":{"source":"bench"}}
            """
        return (try? JSONParser.parse(json))?.objectValue
    }

    static func uuid(_ n: Int) -> String { String(format: "%08lx-1b2c-4d3e-8f40-%012lx", n, (n &* 2_654_435_761) & 0xFFFF_FFFF_FFFF) }

    /// Alternates EventBridge records (JSON) and handler log lines, as the stack's groups do, with
    /// CloudWatch's 56-digit event ids.
    static func logEvent(_ i: Int) -> LogEvent {
        let timestamp = Int64(now.timeIntervalSince1970 * 1000) - Int64(100_000 - i) * 50
        let id = String(timestamp) + String(repeating: "0", count: 34) + String(format: "%09d", i)
        if i % 2 == 0 {
            let message = """
                {"version":"0","id":"\(uuid(i))","detail-type":"TaskCreated","source":"task-manager.tasks","account":"123456789012",\
                "time":"2026-11-20T10:00:00Z","region":"us-east-1","resources":[],"detail":{"taskId":"\(uuid(i / 2))","title":"Task \(i / 2)",\
                "priority":"high","userId":"user-\(i % 40)"}}
                """
            return delivered(id: id, group: "/aws/events/task-manager-dev", timestamp: timestamp, message: message)
        }
        return delivered(id: id, group: "/aws/lambda/task-manager-update-task-dev", timestamp: timestamp,
                         message: "Task \(uuid(i / 2)) updated: pending -> in_progress\n")
    }

    /// The event as the Logs client hands it over: its strings decoded from the answer's JSON.
    static func delivered(id: String, group: String, timestamp: Int64, message: String) -> LogEvent {
        func decoded(_ text: String) -> String { (try? JSONParser.parse(JSONWriter.compact(.string(text))))?.stringValue ?? text }
        return LogEvent(eventId: decoded(id), logGroup: group, logStream: "s", timestamp: timestamp, ingestionTime: timestamp, message: decoded(message))
    }

    static func metrics() -> MetricsSnapshot {
        let body = BuiltInDashboards.stackDashboard(names, apiId: "a1b2c3d4e5")
        let widgets = body.widgets.enumerated().map { w, widget in
            WidgetData(widgetIndex: w, series: widget.metrics.map { row in
                let times = (0..<36).map { now.addingTimeInterval(Double($0 - 36) * 300) }
                return MetricSeries(label: row.displayLabel, row: row, timestamps: times, values: times.indices.map { Double(($0 * 7) % 13) })
            })
        }
        var metrics = MetricsSnapshot(source: .stack, dashboardName: "stack (built-in)", dashboard: body,
                                      placement: DashboardGridLayout.place(body.widgets), widgets: widgets)
        metrics.freshness.lastSuccess = now
        return metrics
    }
}
