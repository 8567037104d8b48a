import Foundation
import TaskOpsCore

/// CloudWatch over JSON 1.0 (`GraniteServiceVersion20100801.<Op>`): GetMetricData, GetDashboard,
/// ListDashboards, PutDashboard, DescribeAlarms, DescribeAlarmHistory, SetAlarmState, PutMetricData,
/// and GetMetricStatistics and ListMetrics (`SimCloudWatchService+Reads`).
public final class SimCloudWatchService: SimAWSService {
    public let targetPrefix = "GraniteServiceVersion20100801"
    public let signingName = "monitoring"
    let store: SimMetricStore
    let alarms: SimAlarms
    /// Name → body. Changed only by PutDashboard, which runs under the stack's lock like every call.
    var dashboards: [String: String]
    static let contentType = "application/x-amz-json-1.0"

    public init(store: SimMetricStore, alarms: SimAlarms, dashboards: [String: String]) {
        self.store = store
        self.alarms = alarms
        self.dashboards = dashboards
    }

    public func handle(operation: String, body: [UInt8], contentType: String, now: Date) -> SimResponse {
        guard let request = AWSJSON.object(body) else { return error("SerializationException", "Unable to parse the request body as JSON.") }
        switch operation {
        case "GetMetricData": return getMetricData(request)
        case "GetMetricStatistics": return getMetricStatistics(request)
        case "ListMetrics": return listMetrics(request)
        case "GetDashboard": return getDashboard(request)
        case "ListDashboards":
            let entries = dashboards.keys.sorted().map { JSONValue.object(["DashboardName": .string($0), "Size": .int(dashboards[$0]?.utf8.count ?? 0)]) }
            return AWSJSON.ok(.object(["DashboardEntries": .array(entries)]), contentType: Self.contentType)
        case "PutDashboard": return putDashboard(request)
        case "DescribeAlarms": return describeAlarms(request)
        case "DescribeAlarmHistory": return describeAlarmHistory(request)
        case "SetAlarmState": return setAlarmState(request, now: now)
        case "PutMetricData": return putMetricData(request, now: now)
        default: return error("UnknownOperationException", "Unknown operation \(operation)")
        }
    }

    func error(_ type: String, _ message: String) -> SimResponse { AWSJSON.error(type, message, contentType: Self.contentType) }

    func getMetricData(_ request: JSONObject) -> SimResponse {
        guard let queries = request["MetricDataQueries"]?.arrayValue, !queries.isEmpty else {
            return error("MissingParameter", "The parameter MetricDataQueries is required.")
        }
        guard queries.count <= CloudWatchLimits.maxQueriesPerGetMetricData else {
            return error("ValidationError", "The collection MetricDataQueries must not have a size greater than 500.")
        }
        guard let start = AWSJSON.int64(request["StartTime"]), let end = AWSJSON.int64(request["EndTime"]) else {
            return error("MissingParameter", "The parameters StartTime and EndTime are required.")
        }
        guard start < end else { return error("ValidationError", "The parameter StartTime must be less than the parameter EndTime.") }
        var maxDatapoints = 100_800
        if let value = request["MaxDatapoints"] {
            guard let max = value.numberValue?.intValue, max >= 1 else { return error("ValidationError", "The parameter MaxDatapoints must be a positive integer.") }
            maxDatapoints = max
        }
        var offset = 0
        if let token = request["NextToken"]?.stringValue {
            guard let decoded = SimLogsService.decodeToken(token, group: "metricdata") else { return error("InvalidNextToken", "The service couldn't process the NextToken.") }
            offset = decoded
        }
        var ids = Set<String>()
        var series: [(id: String, label: String, points: [(Date, Double)])] = []
        let ascending = request["ScanBy"]?.stringValue == "TimestampAscending"
        for query in queries {
            guard let id = query["Id"]?.stringValue, let first = id.first, first.isLowercase, first.isASCII else {
                return error("ValidationError", "The value for parameter MetricDataQueries.member.Id must start with a lowercase letter.")
            }
            guard ids.insert(id).inserted else { return error("ValidationError", "The values for parameter Id in MetricDataQueries are not unique.") }
            guard let stat = query["MetricStat"], let metric = stat["Metric"], let namespace = metric["Namespace"]?.stringValue,
                  let name = metric["MetricName"]?.stringValue, let period = stat["Period"]?.numberValue?.intValue, let statistic = stat["Stat"]?.stringValue else {
                return error("ValidationError", "MetricDataQueries.member \(id) needs a MetricStat with Metric, Period and Stat.")
            }
            guard period >= 60, period % 60 == 0 else { return error("ValidationError", "The parameter Period must be a multiple of 60.") }
            let dims = (metric["Dimensions"]?.arrayValue ?? []).map { MetricDimension(name: $0["Name"]?.stringValue ?? "", value: $0["Value"]?.stringValue ?? "") }
            var points = store.query(SimMetricStore.Key(namespace: namespace, name: name, dimensions: dims), stat: statistic, period: period,
                                     start: Date(timeIntervalSince1970: Double(start)), end: Date(timeIntervalSince1970: Double(end)))
            if !ascending { points.reverse() }
            series.append((id, query["Label"]?.stringValue ?? name, points))
        }
        return metricDataPage(series, offset: offset, limit: maxDatapoints)
    }

