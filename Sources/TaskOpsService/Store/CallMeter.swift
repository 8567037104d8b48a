import Foundation
import TaskOpsCore

/// Counts the console's own requests and what they cost the stack it watches (`Footprint`), and
/// remembers the Task API's request ids so the access-log lines they cause can be told apart.
public final class CallMeter: @unchecked Sendable {
    private let lock = NSLock()
    private var recent: [(at: Date, call: CallRecord, billedMillis: Double)] = []
    private var totals: [String: Int] = [:]
    private var billedMillis: [String: Double] = [:]
    private var ownRequests = RecentSet<String>(capacity: 4096)
    private let started: Date
    private let now: @Sendable () -> Date
    /// The window the rates are measured over.
    public static let window: TimeInterval = 3600

    public init(now: @escaping @Sendable () -> Date = { Date() }) {
        self.now = now
        started = now()
    }

    /// The function a Task API operation invokes (the source name of its log group).
    static let functionOfOperation = ["ListTasks": "list-tasks", "GetTask": "get-task", "CreateTask": "create-task",
                                      "UpdateTask": "update-task", "DeleteTask": "delete-task"]

    public func record(_ call: CallRecord) {
        let time = now()
        lock.withLock {
            let billed = Self.functionOfOperation[call.operation].flatMap { billedMillis[$0] } ?? Footprint.assumedBilledMillis
            recent.append((time, call, call.service == "tasks" ? billed : 0))
            totals[call.service, default: 0] += 1
            if let id = call.requestId { ownRequests.insert(id) }
            let horizon = time.addingTimeInterval(-Self.window)
            if let first = recent.first, first.at < horizon { recent.removeAll { $0.at < horizon } }
        }
    }

    /// A function's billed duration as its REPORT lines give it (a running average per function).
    public func observeBilledDuration(function: String, millis: Double) {
        guard millis.isFinite, millis >= 0 else { return }
        lock.withLock { billedMillis[function] = billedMillis[function].map { $0 * 0.8 + millis * 0.2 } ?? millis }
    }

    /// Whether an access-log `requestId` is one of this console's own requests.
    public func isOwn(requestId: String) -> Bool { lock.withLock { ownRequests.contains(requestId) } }

    public func total(_ service: String) -> Int { lock.withLock { totals[service] ?? 0 } }

    /// The requests of the last hour (or since the start, if sooner) and the span they cover.
    public func footprint() -> Footprint {
        let time = now()
        return lock.withLock {
            var result = Footprint()
            for entry in recent { result.add(entry.call, billedMillis: entry.billedMillis) }
            // A partial first hour: the rate is of the time measured, at least a minute.
            result.span = max(60, min(Self.window, time.timeIntervalSince(started)))
            return result
        }
    }

    public func snapshot() -> CallMeterSnapshot {
        let time = now()
        let minuteAgo = time.addingTimeInterval(-60)
        let perMinute = lock.withLock {
            recent.reduce(into: [String: Int]()) { counts, entry in if entry.at >= minuteAgo { counts[entry.call.service, default: 0] += 1 } }
        }
        let perHour = footprint().rate(per: 3600)
        return CallMeterSnapshot(callsLastMinute: perMinute, totalCalls: lock.withLock { totals }, footprintPerHour: perHour,
                                 costPerHour: perHour.totalCost())
    }
}
