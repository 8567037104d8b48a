/// One metric row of a metric widget after `"."` expansion.
public struct DashboardMetricRow: Sendable, Hashable {
    public var namespace: String
    public var metricName: String
    public var dimensions: [MetricDimension]
    public var label: String?
    public var stat: String
    public var period: Int
    public var region: String?
    public var visible: Bool

    public init(namespace: String, metricName: String, dimensions: [MetricDimension] = [], label: String? = nil, stat: String,
                period: Int, region: String? = nil, visible: Bool = true) {
        self.namespace = namespace
        self.metricName = metricName
        self.dimensions = dimensions
        self.label = label
        self.stat = stat
        self.period = period
        self.region = region
        self.visible = visible
    }

    public var displayLabel: String { label ?? metricName }
}

/// A widget of a CloudWatch dashboard body.
public struct DashboardWidget: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case metric, log, alarm, text, other
    }

    public var kind: Kind
    /// The `type` as written (kept for `other`).
    public var typeName: String
    /// Grid position and size as written; nil when absent (auto-placed).
    public var x: Int?
    public var y: Int?
    public var width: Int?
    public var height: Int?
    public var title: String
    /// Metric widgets: rows after `"."` expansion.
    public var metrics: [DashboardMetricRow]
    public var period: Int
    public var stat: String
    public var region: String?
    public var yAxisLeftLabel: String?
    /// Log widgets: the Logs Insights query text (with its `SOURCE '…'` prefix).
    public var query: String?
    /// Alarm widgets: alarm ARNs.
    public var alarms: [String]
    /// Text widgets: markdown.
    public var markdown: String?
    /// The properties as written.
    public var properties: JSONObject

    public init(kind: Kind, typeName: String, x: Int? = nil, y: Int? = nil, width: Int? = nil, height: Int? = nil, title: String = "",
                metrics: [DashboardMetricRow] = [], period: Int = 300, stat: String = "Average", region: String? = nil,
                yAxisLeftLabel: String? = nil, query: String? = nil, alarms: [String] = [], markdown: String? = nil,
                properties: JSONObject = JSONObject()) {
        self.kind = kind
        self.typeName = typeName
        self.x = x
        self.y = y
        self.width = width
        self.height = height
        self.title = title
        self.metrics = metrics
        self.period = period
        self.stat = stat
        self.region = region
        self.yAxisLeftLabel = yAxisLeftLabel
        self.query = query
        self.alarms = alarms
        self.markdown = markdown
        self.properties = properties
    }
}

/// A dashboard body: its widgets in order.
public struct DashboardBody: Sendable, Hashable {
    public var widgets: [DashboardWidget]
    public init(widgets: [DashboardWidget]) { self.widgets = widgets }
}

/// A widget placed on CloudWatch's 24-column grid.
public struct PlacedWidget: Sendable, Hashable {
    public var index: Int
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int
    public init(index: Int, x: Int, y: Int, width: Int, height: Int) {
        self.index = index
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }
}
