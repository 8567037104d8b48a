import Foundation
import TaskOpsCore

/// Help, detail views and confirmations drawn over the panes.
enum Overlays {
    static func render(_ state: ConsoleState, into grid: inout CellGrid, width: Int, height: Int, now: Date) {
        switch state.mode {
        case .help: box(helpLines, title: "Keys", into: &grid, width: width, height: height, state: state)
        case .detail: box(detailLines(state), title: "Detail (Esc closes)", into: &grid, width: width, height: height, state: state)
        case .confirm(let confirmation):
            box([question(confirmation, state), "", "y confirms, any other key cancels"], title: "Confirm", into: &grid, width: width, height: height, state: state)
        case .form(let form): TaskFormView.render(form, into: &grid, width: width, height: height, ascii: state.ascii)
        default: break
        }
    }

    static let helpLines = [
        "Tab / Shift-Tab   next / previous pane        1 2 3 4   Tasks Events Approvals Metrics",
        "↑ ↓  j k          move                         PgUp PgDn g G   page, top, bottom",
        "Enter             detail                       Esc        close / clear filter",
        "z                 zoom the pane                /          filter the pane",
        "n / e             new task / edit the task     d          delete the task (asks first)",
        "s                 sort tasks                   Esc        close / clear filter",
        "space             mark an approval             a / r      approve / reject selected or marked",
        "f                 follow new events            w          raw log lines",
        ":tasks :events :approvals :metrics   :refresh   :readonly   :dashboard stack|deployed   :q",
        ":theme NAME   :charts braille|blocks|ascii   :filter status=S user=U (tasks)",
        "q                 quit                         ?          this help",
    ]

    static func question(_ confirmation: Confirmation, _ state: ConsoleState) -> String {
        switch confirmation {
        case .decide(let decision, let ids):
            let titles = state.snapshot.approvals.pending.filter { ids.contains($0.task.taskId) }.map { "'\($0.task.title)'" }
            let verb = decision == .approve ? "Approve" : "Reject"
            return "\(verb) \(ids.count) task\(ids.count == 1 ? "" : "s") (status → \(decision.rawValue)): \(titles.joined(separator: ", "))?"
        case .delete(let id):
            let title = state.snapshot.tasks.tasks.first { $0.taskId == id }?.title ?? id
            return "Delete task '\(title)' (\(id))? This cannot be undone."
        }
    }

    static func detailLines(_ state: ConsoleState) -> [String] {
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

    static func box(_ lines: [String], title: String, into grid: inout CellGrid, width: Int, height: Int, state: ConsoleState) {
        let w = min(width - 4, max(40, (lines.map { DisplayWidth.of(Sanitizer.clean($0)) }.max() ?? 0) + 4))
        let wrapped = lines.flatMap { wrap(Sanitizer.clean($0), width: max(1, w - 4)) }
        let h = min(height - 2, wrapped.count + 2)
        let frame = Frame(x: (width - w) / 2, y: (height - h) / 2, width: w, height: h)
        grid.fill(x: frame.x, y: frame.y, width: frame.width, height: frame.height)
        grid.box(frame, title: title, focused: true, ascii: state.ascii)
        for (i, line) in wrapped.prefix(frame.innerHeight).enumerated() {
            grid.put(line, x: frame.x + 2, y: frame.y + 1 + i, maxX: frame.x + frame.width - 1, sanitize: false)
        }
    }

    /// Splits a sanitized line into pieces of at most `width` columns (wide characters never split).
    static func wrap(_ line: String, width: Int) -> [String] {
        guard DisplayWidth.of(line) > width else { return [line] }
        var pieces: [String] = []
        var current = ""
        var used = 0
        for character in line {
            let w = DisplayWidth.of(character)
            if used + w > width && !current.isEmpty {
                pieces.append(current)
                current = ""
                used = 0
            }
            current.append(character)
            used += w
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces
    }
}
