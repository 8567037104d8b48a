import Foundation
import TaskOpsCore

/// CloudWatch over JSON 1.0 (`GraniteServiceVersion20100801`, `x-amzn-query-mode: true`, epoch-second times).
public struct CloudWatchClient: CloudWatchAPI {
    public let client: AWSJSONClient

    public init(client: AWSJSONClient) { self.client = client }

    static func epoch(_ date: Date) -> JSONValue { .number(JSONNumber(literal: String(Saturating.int64(date.timeIntervalSince1970)), isInteger: true)) }

    public func getMetricData(_ request: GetMetricDataRequest) async throws(StackError) -> GetMetricDataPage {
        let queries: [JSONValue] = request.queries.map { query in
            var metric: JSONObject = ["Namespace": .string(query.namespace), "MetricName": .string(query.metricName)]
            if !query.dimensions.isEmpty {
                metric["Dimensions"] = .array(query.dimensions.map { .object(["Name": .string($0.name), "Value": .string($0.value)]) })
            }
            var stat: JSONObject = ["Metric": .object(metric), "Period": .int(query.period), "Stat": .string(query.stat)]
            if let unit = query.unit { stat["Unit"] = .string(unit) }
            var object: JSONObject = ["Id": .string(query.id), "MetricStat": .object(stat), "ReturnData": .bool(true)]
            if let label = query.label { object["Label"] = .string(label) }
            return .object(object)
        }
        var body: JSONObject = ["MetricDataQueries": .array(queries), "StartTime": Self.epoch(request.startTime), "EndTime": Self.epoch(request.endTime)]
        if let token = request.nextToken { body["NextToken"] = .string(token) }
        if let scanBy = request.scanBy { body["ScanBy"] = .string(scanBy) }
        if let max = request.maxDatapoints { body["MaxDatapoints"] = .int(max) }
        let answer = try await client.call("GetMetricData", body, metricCount: request.queries.count)
        let results = (answer["MetricDataResults"]?.arrayValue ?? []).map { item -> MetricDataResult in
            let timestamps = (item["Timestamps"]?.arrayValue ?? []).compactMap { AWSRead.date($0) }
            let values = (item["Values"]?.arrayValue ?? []).map { AWSRead.double($0) }
            let count = min(timestamps.count, values.count)
            return MetricDataResult(id: AWSRead.string(item["Id"]), label: AWSRead.string(item["Label"]),
                                    timestamps: Array(timestamps.prefix(count)), values: Array(values.prefix(count)),
                                    statusCode: item["StatusCode"]?.stringValue ?? "Complete",
                                    messages: (item["Messages"]?.arrayValue ?? []).map { AWSRead.string($0["Value"]) })
        }
        return GetMetricDataPage(results: results, nextToken: answer["NextToken"]?.stringValue,
                                 messages: (answer["Messages"]?.arrayValue ?? []).map { AWSRead.string($0["Value"]) })
    }

    public func getDashboard(name: String) async throws(StackError) -> DashboardInfo {
        let answer = try await client.call("GetDashboard", ["DashboardName": .string(name)])
        return DashboardInfo(name: answer["DashboardName"]?.stringValue ?? name, arn: AWSRead.string(answer["DashboardArn"]),
                             body: answer["DashboardBody"]?.stringValue ?? "")
    }

    public func listDashboards(prefix: String?) async throws(StackError) -> [String] {
        var names: [String] = []
        var token: String?
        repeat {
            var body = JSONObject()
            if let prefix { body["DashboardNamePrefix"] = .string(prefix) }
            if let token { body["NextToken"] = .string(token) }
            let answer = try await client.call("ListDashboards", body)
            names += (answer["DashboardEntries"]?.arrayValue ?? []).compactMap { $0["DashboardName"]?.stringValue }
            token = answer["NextToken"]?.stringValue
        } while token != nil && names.count < 10_000
        return names
    }

    public func describeAlarms(prefix: String?, maxRecords: Int?, nextToken: String?) async throws(StackError) -> DescribeAlarmsPage {
        var body: JSONObject = ["AlarmTypes": .array([.string("MetricAlarm")])]
        if let prefix { body["AlarmNamePrefix"] = .string(prefix) }
        if let maxRecords { body["MaxRecords"] = .int(maxRecords) }
        if let nextToken { body["NextToken"] = .string(nextToken) }
        let answer = try await client.call("DescribeAlarms", body)
        let alarms = (answer["MetricAlarms"]?.arrayValue ?? []).compactMap(Self.alarm)
        return DescribeAlarmsPage(alarms: alarms, nextToken: answer["NextToken"]?.stringValue)
    }

    static func alarm(_ item: JSONValue) -> AlarmInfo? {
        guard let name = item["AlarmName"]?.stringValue else { return nil }
        let dimensions = (item["Dimensions"]?.arrayValue ?? []).map { MetricDimension(name: AWSRead.string($0["Name"]), value: AWSRead.string($0["Value"])) }
        return AlarmInfo(
            name: name, arn: AWSRead.string(item["AlarmArn"]), description: AWSRead.string(item["AlarmDescription"]),
            state: AlarmState(rawValue: AWSRead.string(item["StateValue"])) ?? .insufficientData,
            stateReason: AWSRead.string(item["StateReason"]), stateReasonData: item["StateReasonData"]?.stringValue,
            stateUpdated: AWSRead.date(item["StateUpdatedTimestamp"]) ?? Date(timeIntervalSince1970: 0),
            namespace: AWSRead.string(item["Namespace"]), metricName: AWSRead.string(item["MetricName"]),
            statistic: item["Statistic"]?.stringValue ?? item["ExtendedStatistic"]?.stringValue ?? "", dimensions: dimensions,
            period: item["Period"]?.numberValue?.intValue ?? 0, evaluationPeriods: item["EvaluationPeriods"]?.numberValue?.intValue ?? 0,
            datapointsToAlarm: item["DatapointsToAlarm"]?.numberValue?.intValue, threshold: AWSRead.double(item["Threshold"]),
            comparisonOperator: AWSRead.string(item["ComparisonOperator"]), treatMissingData: item["TreatMissingData"]?.stringValue ?? "missing",
            actionsEnabled: item["ActionsEnabled"]?.boolValue ?? true,
            alarmActions: (item["AlarmActions"]?.arrayValue ?? []).compactMap(\.stringValue))
    }

    public func describeAlarmHistory(alarmName: String?, maxRecords: Int?, nextToken: String?) async throws(StackError) -> (items: [AlarmHistoryItem], nextToken: String?) {
        var body = JSONObject()
        if let alarmName { body["AlarmName"] = .string(alarmName) }
        if let maxRecords { body["MaxRecords"] = .int(maxRecords) }
        if let nextToken { body["NextToken"] = .string(nextToken) }
        let answer = try await client.call("DescribeAlarmHistory", body)
        let items = (answer["AlarmHistoryItems"]?.arrayValue ?? []).map { item in
            AlarmHistoryItem(alarmName: AWSRead.string(item["AlarmName"]), timestamp: AWSRead.date(item["Timestamp"]) ?? Date(timeIntervalSince1970: 0),
                             historyItemType: AWSRead.string(item["HistoryItemType"]), summary: AWSRead.string(item["HistorySummary"]),
                             historyData: AWSRead.string(item["HistoryData"]))
        }
        return (items, answer["NextToken"]?.stringValue)
    }
}
