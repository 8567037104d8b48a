import Foundation
import TaskOpsCore

/// Holds the latest immutable snapshot of every source. Pollers update it; the console reads
/// `current()` and waits on `changes()`. Every update bumps the generation of what it touched.
public final class StackStore: @unchecked Sendable {
    private let lock = NSLock()
    private var snapshot = StackSnapshot()
    private var version = 0
    private var continuations: [UUID: AsyncStream<Int>.Continuation] = [:]

    public init() {}

    public func current() -> StackSnapshot { lock.withLock { snapshot } }

    /// A counter that grows with every change (cheap to compare).
    public var changeCount: Int { lock.withLock { version } }

    public func update(_ body: (inout StackSnapshot) -> Void) {
        let (value, listeners) = lock.withLock { () -> (Int, [AsyncStream<Int>.Continuation]) in
            body(&snapshot)
            version += 1
            return (version, Array(continuations.values))
        }
        for listener in listeners { listener.yield(value) }
    }

    /// Changes the snapshot without counting a change: for bookkeeping no view shows, so the
    /// console does not redraw an identical screen for it.
    public func updateQuietly(_ body: (inout StackSnapshot) -> Void) {
        lock.withLock { body(&snapshot) }
    }

    public func updateFreshness(_ source: SourceID, quietly: Bool = false, _ body: (inout SourceFreshness) -> Void) {
        let apply = quietly ? updateQuietly : update
        apply { snapshot in
            switch source {
            case .tasks: body(&snapshot.tasks.freshness)
            case .events: body(&snapshot.events.freshness)
            case .approvals: body(&snapshot.approvals.freshness)
            case .metrics: body(&snapshot.metrics.freshness)
            case .alarms: body(&snapshot.alarms.freshness)
            }
        }
    }

    public func freshness(_ source: SourceID) -> SourceFreshness {
        let s = current()
        switch source {
        case .tasks: return s.tasks.freshness
        case .events: return s.events.freshness
        case .approvals: return s.approvals.freshness
        case .metrics: return s.metrics.freshness
        case .alarms: return s.alarms.freshness
        }
    }

    /// Change notifications (the latest change count), buffered to the newest one.
    public func changes() -> AsyncStream<Int> {
        AsyncStream(bufferingPolicy: .bufferingNewest(1)) { continuation in
            let id = UUID()
            lock.withLock { continuations[id] = continuation }
            continuation.onTermination = { [weak self] _ in
                guard let self else { return }
                self.lock.withLock { _ = self.continuations.removeValue(forKey: id) }
            }
        }
    }
}
