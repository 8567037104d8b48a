import Foundation

/// In-memory CloudWatch Logs: groups, streams and events.
///
/// Retention: at most `maxEventsPerGroup` (default 50,000) events per group and `maxEvents`
/// (default 200,000) in all; past either, the oldest go first (across groups, the group holding
/// the oldest event gives it up), so memory stays flat however long `serve` runs.
public final class SimLogStore: SimLogWriting {
    public struct Stored: Sendable {
        /// Arrival order across the store: with the timestamp, it makes the event id.
        public var sequence: UInt64
        public var stream: String
        public var timestamp: Int64
        public var ingestionTime: Int64
        public var message: String
        /// Whether FilterLogEvents returns it at `nowMillis`: once ingested when an ingestion delay
        /// is modelled; otherwise at once (the 15 ms stamp lag is not a wait).
        var delayed = false

        public func isReadable(nowMillis: Int64) -> Bool { !delayed || ingestionTime <= nowMillis }

        /// Event ids sort by time then arrival, as CloudWatch's do (made when asked: a stored
        /// string would cost more than most messages).
        public var eventId: String { String(format: "%020lld%016llu", timestamp, sequence) }
    }

    public struct Group: Sendable {
        public var name: String
        public var creationTime: Int64
        public var storedBytes: Int64 = 0
        /// The retained events live in `storage[head...]`: dropping the oldest moves `head`, and the
        /// storage is compacted once the dropped part (still holding its strings) reaches an eighth
        /// of the limit: at most 12.5 % more than the limit is held, at eight moves per append.
        private var storage: [Stored] = []
        private var head = 0
        /// How many events retention has dropped from the front, ever: turns a position in
        /// `events` into one that stays put while older events are dropped.
        public private(set) var droppedCount = 0

        public init(name: String, creationTime: Int64) {
            self.name = name
            self.creationTime = creationTime
        }

        /// The retained events, oldest first (indices start at `events.startIndex`, not 0).
        public var events: ArraySlice<Stored> { storage[head...] }

        public var count: Int { storage.count - head }
        var oldestTimestamp: Int64? { head < storage.count ? storage[head].timestamp : nil }

        /// Keeps the list sorted by timestamp and within `limit`. Appends are almost always in order
        /// or a few places from the end (a Lambda's END line is stamped after the next START), so the
        /// place is found by binary search and only the tail moves.
        mutating func add(_ event: Stored, limit: Int) {
            if let last = storage.last, last.timestamp > event.timestamp {
                var low = head, high = storage.count
                while low < high {
                    let mid = (low + high) / 2
                    if storage[mid].timestamp <= event.timestamp { low = mid + 1 } else { high = mid }
                }
                storage.insert(event, at: low)
            } else {
                storage.append(event)
            }
            storedBytes += Int64(event.message.utf8.count)
            dropOldest(storage.count - head - limit, limit: limit)
        }

        mutating func dropOldest(_ requested: Int, limit: Int) {
            let excess = min(requested, storage.count - head)
            guard excess > 0 else { return }
            for dropped in storage[head..<(head + excess)] { storedBytes -= Int64(dropped.message.utf8.count) }
            head += excess
            droppedCount += excess
            if head >= max(1024, limit / 8) {
                storage.removeFirst(head)
                head = 0
            }
        }
    }

    public private(set) var groups: [String: Group] = [:]
    public let maxEventsPerGroup: Int
    public let maxEvents: Int
    public private(set) var count = 0
    private var sequence: UInt64 = 0
    private var ingestion = SimIngestionDelay()

    public init(maxEventsPerGroup: Int = 50_000, maxEvents: Int = 200_000) {
        self.maxEventsPerGroup = maxEventsPerGroup
        self.maxEvents = max(1, maxEvents)
    }

    /// Models CloudWatch Logs' ingestion delay (`--faults ingest-delay-ms=…`) for the events
    /// appended from now on; 0 makes them readable at once.
    public func setIngestionDelay(typicalMillis: Double) { ingestion.typicalMillis = max(0, typicalMillis) }

    public func createGroup(_ name: String, at timestampMillis: Int64) {
        if groups[name] == nil { groups[name] = Group(name: name, creationTime: timestampMillis) }
    }

    public func append(group: String, stream: String, message: String, timestampMillis: Int64) {
        createGroup(group, at: timestampMillis)
        sequence += 1
        var event = Stored(sequence: sequence, stream: stream, timestamp: timestampMillis, ingestionTime: timestampMillis + 15, message: message)
        if let readable = ingestion.readableAt(group: group, stream: stream, timestamp: timestampMillis) {
            event.ingestionTime = readable
            event.delayed = true
        }
        // Mutated in place: a copy of the entry would copy its whole event list on every append.
        let before = groups[group]?.count ?? 0
        groups[group, default: Group(name: group, creationTime: timestampMillis)].add(event, limit: maxEventsPerGroup)
        count += (groups[group]?.count ?? 0) - before
        if count > maxEvents, let oldest = groups.min(by: { ($0.value.oldestTimestamp ?? .max) < ($1.value.oldestTimestamp ?? .max) })?.key {
            groups[oldest]?.dropOldest(count - maxEvents, limit: maxEventsPerGroup)
            count = maxEvents
        }
    }

    public func events(in group: String) -> [Stored] { Array(groups[group]?.events ?? []) }
}
