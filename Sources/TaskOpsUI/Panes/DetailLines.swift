import Foundation
import TaskOpsCore

/// What the detail overlay shows for the selected row of the focused pane: a task's JSON, an
/// event's record, an approval's executions and their paths, an alarm's definition and state.
enum DetailLines {
    static func of(_ state: ConsoleState) -> [String] {
        switch state.focus {
        case .tasks:
            let rows = PaneRows.tasks(state)
            guard rows.indices.contains(state.selected(.tasks)) else { return [] }
            return JSONWriter.pretty(.object(rows[state.selected(.tasks)].raw)).split(separator: "\n").map(String.init)
        case .events:
            let rows = PaneRows.events(state)
            guard rows.indices.contains(state.selected(.events)) else { return [] }
            let event = rows[state.selected(.events)]
            var lines = ["\(event.kind.rawValue) from \(event.logGroup)", "eventId \(event.id)", ""]
            if let detail = event.detail { lines += JSONWriter.pretty(detail).split(separator: "\n").map(String.init) } else { lines.append(event.raw) }
            return lines
        case .approvals:
            let rows = PaneRows.approvals(state)
            guard rows.indices.contains(state.selected(.approvals)) else { return [] }
            let item = rows[state.selected(.approvals)]
            var lines = ["\(item.task.title)  (\(item.task.taskId))", "priority \(item.task.priority) · user \(item.task.userId) · status \(item.task.status)", ""]
            for execution in item.executions {
                lines.append("execution \(execution.name): \(execution.status.rawValue) since \(StackTime.isoMillisZ(execution.startDate))")
                lines.append("  " + executionLink(execution.executionArn, region: state.header.region))
                switch state.executionPaths[execution.executionArn] {
                case .path(let path): lines.append("  path: " + path.summary)
                case .failed(let why): lines.append("  path: cannot be read: " + why)
                case nil: lines.append("  path: loading…")
                }
            }
            return lines
        case .metrics:
            let alarms = state.snapshot.alarms.alarms
            guard alarms.indices.contains(state.selected(.metrics)) else { return [] }
            let a = alarms[state.selected(.metrics)].alarm
            return [a.name, a.description, "state \(a.state.rawValue) since \(StackTime.isoMillisZ(a.stateUpdated))", a.stateReason,
                    "\(a.namespace) \(a.metricName) \(a.statistic) \(a.comparisonOperator) \(a.threshold) over \(a.evaluationPeriods)×\(a.period)s",
                    "dimensions: " + a.dimensions.map { "\($0.name)=\($0.value)" }.joined(separator: ", ")]
        }
    }

    /// The AWS console page of an execution, to open in a browser.
    static func executionLink(_ arn: String, region: String) -> String {
        "https://\(region).console.aws.amazon.com/states/home?region=\(region)#/v2/executions/details/\(arn)"
    }
}
