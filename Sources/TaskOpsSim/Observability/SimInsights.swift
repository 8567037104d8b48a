import Foundation
import TaskOpsCore

/// The Logs Insights subset the dashboard's log widget needs: `fields`, `filter @message like /re/`
/// or `like "text"`, `sort @timestamp desc|asc`, `limit N`. Queries complete at once.
final class SimInsights {
    private var results: [String: [[(String, String)]]] = [:]
    private var order: [String] = []

    func start(groups: [String], query: String, start: Int64, end: Int64, store: SimLogStore, id: String) {
        var needle: String?
        var descending = true
        var limit = 1000
        for part in query.split(separator: "|").map({ $0.trimmingCharacters(in: .whitespacesAndNewlines) }) {
            if part.hasPrefix("filter"), let range = part.range(of: "like") {
                let pattern = part[range.upperBound...].trimmingCharacters(in: .whitespaces)
                needle = String(pattern.dropFirst().dropLast())
            } else if part.hasPrefix("sort") {
                descending = !part.hasSuffix("asc")
            } else if part.hasPrefix("limit"), let n = Int(part.dropFirst(5).trimmingCharacters(in: .whitespaces)) {
                limit = max(1, min(10_000, n))
            }
        }
        var matched = groups.flatMap { group in store.events(in: group).filter { $0.timestamp >= start * 1000 && $0.timestamp <= end * 1000 } }
        if let needle { matched = matched.filter { $0.message.contains(needle) } }
        matched.sort { descending ? $0.timestamp > $1.timestamp : $0.timestamp < $1.timestamp }
        results[id] = matched.prefix(limit).map { event in
            [("@timestamp", StackTime.pythonISO(Date(timeIntervalSince1970: Double(event.timestamp) / 1000)).replacingOccurrences(of: "T", with: " ")),
             ("@message", event.message), ("@ptr", event.eventId)]
        }
        order.append(id)
        if order.count > 100 { results[order.removeFirst()] = nil }
    }

    func results(_ id: String) -> [[(String, String)]]? { results[id] }
}
