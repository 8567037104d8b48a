import Foundation
import TaskOpsCore

/// Measures how late CloudWatch Logs makes events readable (`ingestionTime − timestamp`) and sizes
/// the overlap window of the reads from it: twice the largest recent delay, never below the
/// configured overlap nor above `maximumMillis`. An event read with a delay beyond the window in
/// force is a late arrival: others like it, stamped before the read's start, were not read.
struct IngestionDelayTracker {
    let minimumMillis: Int64
    let maximumMillis: Int64
    /// The largest recent delay (ms): follows a larger delay at once, forgets a tenth of its excess
    /// over each later read's largest.
    private(set) var delayMillis: Int64 = 0

    init(minimumMillis: Int64, maximumMillis: Int64) {
        self.minimumMillis = max(0, minimumMillis)
        self.maximumMillis = max(self.minimumMillis, maximumMillis)
    }

    /// The overlap each read re-reads now.
    var windowMillis: Int64 { min(maximumMillis, max(minimumMillis, Saturating.int64(Double(delayMillis) * 2))) }

    struct Reading: Equatable {
        /// Events whose delay exceeded the window they were read with.
        var late = 0
        var largestLateMillis: Int64 = 0
    }

    /// Notes the delays of one read's new events (an event without an ingestion time tells nothing).
    mutating func observe(_ events: [LogEvent]) -> Reading {
        let window = windowMillis
        let delays = events.filter { $0.ingestionTime > 0 }.map { max(0, $0.ingestionTime - $0.timestamp) }
        guard let largest = delays.max() else { return Reading() }
        var reading = Reading()
        for delay in delays where delay > window {
            reading.late += 1
            reading.largestLateMillis = max(reading.largestLateMillis, delay)
        }
        delayMillis = largest >= delayMillis ? largest : delayMillis - (delayMillis - largest) / 10
        return reading
    }
}
