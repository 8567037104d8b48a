import Foundation

/// One CloudWatch Logs event as FilterLogEvents returns it.
public struct LogEvent: Sendable, Hashable, Identifiable {
    public var eventId: String
    public var logGroup: String
    public var logStream: String
    /// Milliseconds since the epoch.
    public var timestamp: Int64
    public var ingestionTime: Int64
    public var message: String

    public var id: String { eventId }

    public init(eventId: String, logGroup: String, logStream: String, timestamp: Int64, ingestionTime: Int64, message: String) {
        self.eventId = eventId
        self.logGroup = logGroup
        self.logStream = logStream
        self.timestamp = timestamp
        self.ingestionTime = ingestionTime
        self.message = message
    }
}

public struct FilterLogEventsRequest: Sendable, Hashable {
    public var logGroupName: String
    /// Milliseconds since the epoch, inclusive.
    public var startTime: Int64?
    /// Milliseconds since the epoch, inclusive.
    public var endTime: Int64?
    public var filterPattern: String?
    public var limit: Int?
    public var nextToken: String?
    public var logStreamNamePrefix: String?

    public init(logGroupName: String, startTime: Int64? = nil, endTime: Int64? = nil, filterPattern: String? = nil,
                limit: Int? = nil, nextToken: String? = nil, logStreamNamePrefix: String? = nil) {
        self.logGroupName = logGroupName
        self.startTime = startTime
        self.endTime = endTime
        self.filterPattern = filterPattern
        self.limit = limit
        self.nextToken = nextToken
        self.logStreamNamePrefix = logStreamNamePrefix
    }
}

public struct FilterLogEventsPage: Sendable, Hashable {
    public var events: [LogEvent]
    /// May be present on an empty page: keep following it.
    public var nextToken: String?

    public init(events: [LogEvent], nextToken: String?) {
        self.events = events
        self.nextToken = nextToken
    }
}

public struct LogGroupInfo: Sendable, Hashable {
    public var name: String
    public var creationTime: Int64
    public var storedBytes: Int64
    public var retentionInDays: Int?

    public init(name: String, creationTime: Int64, storedBytes: Int64 = 0, retentionInDays: Int? = nil) {
        self.name = name
        self.creationTime = creationTime
        self.storedBytes = storedBytes
        self.retentionInDays = retentionInDays
    }
}

/// A Logs Insights query's state and rows (`[[{field, value}]]` flattened to ordered pairs).
public struct InsightsQueryResults: Sendable, Hashable {
    public var status: String
    public var rows: [[(field: String, value: String)]]
    public var recordsMatched: Double
    public var recordsScanned: Double

    public init(status: String, rows: [[(field: String, value: String)]], recordsMatched: Double = 0, recordsScanned: Double = 0) {
        self.status = status
        self.rows = rows
        self.recordsMatched = recordsMatched
        self.recordsScanned = recordsScanned
    }

    public static func == (lhs: InsightsQueryResults, rhs: InsightsQueryResults) -> Bool {
        lhs.status == rhs.status && lhs.recordsMatched == rhs.recordsMatched && lhs.recordsScanned == rhs.recordsScanned
            && lhs.rows.count == rhs.rows.count
            && zip(lhs.rows, rhs.rows).allSatisfy { a, b in a.count == b.count && zip(a, b).allSatisfy { $0.field == $1.field && $0.value == $1.value } }
    }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(status)
        for row in rows { for cell in row { hasher.combine(cell.field); hasher.combine(cell.value) } }
    }
}
