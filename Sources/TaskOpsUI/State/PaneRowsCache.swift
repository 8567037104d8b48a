import Foundation
import TaskOpsCore
import TaskOpsService

/// Remembers the last filtered and sorted order of each big pane, so a frame costs the rows it
/// shows rather than a sort of every task. An entry is reused only for the very same source
/// array: the cache holds that array, so its buffer can be neither changed in place nor freed,
/// and an equal base address and count mean equal contents.
final class PaneRowsCache: @unchecked Sendable {
    struct Entry {
        var source: Any
        var key: String
        var order: [Int32]?
    }

    private let lock = NSLock()
    private var entries: [PaneID: Entry] = [:]
    /// How many orders were computed rather than reused (tests count these).
    private(set) var computations = 0

    func order<Row>(_ pane: PaneID, source: [Row], key: String, compute: () -> [Int32]?) -> [Int32]? {
        if let hit = lock.withLock({ entries[pane] }), hit.key == key, let cached = hit.source as? [Row], Self.same(cached, source) {
            return hit.order
        }
        let order = compute()
        lock.withLock {
            entries[pane] = Entry(source: source, key: key, order: order)
            computations += 1
        }
        return order
    }

    private var lastMerge: (events: [TaskEvent], own: [TaskEvent], merged: [TaskEvent])?

    /// The events with the console's own folded back in, in time order (made again only when either changes).
    func merged(_ events: [TaskEvent], _ own: [TaskEvent]) -> [TaskEvent] {
        if let hit = lock.withLock({ lastMerge }), Self.same(hit.events, events), Self.same(hit.own, own) { return hit.merged }
        let merged = EventBuffer.merge(events, own)
        lock.withLock { lastMerge = (events, own, merged) }
        return merged
    }

    static func same<Row>(_ a: [Row], _ b: [Row]) -> Bool {
        a.count == b.count && a.withUnsafeBufferPointer { pa in b.withUnsafeBufferPointer { pb in pa.baseAddress == pb.baseAddress } }
    }
}
