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
        guard var entry = groups[group] else { return }
        // Keep the list sorted by timestamp (appends are almost always in order).
        if let last = entry.events.last, last.timestamp > timestampMillis {
            let index = entry.events.firstIndex { $0.timestamp > timestampMillis } ?? entry.events.count
            entry.events.insert(event, at: index)
        } else {
            entry.events.append(event)
        }
        entry.storedBytes += Int64(message.utf8.count)
        if entry.events.count > maxEventsPerGroup { entry.events.removeFirst(entry.events.count - maxEventsPerGroup) }
        groups[group] = entry
    }

    public func events(in group: String) -> [Stored] { groups[group]?.events ?? [] }
}
