import Foundation
import TaskOpsCore

/// Freshness per source, API calls per minute and CloudWatch cost on one line; key hints below it
/// (drawn from the key table by `KeyHints`).
enum StatusLine {
    static func render(_ state: ConsoleState, into grid: inout CellGrid, y: Int, width: Int, now: Date) {
        let s = state.snapshot
        // An 80-column terminal (most SSH sessions) keeps the load figure whole with single gaps.
        let compact = width < Self.compactBelow
        let gap = compact ? " " : "  "
        var x = 0
        for freshness in [s.tasks.freshness, s.events.freshness, s.approvals.freshness, s.metrics.freshness, s.alarms.freshness] {
            let (text, role) = describe(freshness, now: now)
            x = grid.put("\(freshness.source.rawValue) \(text)", x: x, y: y, maxX: width, role: role)
            if freshness.source == .tasks, let (watch, watchRole) = describe(s.tasks.watch) {
                x = grid.put(" " + watch, x: x, y: y, maxX: width, role: watchRole)
            }
            if freshness.source == .events, let late = lateArrivals(s.events.readHealth, now: now) {
                x = grid.put(" " + late, x: x, y: y, maxX: width, role: .warn)
            }
            x = grid.put(gap, x: x, y: y, maxX: width)
        }
        x = grid.put(footprint(s.calls, compact: compact), x: x, y: y, maxX: width, role: .dim)
        let hints = KeyHints.line(state, width: width)
        grid.put(hints, x: 0, y: y + 1, maxX: width, role: state.flash != nil && state.mode == .normal ? .accent : .dim)
    }

    static let compactBelow = 100

    /// The console's own load on the stack: Task API and AWS requests in the last minute, cost per hour.
    static func footprint(_ calls: CallMeterSnapshot, compact: Bool = false) -> String {
        let api = calls.callsLastMinute["tasks"] ?? 0
        let aws = calls.callsLastMinute.filter { $0.key != "tasks" }.values.reduce(0, +)
        let cost = String(format: "$%.4f/h", calls.costPerHour)
        return compact ? "API \(api) AWS \(aws)/min \(cost)" : "load API \(api)/min AWS \(aws)/min \(cost)"
    }

    /// Said only when the task list is not simply kept from records: polled (and why), or drifted.
    static func describe(_ watch: TaskWatchStatus) -> (String, Role)? {
        var parts: [String] = []
        if case .polling = watch.mode { parts.append("polled") }
        if watch.drift > 0 { parts.append("drift \(watch.drift)") }
        return parts.isEmpty ? nil : (parts.joined(separator: " "), .warn)
    }

    /// Said for ten minutes after an event arrived later than the events' overlap window allowed:
    /// others like it may have been missed (the window has been widened since).
    static func lateArrivals(_ health: EventReadHealth, now: Date) -> String? {
        guard health.lateWarning(now: now) != nil else { return nil }
        return "late \(Saturating.int(health.lastLateDelay))s (window \(Saturating.int(health.window))s)"
    }

    static func describe(_ freshness: SourceFreshness, now: Date) -> (String, Role) {
        if let error = freshness.lastError {
            let age = freshness.age(now: now).map { "\(Saturating.int($0))s old" } ?? "no data"
            let retry = freshness.nextPoll.map { " retry \(max(0, Saturating.int($0.timeIntervalSince(now))))s" } ?? ""
            return ("✗ \(error.code) \(age)\(retry)", error.kind == .throttled ? .warn : .error)
        }
        guard let age = freshness.age(now: now) else { return ("…", .dim) }
        return ("\(Saturating.int(age))s", age > 120 ? .warn : .ok)
    }
}
