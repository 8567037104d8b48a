import Foundation
import TaskOpsCore

/// The reads scripts make besides GetMetricData: GetMetricStatistics (`aws cloudwatch
/// get-metric-statistics`) and ListMetrics (`aws cloudwatch list-metrics`), from the same store.
extension SimCloudWatchService {
    static let statistics: Set<String> = ["SampleCount", "Average", "Sum", "Minimum", "Maximum"]

    static func dimensions(_ value: JSONValue?) -> [MetricDimension] {
        (value?.arrayValue ?? []).map { MetricDimension(name: $0["Name"]?.stringValue ?? "", value: $0["Value"]?.stringValue ?? "") }
    }

    func getMetricStatistics(_ request: JSONObject) -> SimResponse {
        guard let namespace = request["Namespace"]?.stringValue, let name = request["MetricName"]?.stringValue else {
            return error("MissingParameter", "The parameters Namespace and MetricName are required.")
        }
        guard let start = AWSJSON.int64(request["StartTime"]), let end = AWSJSON.int64(request["EndTime"]) else {
            return error("MissingParameter", "The parameters StartTime and EndTime are required.")
        }
        guard start < end else { return error("InvalidParameterValue", "The parameter StartTime must be less than the parameter EndTime.") }
        guard let period = request["Period"]?.numberValue?.intValue, period >= 60, period % 60 == 0 else {
            return error("InvalidParameterValue", "The parameter Period must be a multiple of 60.")
        }
        let stats = (request["Statistics"]?.arrayValue ?? []).compactMap(\.stringValue)
        let extended = (request["ExtendedStatistics"]?.arrayValue ?? []).compactMap(\.stringValue)
        guard !stats.isEmpty || !extended.isEmpty else { return error("MissingParameter", "The parameter Statistics or ExtendedStatistics is required.") }
        if let bad = stats.first(where: { !Self.statistics.contains($0) }) {
            return error("InvalidParameterValue", "The parameter Statistics.member.1 must be a value in the set [ SampleCount, Average, Sum, Minimum, Maximum ]: \(bad)")
        }
        let key = SimMetricStore.Key(namespace: namespace, name: name, dimensions: Self.dimensions(request["Dimensions"]))
        let from = Date(timeIntervalSince1970: Double(start)), to = Date(timeIntervalSince1970: Double(end))
        var points: [Date: (JSONObject, JSONObject)] = [:]
        for stat in stats {
            for (time, value) in store.query(key, stat: stat, period: period, start: from, end: to) { points[time, default: ([:], [:])].0[stat] = .double(value) }
        }
        for stat in extended {
            for (time, value) in store.query(key, stat: stat, period: period, start: from, end: to) { points[time, default: ([:], [:])].1[stat] = .double(value) }
        }
        let datapoints: [JSONValue] = points.keys.sorted().compactMap { time in
            guard let (plain, percentiles) = points[time] else { return nil }
            var object = plain
            object["Timestamp"] = AWSJSON.epochSeconds(time)
            object["Unit"] = .string(request["Unit"]?.stringValue ?? "None")
            if !percentiles.isEmpty { object["ExtendedStatistics"] = .object(percentiles) }
            return .object(object)
        }
        return AWSJSON.ok(.object(["Label": .string(name), "Datapoints": .array(datapoints)]), contentType: Self.contentType)
    }

    func listMetrics(_ request: JSONObject) -> SimResponse {
        let namespace = request["Namespace"]?.stringValue, name = request["MetricName"]?.stringValue
        let wanted = (request["Dimensions"]?.arrayValue ?? []).map { ($0["Name"]?.stringValue ?? "", $0["Value"]?.stringValue) }
        func matches(_ key: SimMetricStore.Key) -> Bool {
            guard namespace.map({ key.namespace == $0 }) ?? true, name.map({ key.name == $0 }) ?? true else { return false }
            return wanted.allSatisfy { filter in
                key.dimensions.contains { dimension in dimension.name == filter.0 && (filter.1 == nil || dimension.value == filter.1) }
            }
        }
        func order(_ key: SimMetricStore.Key) -> String {
            ([key.namespace, key.name] + key.dimensions.map { "\($0.name)=\($0.value)" }).joined(separator: "\u{0}")
        }
        let keys = store.series.keys.filter(matches).sorted { order($0) < order($1) }
        var start = 0
        if let token = request["NextToken"]?.stringValue {
            guard let position = SimLogsService.decodeToken(token, group: "listmetrics") else { return error("InvalidNextToken", "The service couldn't process the NextToken.") }
            start = position
        }
        let page = keys.dropFirst(start).prefix(500)
        let metrics: [JSONValue] = page.map { key in
            let dimensions: [JSONValue] = key.dimensions.map { .object(["Name": .string($0.name), "Value": .string($0.value)]) }
            return .object(["Namespace": .string(key.namespace), "MetricName": .string(key.name), "Dimensions": .array(dimensions)])
        }
        var answer: JSONObject = ["Metrics": .array(metrics)]
        if start + page.count < keys.count { answer["NextToken"] = .string(SimLogsService.encodeToken(start + page.count, group: "listmetrics")) }
        return AWSJSON.ok(.object(answer), contentType: Self.contentType)
    }
}
