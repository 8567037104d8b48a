import Foundation

/// How well the events reads keep up with CloudWatch Logs' delivery: the ingestion delay the reads
/// see, the overlap window each read re-reads, events that came later than that window allowed
/// (others like them may have been missed), and `nextToken`s the service refused.
public struct EventReadHealth: Sendable, Hashable {
    /// The largest recent delay between an event's timestamp and its ingestion (seconds).
    public var ingestionDelay: TimeInterval
    /// The overlap window of the reads now (seconds): the configured one, widened while delays grow.
    public var window: TimeInterval
    /// Events read whose ingestion delay exceeded the window in force when they were read.
    public var lateEvents: Int
    /// When the latest such event was read (local time), and its delay in seconds.
    public var lastLate: Date?
    public var lastLateDelay: TimeInterval
    /// Page tokens the service refused (expired, invalid): each dropped and the group re-read.
    public var refusedTokens: Int

    public init(ingestionDelay: TimeInterval = 0, window: TimeInterval = 0, lateEvents: Int = 0, lastLate: Date? = nil,
                lastLateDelay: TimeInterval = 0, refusedTokens: Int = 0) {
        self.ingestionDelay = ingestionDelay
        self.window = window
        self.lateEvents = lateEvents
        self.lastLate = lastLate
        self.lastLateDelay = lastLateDelay
        self.refusedTokens = refusedTokens
    }

    /// How long a late arrival is warned about.
    public static let warningSpan: TimeInterval = 600

    /// The warning to show, nil when no event came later than the window recently.
    public func lateWarning(now: Date) -> String? {
        guard let lastLate, now.timeIntervalSince(lastLate) < Self.warningSpan else { return nil }
        return "events \(Saturating.int(lastLateDelay))s late (window now \(Saturating.int(window))s): some may be missed"
    }
}
