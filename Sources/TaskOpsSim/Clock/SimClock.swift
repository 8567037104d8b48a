import Foundation

/// The simulator's notion of now: virtual, so tests step it and demos run it faster than real time.
public protocol SimClock: Sendable {
    func now() -> Date
}

/// A clock that moves only when told (tests).
public final class ManualSimClock: SimClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    public init(start: Date = Date(timeIntervalSince1970: 1_795_000_000)) { current = start }

    public func now() -> Date { lock.lock(); defer { lock.unlock() }; return current }

    public func advance(by seconds: TimeInterval) {
        lock.lock(); defer { lock.unlock() }
        current = current.addingTimeInterval(seconds)
    }
}

/// Real time sped up by `scale` from `start` (`--time-scale`).
public struct ScaledSimClock: SimClock {
    public let scale: Double
    let realStart: Date
    let virtualStart: Date

    public init(scale: Double, virtualStart: Date = Date()) {
        self.scale = max(0.01, scale)
        self.realStart = Date()
        self.virtualStart = virtualStart
    }

    public func now() -> Date {
        virtualStart.addingTimeInterval(Date().timeIntervalSince(realStart) * scale)
    }
}
