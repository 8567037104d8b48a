import Foundation

public enum AlarmState: String, Sendable, Hashable, CaseIterable {
    case ok = "OK"
    case alarm = "ALARM"
    case insufficientData = "INSUFFICIENT_DATA"
}

/// A metric alarm as DescribeAlarms returns it.
public struct AlarmInfo: Sendable, Hashable, Identifiable {
    public var name: String
    public var arn: String
    public var description: String
    public var state: AlarmState
    public var stateReason: String
    public var stateReasonData: String?
    public var stateUpdated: Date
    public var namespace: String
    public var metricName: String
    public var statistic: String
    public var dimensions: [MetricDimension]
    public var period: Int
    public var evaluationPeriods: Int
    public var datapointsToAlarm: Int?
    public var threshold: Double
    public var comparisonOperator: String
    public var treatMissingData: String
    public var actionsEnabled: Bool
    public var alarmActions: [String]

    public var id: String { name }

    public init(name: String, arn: String = "", description: String = "", state: AlarmState, stateReason: String = "", stateReasonData: String? = nil,
                stateUpdated: Date, namespace: String, metricName: String, statistic: String, dimensions: [MetricDimension] = [],
                period: Int, evaluationPeriods: Int, datapointsToAlarm: Int? = nil, threshold: Double,
                comparisonOperator: String = "GreaterThanThreshold", treatMissingData: String = "notBreaching",
                actionsEnabled: Bool = true, alarmActions: [String] = []) {
        self.name = name
        self.arn = arn
        self.description = description
        self.state = state
        self.stateReason = stateReason
        self.stateReasonData = stateReasonData
        self.stateUpdated = stateUpdated
        self.namespace = namespace
        self.metricName = metricName
        self.statistic = statistic
        self.dimensions = dimensions
        self.period = period
        self.evaluationPeriods = evaluationPeriods
        self.datapointsToAlarm = datapointsToAlarm
        self.threshold = threshold
        self.comparisonOperator = comparisonOperator
        self.treatMissingData = treatMissingData
        self.actionsEnabled = actionsEnabled
        self.alarmActions = alarmActions
    }
}

public struct AlarmHistoryItem: Sendable, Hashable {
    public var alarmName: String
    public var timestamp: Date
    /// `StateUpdate`, `ConfigurationUpdate`, `Action`.
    public var historyItemType: String
    public var summary: String
    public var historyData: String

    public init(alarmName: String, timestamp: Date, historyItemType: String, summary: String, historyData: String) {
        self.alarmName = alarmName
        self.timestamp = timestamp
        self.historyItemType = historyItemType
        self.summary = summary
        self.historyData = historyData
    }
}

public struct DescribeAlarmsPage: Sendable, Hashable {
    public var alarms: [AlarmInfo]
    public var nextToken: String?
    public init(alarms: [AlarmInfo], nextToken: String?) {
        self.alarms = alarms
        self.nextToken = nextToken
    }
}

/// A dashboard as GetDashboard returns it (the body is the JSON text; see `DashboardBody`).
public struct DashboardInfo: Sendable, Hashable {
    public var name: String
    public var arn: String
    public var body: String
    public init(name: String, arn: String = "", body: String) {
        self.name = name
        self.arn = arn
        self.body = body
    }
}
