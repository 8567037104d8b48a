import Foundation
import TaskOpsCore

/// Metric datapoints at 1-minute resolution, keyed by namespace, name and the exact dimension set.
///
/// Retention: 24 hours of minutes per series (older minutes are dropped as new ones arrive), and
/// at most 200 distinct values per minute, each with how often it came, for percentiles (a count
/// metric, all ones, keeps one) — memory stays flat however long `serve` runs.
public final class SimMetricStore {
    public struct Key: Hashable, Sendable {
        public var namespace: String
        public var name: String
        public var dimensions: [MetricDimension]

        public init(namespace: String, name: String, dimensions: [MetricDimension]) {
            self.namespace = namespace
            self.name = name
            self.dimensions = dimensions.sorted { $0.name < $1.name }
        }
    }

    /// A value and how many times it was recorded.
    public struct Sample: Sendable {
        public var value: Double
        public var count: Int
    }

    public struct Minute: Sendable {
        public var sum = 0.0
        public var count = 0.0
        public var min = Double.infinity
        public var max = -Double.infinity
        public var samples: [Sample] = []

        mutating func add(_ value: Double) {
            sum += value
            count += 1
            min = Swift.min(min, value)
            max = Swift.max(max, value)
            if let same = samples.lastIndex(where: { $0.value == value }) {
                samples[same].count += 1
            } else if samples.count < SimMetricStore.maxSamplesPerMinute {
                samples.append(Sample(value: value, count: 1))
            }
        }
    }

    public static let retentionMinutes: Int64 = 24 * 60
    static let maxSamplesPerMinute = 200
    private(set) var series: [Key: [Int64: Minute]] = [:]

    public init() {}

    public func record(_ key: Key, value: Double, at date: Date) {
        let minute = Int64(date.timeIntervalSince1970 / 60)
        // Mutated in place: copying a series out and back would copy every minute it holds.
        series[key, default: [:]][minute, default: Minute()].add(value)
        if series[key, default: [:]].count > Int(Self.retentionMinutes) {
            let cutoff = minute - Self.retentionMinutes
            series[key] = series[key]?.filter { $0.key > cutoff }
        }
    }

    /// Datapoints of `stat` per `period` seconds in [start, end), oldest first; periods with no data are absent.
    public func query(_ key: Key, stat: String, period: Int, start: Date, end: Date) -> [(Date, Double)] {
        guard let buckets = series[key], period >= 60 else { return [] }
        let minutesPerPeriod = Int64(period / 60)
        let first = Int64(start.timeIntervalSince1970 / 60), last = Int64(ceil(end.timeIntervalSince1970 / 60))
        var grouped: [Int64: Minute] = [:]
        for (minute, bucket) in buckets where minute >= first && minute < last {
            let periodStart = minute - ((minute % minutesPerPeriod) + minutesPerPeriod) % minutesPerPeriod
            var merged = grouped[periodStart] ?? Minute()
            merged.sum += bucket.sum
            merged.count += bucket.count
            merged.min = Swift.min(merged.min, bucket.min)
            merged.max = Swift.max(merged.max, bucket.max)
            merged.samples += bucket.samples
            grouped[periodStart] = merged
        }
        return grouped.keys.sorted().compactMap { periodStart in
            guard let m = grouped[periodStart], let value = Self.statistic(stat, m) else { return nil }
            return (Date(timeIntervalSince1970: Double(periodStart * 60)), value)
        }
    }

    static func statistic(_ stat: String, _ m: Minute) -> Double? {
        switch stat {
        case "Sum": return m.sum
        case "Average": return m.count > 0 ? m.sum / m.count : nil
        case "Minimum": return m.min
        case "Maximum": return m.max
        case "SampleCount": return m.count
        default:
            guard stat.hasPrefix("p"), let p = Double(stat.dropFirst()), p >= 0, p <= 100, !m.samples.isEmpty else { return nil }
            let sorted = m.samples.sorted { $0.value < $1.value }
            let total = sorted.reduce(0) { $0 + $1.count }
            // The value at the rank-th recorded value (1-based, nearest rank).
            let rank = Swift.max(1, Int((p / 100 * Double(total)).rounded(.up)))
            var seen = 0
            for sample in sorted {
                seen += sample.count
                if seen >= rank { return sample.value }
            }
            return sorted.last?.value
        }
    }

    public var seriesCount: Int { series.count }
}