    /// One page of at most `limit` datapoints, counted across the queries in order from `offset`;
    /// a query cut by the page says PartialData and the page carries a NextToken, as CloudWatch does.
    func metricDataPage(_ series: [(id: String, label: String, points: [(Date, Double)])], offset: Int, limit: Int) -> SimResponse {
        var results: [JSONValue] = []
        var before = 0
        let end = offset + limit
        for item in series {
            let from = min(item.points.count, max(0, offset - before)), to = min(item.points.count, max(0, end - before))
            let slice = item.points[from..<to]
            results.append(.object([
                "Id": .string(item.id), "Label": .string(item.label),
                "Timestamps": .array(slice.map { .int(Int($0.0.timeIntervalSince1970)) }), "Values": .array(slice.map { .double($0.1) }),
                "StatusCode": .string(to < item.points.count ? "PartialData" : "Complete"),
            ]))
            before += item.points.count
        }
        var answer: JSONObject = ["MetricDataResults": .array(results), "Messages": .array([])]
        if end < before { answer["NextToken"] = .string(SimLogsService.encodeToken(end, group: "metricdata")) }
        return AWSJSON.ok(.object(answer), contentType: Self.contentType)
    }

    func getDashboard(_ request: JSONObject) -> SimResponse {
        guard let name = request["DashboardName"]?.stringValue else { return error("InvalidParameterValue", "DashboardName is required") }
        guard let body = dashboards[name] else { return error("ResourceNotFound", "Dashboard \(name) does not exist") }
        return AWSJSON.ok(.object(["DashboardName": .string(name), "DashboardBody": .string(body),
                                   "DashboardArn": .string("arn:aws:cloudwatch::123456789012:dashboard/\(name)")]), contentType: Self.contentType)
    }

    /// Stores a dashboard whose body is a JSON object with a `widgets` array, as CloudWatch requires.
    func putDashboard(_ request: JSONObject) -> SimResponse {
        guard let name = request["DashboardName"]?.stringValue, !name.isEmpty, let body = request["DashboardBody"]?.stringValue else {
            return error("InvalidParameterInput", "DashboardName and DashboardBody are required")
        }
        guard let parsed = try? JSONParser.parse(body), parsed["widgets"]?.arrayValue != nil else {
            return SimResponse(status: 400, contentType: Self.contentType, text: JSONWriter.compact(.object([
                "__type": .string("InvalidParameterInput"), "message": .string("The dashboard body is invalid, there are 1 validation errors"),
                "DashboardValidationMessages": .array([.object(["DataPath": .string("/"), "Message": .string("Should have a widgets array")])]),
            ])))
        }
        dashboards[name] = body
        return AWSJSON.ok(.object(["DashboardValidationMessages": .array([])]), contentType: Self.contentType)
    }

    /// As CloudWatch: the state holds until the alarm's next evaluation says otherwise.
    func setAlarmState(_ request: JSONObject, now: Date) -> SimResponse {
        guard let name = request["AlarmName"]?.stringValue, let value = request["StateValue"]?.stringValue,
              let reason = request["StateReason"]?.stringValue else {
            return error("ValidationError", "AlarmName, StateValue and StateReason are required.")
        }
        guard let state = AlarmState(rawValue: value) else {
            return error("ValidationError", "1 validation error detected: Value '\(value)' at 'stateValue' failed to satisfy constraint: Member must satisfy enum value set: [INSUFFICIENT_DATA, ALARM, OK]")
        }
        guard reason.count <= 1023 else {
            return error("ValidationError", "1 validation error detected: Value at 'stateReason' failed to satisfy constraint: Member must have length less than or equal to 1023")
        }
        if let data = request["StateReasonData"]?.stringValue, data.count > 4000 || (try? JSONParser.parse(data)) == nil {
            return error("InvalidFormat", "The StateReasonData must be valid JSON of at most 4000 characters.")
        }
        guard alarms.setState(named: name, to: state, reason: reason, now: now) else {
            return error("ResourceNotFound", "An alarm named \(name) does not exist.")
        }
        return AWSJSON.ok(.object([:]), contentType: Self.contentType)
    }

