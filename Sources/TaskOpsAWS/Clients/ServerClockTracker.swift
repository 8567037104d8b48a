import Foundation
import TaskOpsCore

/// Learns the server's clock from the `Date` header of each answer, so signatures and time
/// windows use the server's time (a skewed client, or a simulator running faster than real time).
public final class ServerClockTracker: ServerClock, @unchecked Sendable {
    private let lock = NSLock()
    private var offset: TimeInterval = 0
    private var samples = 0
    private let local: @Sendable () -> Date

    public init(local: @escaping @Sendable () -> Date = { Date() }) { self.local = local }

    /// Records a `Date` header seen at local time `receivedAt`. Whole-second headers carry ±0.5 s of
    /// noise, so the latest sample wins only when it differs by more than a second (a real change).
    public func observe(dateHeader: String?, receivedAt: Date? = nil) {
        guard let header = dateHeader, let server = StackTime.parseHTTPDate(header) else { return }
        let measured = server.timeIntervalSince(receivedAt ?? local()) + 0.5
        lock.withLock {
            if samples == 0 || abs(measured - offset) > 1.0 { offset = measured } else { offset = offset * 0.8 + measured * 0.2 }
            samples += 1
        }
    }

    public var currentOffset: TimeInterval { lock.withLock { offset } }

    public func serverNow() -> Date { local().addingTimeInterval(currentOffset) }
}
