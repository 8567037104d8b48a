import Foundation
import TaskOpsCore

/// Alarms on top, then the dashboard's widgets on CloudWatch's 24-column grid scaled to the pane.
enum MetricsPane {
    static func render(_ state: ConsoleState, into grid: inout CellGrid, frame: Frame) {
        let metrics = state.snapshot.metrics
        let alarms = state.snapshot.alarms.alarms
        let inAlarm = alarms.filter { $0.alarm.state == .alarm }.count
        grid.box(frame, title: "4 Metrics \(metrics.dashboardName) · alarms \(inAlarm)/\(alarms.count) in ALARM",
                 focused: state.focus == .metrics, ascii: state.ascii)
        let x = frame.x + 1, maxX = frame.x + frame.width - 1
        var y = frame.y + 1
        let bottom = frame.y + frame.height - 1
        let geometry = PaneGeometry.rows(.metrics, state, frame: frame, count: alarms.count)
        let (alarmRows, start) = (geometry.visible, geometry.start)
        for (offset, status) in alarms.dropFirst(start).prefix(alarmRows).enumerated() where y < bottom {
            let alarm = status.alarm
            let role: Role = alarm.state == .alarm ? .error : (alarm.state == .ok ? .ok : .warn)
            let condition = "\(alarm.metricName) \(alarm.statistic) > \(format(alarm.threshold))"
            let reason = status.noDataReason.map { "never has data: \($0)" } ?? alarm.stateReason
            let selected = start + offset == state.selected(.metrics) && state.focus == .metrics
            grid.row([(alarm.state.rawValue, 17), (shortName(alarm.name, state), 24), (condition, 28), (reason, max(0, frame.innerWidth - 72))],
                     x: x, y: y, maxX: maxX, role: role, reverse: selected)
            y += 1
        }
        if alarms.isEmpty { grid.put("alarms: loading…", x: x, y: y, maxX: maxX, role: .dim); y += 1 }
        if let note = metrics.dashboardNote, y < bottom { grid.put(note, x: x, y: y, maxX: maxX, role: .warn); y += 1 }
        renderWidgets(metrics, state, into: &grid, area: Frame(x: x, y: y, width: maxX - x, height: bottom - y))
    }

    static func renderWidgets(_ metrics: MetricsSnapshot, _ state: ConsoleState, into grid: inout CellGrid, area: Frame) {
        guard area.width > 10, area.height > 2, !metrics.placement.isEmpty else {
            if area.height > 0 { grid.put(metrics.placement.isEmpty ? "dashboard: loading…" : "", x: area.x, y: area.y, maxX: area.x + area.width, role: .dim) }
            return
        }
        let gridRows = metrics.placement.map { $0.y + $0.height }.max() ?? 1
        // A grid row unit is about two terminal lines at CloudWatch's proportions: up to two when the
        // pane has room (charts), down to half a line (one-row sparklines) when it does not.
        let unit = max(0.5, min(2.0, Double(area.height) / Double(gridRows)))
        for placed in metrics.placement {
            guard metrics.dashboard.widgets.indices.contains(placed.index) else { continue }
            let widget = metrics.dashboard.widgets[placed.index]
            let frame = Frame(x: area.x + placed.x * area.width / 24, y: area.y + Int(Double(placed.y) * unit),
                              width: max(4, placed.width * area.width / 24), height: max(3, Int(Double(placed.height) * unit)))
            guard frame.y + frame.height <= area.y + area.height else { continue }
            grid.box(frame, title: widget.title.isEmpty ? widget.typeName : widget.title, focused: false, ascii: state.ascii)
            let data = metrics.widgets.first { $0.widgetIndex == placed.index }
            switch widget.kind {
            case .metric: metricWidget(data, state, into: &grid, frame: frame)
            case .log: logWidget(data, into: &grid, frame: frame)
            case .text: textWidget(widget.markdown ?? "", into: &grid, frame: frame)
            case .alarm: alarmWidget(widget.alarms, state, into: &grid, frame: frame)
            default: grid.put("(\(widget.typeName) widget)", x: frame.x + 1, y: frame.y + 1, maxX: frame.x + frame.width - 1, role: .dim)
            }
        }
    }

    static func metricWidget(_ data: WidgetData?, _ state: ConsoleState, into grid: inout CellGrid, frame: Frame) {
        let series = data?.series ?? []
        if data?.note == nil, !series.isEmpty, LineChart.fits(series, frame) {
            LineChart.render(series, glyphs: state.chartGlyphs, into: &grid, frame: frame)
            return
        }
        sparklineRows(data, state, into: &grid, frame: frame)
    }

