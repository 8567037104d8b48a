import Foundation
import TaskOpsCore

/// Counts API calls per service and estimates what GetMetricData costs per hour.
public final class CallMeter: @unchecked Sendable {
    private let lock = NSLock()
    private var recent: [(at: Date, service: String, metrics: Int)] = []
    private var totals: [String: Int] = [:]
    private let now: @Sendable () -> Date

    public init(now: @escaping @Sendable () -> Date = { Date() }) { self.now = now }

    public func record(service: String, operation: String, metricCount: Int, succeeded: Bool) {
        let time = now()
        lock.withLock {
            recent.append((time, service, operation == "GetMetricData" ? metricCount : 0))
            totals[service, default: 0] += 1
            let horizon = time.addingTimeInterval(-3600)
            if let first = recent.first, first.at < horizon { recent.removeAll { $0.at < horizon } }
        }
    }

    public func total(_ service: String) -> Int { lock.withLock { totals[service] ?? 0 } }

    public func snapshot() -> CallMeterSnapshot {
        let time = now()
        return lock.withLock {
            let minuteAgo = time.addingTimeInterval(-60)
            var perMinute: [String: Int] = [:]
            var metricsLastHour = 0
            var oldest = time
            for entry in recent {
                if entry.at >= minuteAgo { perMinute[entry.service, default: 0] += 1 }
                metricsLastHour += entry.metrics
                oldest = min(oldest, entry.at)
            }
            // Scale a partial first hour up to an hourly rate.
            let span = max(60, time.timeIntervalSince(oldest))
            let perHour = Double(metricsLastHour) * 3600 / min(3600, span)
            return CallMeterSnapshot(callsLastMinute: perMinute, totalCalls: totals,
                                     estimatedCloudWatchCostPerHour: perHour / 1000 * CloudWatchLimits.getMetricDataPricePerThousandMetrics)
        }
    }
}
