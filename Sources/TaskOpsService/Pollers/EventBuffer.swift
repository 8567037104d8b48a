import TaskOpsCore

/// Events in timestamp order, de-duplicated by eventId, bounded: when full the oldest are dropped
/// and counted (never silently).
///
/// An event's timestamp never changes, so whether one is held is a binary search by timestamp
/// and a look at the few held at that millisecond: no set of 100k ids beside the events.
public struct EventBuffer: Sendable {
    public private(set) var events: [TaskEvent] = []
    public private(set) var dropped = 0
    public let capacity: Int

    public init(capacity: Int = 100_000) { self.capacity = max(1, capacity) }

    /// Whether the event with this eventId and timestamp is held now.
    public func contains(_ id: String, timestamp: Int64) -> Bool {
        var index = Self.firstIndex(in: events, notBefore: timestamp)
        while index < events.count, events[index].timestamp == timestamp {
            if events[index].id == id { return true }
            index += 1
        }
        return false
    }

    /// Adds new events; returns how many were new.
    @discardableResult
    public mutating func insert(_ incoming: [TaskEvent]) -> Int { add(incoming).count }

    /// Adds new events; returns those that were new, in order.
    public mutating func add(_ incoming: [TaskEvent]) -> [TaskEvent] {
        var sorted: [TaskEvent] = []
        sorted.reserveCapacity(incoming.count)
        var previous: (Int64, String)?
        for event in incoming.sorted(by: Self.ordered) {
            let key = (event.timestamp, event.id)
            if let previous, previous == key { continue }
            previous = key
            if !contains(key.1, timestamp: key.0) { sorted.append(event) }
        }
        guard !sorted.isEmpty else { return [] }
        sorted = TaskEvent.sharingBlocks(sorted)
        // New events are recent: only the held events after the first of them need merging.
        let from = Self.firstIndex(in: events, notBefore: sorted[0])
        let tail = from == events.count ? sorted : Self.merge(Array(events[from...]), sorted)
        let excess = max(0, from + tail.count - capacity)
        // Built at its size: the held array is shared with the snapshot on screen, so adding to it
        // copies it anyway, and a copy made by appending would double its capacity.
        var next: [TaskEvent] = []
        next.reserveCapacity(from + tail.count - excess)
        if excess < from {
            next += events[excess..<from]
            next += tail
        } else {
            next += tail[(excess - from)...]
        }
        events = next
        dropped += excess
        return sorted
    }

    /// The index of the first held event at or after `timestamp`.
    static func firstIndex(in events: [TaskEvent], notBefore timestamp: Int64) -> Int {
        firstIndex(in: events) { $0.timestamp < timestamp }
    }

    /// Binary search over events in order: the index of the first one `before` is false for.
    static func firstIndex(in events: [TaskEvent], where before: (TaskEvent) -> Bool) -> Int {
        var low = 0, high = events.count
        while low < high {
            let mid = (low + high) / 2
            if before(events[mid]) { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The index of the first held event ordered at or after `event`.
    static func firstIndex(in events: [TaskEvent], notBefore event: TaskEvent) -> Int {
        firstIndex(in: events) { ordered($0, before: event) }
    }

    /// Timestamp order, then id order. An id is unpacked only for a tie: comparing the pair as a
    /// tuple would unpack both ids every time.
    static func ordered(_ a: TaskEvent, before b: TaskEvent) -> Bool {
        a.timestamp != b.timestamp ? a.timestamp < b.timestamp : a.id < b.id
    }

    public static func merge(_ a: [TaskEvent], _ b: [TaskEvent]) -> [TaskEvent] {
        var result: [TaskEvent] = []
        result.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count, j < b.count {
            if ordered(b[j], before: a[i]) { result.append(b[j]); j += 1 } else { result.append(a[i]); i += 1 }
        }
        result.append(contentsOf: a[i...])
        result.append(contentsOf: b[j...])
        return result
    }
}