    /// One row per series (label, sparkline, latest) when the widget is too small for a chart.
    static func sparklineRows(_ data: WidgetData?, _ state: ConsoleState, into grid: inout CellGrid, frame: Frame) {
        let series = data?.series ?? []
        let maxX = frame.x + frame.width - 1
        for (i, s) in series.prefix(frame.innerHeight).enumerated() {
            let y = frame.y + 1 + i
            let role = [Role.series1, .series2, .series3, .series4][i % 4]
            let labelWidth = min(16, frame.innerWidth / 3)
            grid.put(CellGrid.truncate(Sanitizer.clean(s.label), to: labelWidth), x: frame.x + 1, y: y, maxX: maxX, role: role, sanitize: false)
            let chartX = frame.x + 2 + labelWidth
            if let reason = s.noDataReason {
                grid.put("no data: " + reason, x: chartX, y: y, maxX: maxX, role: .dim)
            } else if s.values.isEmpty {
                grid.put("no datapoints yet", x: chartX, y: y, maxX: maxX, role: .dim)
            } else {
                let latest = format(s.latest ?? 0)
                let chartWidth = max(0, maxX - chartX - DisplayWidth.of(latest) - 1)
                grid.put(Sparkline.render(s.values, width: chartWidth, ascii: state.chartGlyphs == .ascii), x: chartX, y: y, maxX: chartX + chartWidth, role: role, sanitize: false)
                grid.put(latest, x: maxX - DisplayWidth.of(latest), y: y, maxX: maxX, role: .normal, bold: true)
            }
        }
        if let note = data?.note { grid.put(note, x: frame.x + 1, y: frame.y + frame.height - 2, maxX: maxX, role: .warn) }
    }

    /// An alarm status widget: each listed alarm (by ARN or name) with its current state.
    static func alarmWidget(_ arns: [String], _ state: ConsoleState, into grid: inout CellGrid, frame: Frame) {
        let maxX = frame.x + frame.width - 1
        let known = state.snapshot.alarms.alarms
        for (i, arn) in arns.prefix(frame.innerHeight).enumerated() {
            let name = arn.split(separator: ":").last.map(String.init) ?? arn
            let status = known.first { $0.alarm.arn == arn || $0.alarm.name == name }
            let alarmState = status?.alarm.state.rawValue ?? "UNKNOWN"
            let role: Role = status?.alarm.state == .alarm ? .error : (status?.alarm.state == .ok ? .ok : .warn)
            grid.row([(alarmState, 17), (shortName(name, state), max(0, frame.innerWidth - 18))], x: frame.x + 1, y: frame.y + 1 + i, maxX: maxX, role: role)
        }
        if arns.isEmpty { grid.put("no alarms listed", x: frame.x + 1, y: frame.y + 1, maxX: maxX, role: .dim) }
    }

    /// Markdown shown as plain lines: headings and emphasis marks dropped, links as their text.
    static func textWidget(_ markdown: String, into grid: inout CellGrid, frame: Frame) {
        let maxX = frame.x + frame.width - 1
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var text = String(line).trimmingCharacters(in: .whitespaces)
            while text.hasPrefix("#") { text.removeFirst() }
            text = text.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "__", with: "")
            if let open = text.firstIndex(of: "["), let close = text[open...].firstIndex(of: "]"), text[close...].hasPrefix("](") {
                let label = text[text.index(after: open)..<close]
                if let end = text[close...].firstIndex(of: ")") { text.replaceSubrange(open...end, with: label) }
            }
            return text.trimmingCharacters(in: .whitespaces)
        }
        for (i, line) in lines.prefix(frame.innerHeight).enumerated() {
            grid.put(line, x: frame.x + 1, y: frame.y + 1 + i, maxX: maxX, bold: i == 0 && markdown.hasPrefix("#"))
        }
    }

    static func logWidget(_ data: WidgetData?, into grid: inout CellGrid, frame: Frame) {
        let maxX = frame.x + frame.width - 1
        guard let data else { grid.put("loading…", x: frame.x + 1, y: frame.y + 1, maxX: maxX, role: .dim); return }
        if data.logRows.isEmpty {
            grid.put(data.note ?? "no matching rows", x: frame.x + 1, y: frame.y + 1, maxX: maxX, role: .dim)
            return
        }
        for (i, row) in data.logRows.prefix(frame.innerHeight).enumerated() {
            grid.put(row.joined(separator: "  "), x: frame.x + 1, y: frame.y + 1 + i, maxX: maxX)
        }
    }

    /// `task-manager-lambda-errors-dev` → `lambda-errors`: the stack's name is in the header already.
    static func shortName(_ name: String, _ state: ConsoleState) -> String {
        var text = name
        let stack = state.header.stack
        if text.hasPrefix(stack + "-") { return String(text.dropFirst(stack.count + 1)) }
        if let dash = stack.lastIndex(of: "-") {
            let project = String(stack[..<dash]), env = String(stack[stack.index(after: dash)...])
            if text.hasPrefix(project + "-") && text.hasSuffix("-" + env) && text.count > project.count + env.count + 2 {
                text = String(text.dropFirst(project.count + 1).dropLast(env.count + 1))
            }
        }
        return text
    }

    static func format(_ value: Double) -> String {
        if value == value.rounded() && abs(value) < 1e9 { return String(Int(value)) }
        return String(format: abs(value) >= 100 ? "%.0f" : "%.2f", value)
    }
}

/// One-line charts: eighth blocks, or ASCII levels when the terminal cannot show them.
enum Sparkline {
    static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    static let asciiLevels: [Character] = ["_", ".", "-", "~", "=", "+", "*", "#"]

    static func render(_ values: [Double], width: Int, ascii: Bool) -> String {
        guard width > 0, !values.isEmpty else { return "" }
        let shown = Array(values.suffix(width))
        let low = min(0, shown.min() ?? 0), high = shown.max() ?? 0
        let glyphs = ascii ? asciiLevels : blocks
        return String(shown.map { value in
            guard high > low else { return glyphs[0] }
            let level = Int(((value - low) / (high - low)) * Double(glyphs.count - 1))
            return glyphs[min(glyphs.count - 1, max(0, level))]
        })
    }
}
