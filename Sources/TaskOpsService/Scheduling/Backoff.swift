import Foundation
import TaskOpsCore

/// Exponential backoff with full jitter; throttling backs off from a higher base.
public struct Backoff: Sendable {
    public var base: TimeInterval = 1
    public var throttledBase: TimeInterval = 2
    public var cap: TimeInterval = 60

    public init(base: TimeInterval = 1, throttledBase: TimeInterval = 2, cap: TimeInterval = 60) {
        self.base = base
        self.throttledBase = throttledBase
        self.cap = cap
    }

    /// The delay after `failures` consecutive failures (1-based); `random` returns a value in 0…1.
    public func delay(failures: Int, error: StackError?, random: () -> Double) -> TimeInterval {
        let start = error?.kind == .throttled ? throttledBase : base
        let ceiling = min(cap, start * pow(2, Double(max(0, failures - 1))))
        return max(start / 2, ceiling * random())
    }
}
