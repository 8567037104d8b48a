import Foundation

/// In-memory CloudWatch Logs: groups, streams and events.
///
/// Retention: at most `maxEventsPerGroup` (default 50,000) events per group; older ones are dropped
/// first, so memory stays flat however long `serve` runs.
public final class SimLogStore: SimLogWriting {
    public struct Stored: Sendable {
        public var eventId: String
        public var stream: String
        public var timestamp: Int64
        public var ingestionTime: Int64
        public var message: String
    }

    public struct Group: Sendable {
        public var name: String
        public var creationTime: Int64
        public var events: [Stored] = []
        public var storedBytes: Int64 = 0

        /// Keeps the list sorted by timestamp (appends are almost always in order) and within `limit`.
        mutating func add(_ event: Stored, limit: Int) {
            if let last = events.last, last.timestamp > event.timestamp {
                let index = events.firstIndex { $0.timestamp > event.timestamp } ?? events.count
                events.insert(event, at: index)
            } else {
                events.append(event)
            }
            storedBytes += Int64(event.message.utf8.count)
            if events.count > limit { events.removeFirst(events.count - limit) }
        }
    }

    public private(set) var groups: [String: Group] = [:]
    public let maxEventsPerGroup: Int
    private var sequence: UInt64 = 0

    public init(maxEventsPerGroup: Int = 50_000) { self.maxEventsPerGroup = maxEventsPerGroup }

    public func createGroup(_ name: String, at timestampMillis: Int64) {
        if groups[name] == nil { groups[name] = Group(name: name, creationTime: timestampMillis) }
    }

    public func append(group: String, stream: String, message: String, timestampMillis: Int64) {
        createGroup(group, at: timestampMillis)
        sequence += 1
        // Event ids sort by time then arrival, as CloudWatch's do.
        let id = String(format: "%020lld%016llu", timestampMillis, sequence)
        let event = Stored(eventId: id, stream: stream, timestamp: timestampMillis, ingestionTime: timestampMillis + 15, message: message)
        // Mutated in place: a copy of the entry would copy its whole event list on every append.
        groups[group, default: Group(name: group, creationTime: timestampMillis)].add(event, limit: maxEventsPerGroup)
    }

    public func events(in group: String) -> [Stored] { groups[group]?.events ?? [] }
}
