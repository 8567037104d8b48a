import Foundation

public struct MetricDimension: Sendable, Hashable, Codable {
    public var name: String
    public var value: String
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// One `MetricDataQueries` entry with a `MetricStat` (expressions are not used by this console).
public struct MetricDataQuery: Sendable, Hashable {
    /// Must start with a lowercase letter; unique within a request.
    public var id: String
    public var namespace: String
    public var metricName: String
    public var dimensions: [MetricDimension]
    public var period: Int
    public var stat: String
    public var label: String?
    public var unit: String?

    public init(id: String, namespace: String, metricName: String, dimensions: [MetricDimension] = [], period: Int, stat: String,
                label: String? = nil, unit: String? = nil) {
        self.id = id
        self.namespace = namespace
        self.metricName = metricName
        self.dimensions = dimensions
        self.period = period
        self.stat = stat
        self.label = label
        self.unit = unit
    }
}

public struct MetricDataResult: Sendable, Hashable {
    public var id: String
    public var label: String
    /// Newest first unless the request asked for `TimestampAscending`.
    public var timestamps: [Date]
    public var values: [Double]
    /// `Complete`, `PartialData` (follow NextToken), `Forbidden`, `InternalError`.
    public var statusCode: String
    public var messages: [String]

    public init(id: String, label: String, timestamps: [Date], values: [Double], statusCode: String = "Complete", messages: [String] = []) {
        self.id = id
        self.label = label
        self.timestamps = timestamps
        self.values = values
        self.statusCode = statusCode
        self.messages = messages
    }
}

public struct GetMetricDataRequest: Sendable, Hashable {
    public var queries: [MetricDataQuery]
    public var startTime: Date
    public var endTime: Date
    public var nextToken: String?
    public var scanBy: String?
    public var maxDatapoints: Int?

    public init(queries: [MetricDataQuery], startTime: Date, endTime: Date, nextToken: String? = nil, scanBy: String? = nil, maxDatapoints: Int? = nil) {
        self.queries = queries
        self.startTime = startTime
        self.endTime = endTime
        self.nextToken = nextToken
        self.scanBy = scanBy
        self.maxDatapoints = maxDatapoints
    }
}

public struct GetMetricDataPage: Sendable, Hashable {
    public var results: [MetricDataResult]
    public var nextToken: String?
    public var messages: [String]

    public init(results: [MetricDataResult], nextToken: String?, messages: [String] = []) {
        self.results = results
        self.nextToken = nextToken
        self.messages = messages
    }
}

/// CloudWatch limits the console designs around.
public enum CloudWatchLimits {
    public static let maxQueriesPerGetMetricData = 500
    public static let describeAlarmsPageSize = 100
    /// USD per 1,000 metrics requested with GetMetricData.
    public static let getMetricDataPricePerThousandMetrics = 0.01
}