    func describeAlarms(_ request: JSONObject) -> SimResponse {
        var selected = alarms.alarms.map(\.info)
        if let prefix = request["AlarmNamePrefix"]?.stringValue { selected = selected.filter { $0.name.hasPrefix(prefix) } }
        if let names = request["AlarmNames"]?.arrayValue?.compactMap(\.stringValue) { selected = selected.filter { names.contains($0.name) } }
        if let state = request["StateValue"]?.stringValue { selected = selected.filter { $0.state.rawValue == state } }
        var size = 50
        if let value = request["MaxRecords"] {
            guard let max = value.numberValue?.intValue, (1...100).contains(max) else {
                return error("ValidationError", "1 validation error detected: Value at 'maxRecords' failed to satisfy constraint: Member must have value less than or equal to 100")
            }
            size = max
        }
        var start = 0
        if let token = request["NextToken"]?.stringValue {
            guard let decoded = SimLogsService.decodeToken(token, group: "alarms") else { return error("InvalidNextToken", "Invalid NextToken") }
            start = decoded
        }
        let page = selected.dropFirst(start).prefix(size)
        var answer: JSONObject = ["MetricAlarms": .array(page.map(Self.alarmJSON)), "CompositeAlarms": .array([])]
        if start + page.count < selected.count { answer["NextToken"] = .string(SimLogsService.encodeToken(start + page.count, group: "alarms")) }
        return AWSJSON.ok(.object(answer), contentType: Self.contentType)
    }

    static func alarmJSON(_ a: AlarmInfo) -> JSONValue {
        .object([
            "AlarmName": .string(a.name), "AlarmArn": .string(a.arn), "AlarmDescription": .string(a.description),
            "ActionsEnabled": .bool(a.actionsEnabled), "OKActions": .array([]), "AlarmActions": .array(a.alarmActions.map { .string($0) }),
            "InsufficientDataActions": .array([]), "StateValue": .string(a.state.rawValue), "StateReason": .string(a.stateReason),
            "StateUpdatedTimestamp": AWSJSON.epochSeconds(a.stateUpdated), "MetricName": .string(a.metricName), "Namespace": .string(a.namespace),
            "Statistic": .string(a.statistic), "Dimensions": .array(a.dimensions.map { .object(["Name": .string($0.name), "Value": .string($0.value)]) }),
            "Period": .int(a.period), "EvaluationPeriods": .int(a.evaluationPeriods), "Threshold": .double(a.threshold),
            "ComparisonOperator": .string(a.comparisonOperator), "TreatMissingData": .string(a.treatMissingData),
        ])
    }

    func describeAlarmHistory(_ request: JSONObject) -> SimResponse {
        var items = alarms.alarms.flatMap(\.history)
        if let name = request["AlarmName"]?.stringValue { items = items.filter { $0.alarmName == name } }
        items.sort { $0.timestamp > $1.timestamp }
        let max = request["MaxRecords"]?.numberValue?.intValue ?? 100
        let json: [JSONValue] = items.prefix(Swift.max(1, Swift.min(100, max))).map { item in
            .object(["AlarmName": .string(item.alarmName), "AlarmType": .string("MetricAlarm"), "Timestamp": AWSJSON.epochSeconds(item.timestamp),
                     "HistoryItemType": .string(item.historyItemType), "HistorySummary": .string(item.summary), "HistoryData": .string(item.historyData)])
        }
        return AWSJSON.ok(.object(["AlarmHistoryItems": .array(json)]), contentType: Self.contentType)
    }

    func putMetricData(_ request: JSONObject, now: Date) -> SimResponse {
        guard let namespace = request["Namespace"]?.stringValue, !namespace.isEmpty, !namespace.hasPrefix("AWS/") else {
            return error("InvalidParameterValue", "The value for parameter Namespace must be given and must not start with AWS/.")
        }
        for datum in request["MetricData"]?.arrayValue ?? [] {
            guard let name = datum["MetricName"]?.stringValue else { return error("MissingParameter", "MetricName is required") }
            let dims = (datum["Dimensions"]?.arrayValue ?? []).map { MetricDimension(name: $0["Name"]?.stringValue ?? "", value: $0["Value"]?.stringValue ?? "") }
            let at = AWSJSON.int64(datum["Timestamp"]).map { Date(timeIntervalSince1970: Double($0)) } ?? now
            store.record(SimMetricStore.Key(namespace: namespace, name: name, dimensions: dims), value: datum["Value"]?.numberValue?.doubleValue ?? 0, at: at)
        }
        return SimResponse(status: 200, contentType: Self.contentType, text: "{}")
    }
}
