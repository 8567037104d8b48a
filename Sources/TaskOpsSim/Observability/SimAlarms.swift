import Foundation
import TaskOpsCore

/// The stack's eight metric alarms, evaluated as CloudWatch evaluates them: at each period
/// boundary over the last `evaluationPeriods` periods, missing data treated as not breaching.
public final class SimAlarms: SimTicking {
    public struct Alarm {
        public var info: AlarmInfo
        public var history: [AlarmHistoryItem] = []
    }

    public private(set) var alarms: [Alarm]
    let store: SimMetricStore
    private var lastEvaluated: Int64 = -1
    /// CloudWatch needs a whole period of data before an alarm leaves INSUFFICIENT_DATA.
    private let firstEvaluation: Date

    public init(names: StackNames, apiId: String, store: SimMetricStore, snsTopicArn: String? = nil, createdAt: Date) {
        self.store = store
        self.firstEvaluation = createdAt.addingTimeInterval(300)
        let create = [MetricDimension(name: "FunctionName", value: names.functionName("create_task") ?? "")]
        let table = [MetricDimension(name: "TableName", value: names.tableName)]
        let api = [MetricDimension(name: "ApiId", value: apiId)]
        let machine = [MetricDimension(name: "StateMachineArn", value: names.stateMachineArn)]
        let specs: [(String, String, String, String, Double, Int, [MetricDimension], String)] = [
            ("lambda-errors", "AWS/Lambda", "Errors", "Sum", 10, 2, create, "This metric monitors lambda errors"),
            ("lambda-throttles", "AWS/Lambda", "Throttles", "Sum", 5, 1, create, "This metric monitors lambda throttles"),
            ("dynamodb-read-throttles", "AWS/DynamoDB", "ReadThrottleEvents", "Sum", 5, 2, table, "This metric monitors DynamoDB read throttles"),
            ("dynamodb-write-throttles", "AWS/DynamoDB", "WriteThrottleEvents", "Sum", 5, 2, table, "This metric monitors DynamoDB write throttles"),
            ("api-5xx-errors", "AWS/ApiGateway", "5XXError", "Sum", 10, 2, api, "This metric monitors API Gateway 5XX errors"),
            ("api-latency", "AWS/ApiGateway", "Latency", "Average", 2000, 2, api, "This metric monitors API Gateway latency"),
            ("stepfunctions-failures", "AWS/States", "ExecutionsFailed", "Sum", 3, 1, machine, "This metric monitors Step Functions execution failures"),
            ("lambda-duration", "AWS/Lambda", "Duration", "Average", 5000, 2, create, "This metric monitors lambda function duration"),
        ]
        alarms = specs.map { spec in
            let name = "\(names.project)-\(spec.0)-\(names.env)"
            return Alarm(info: AlarmInfo(
                name: name, arn: "arn:aws:cloudwatch:\(names.region):\(names.account):alarm:\(name)", description: spec.7,
                state: .insufficientData, stateReason: "Unchecked: Initial alarm creation", stateUpdated: createdAt,
                namespace: spec.1, metricName: spec.2, statistic: spec.3, dimensions: spec.6, period: 300, evaluationPeriods: spec.5,
                threshold: spec.4, alarmActions: snsTopicArn.map { [$0] } ?? []))
        }
    }

    public func tick(now: Date) {
        let boundary = Int64(now.timeIntervalSince1970 / 60)
        guard boundary != lastEvaluated, now >= firstEvaluation else { return }
        lastEvaluated = boundary
        for index in alarms.indices { evaluate(index, now: now) }
    }

    func evaluate(_ index: Int, now: Date) {
        let info = alarms[index].info
        let period = TimeInterval(info.period)
        let end = Date(timeIntervalSince1970: floor(now.timeIntervalSince1970 / period) * period)
        let start = end.addingTimeInterval(-period * Double(info.evaluationPeriods))
        let key = SimMetricStore.Key(namespace: info.namespace, name: info.metricName, dimensions: info.dimensions)
        let points = store.query(key, stat: info.statistic, period: info.period, start: start, end: end)
        let breaching = points.filter { $0.1 > info.threshold }
        let newState: AlarmState
        let reason: String
        if breaching.count >= info.evaluationPeriods {
            newState = .alarm
            let list = breaching.map { "\(Self.number($0.1)) (\(Self.reasonDate($0.0)))" }.joined(separator: ", ")
            reason = "Threshold Crossed: \(breaching.count) datapoint\(breaching.count == 1 ? "" : "s") [\(list)] was greater than the threshold (\(Self.number(info.threshold)))."
        } else if points.isEmpty {
            newState = .ok
            let n = info.evaluationPeriods
            reason = "Threshold Crossed: no datapoints were received for \(n) period\(n == 1 ? "" : "s") and \(n) missing datapoint\(n == 1 ? " was" : "s were") treated as [NonBreaching]."
        } else {
            newState = .ok
            let list = points.map { "\(Self.number($0.1)) (\(Self.reasonDate($0.0)))" }.joined(separator: ", ")
            reason = "Threshold Crossed: \(points.count) datapoint\(points.count == 1 ? "" : "s") [\(list)] was not greater than the threshold (\(Self.number(info.threshold)))."
        }
        guard newState != info.state else { return }
        change(index, to: newState, reason: reason, now: now)
    }

    /// SetAlarmState: false when no alarm has that name.
    func setState(named name: String, to state: AlarmState, reason: String, now: Date) -> Bool {
        guard let index = alarms.firstIndex(where: { $0.info.name == name }) else { return false }
        change(index, to: state, reason: reason, now: now)
        return true
    }

    private func change(_ index: Int, to newState: AlarmState, reason: String, now: Date) {
        let info = alarms[index].info
        let old = info.state
        alarms[index].info.state = newState
        alarms[index].info.stateReason = reason
        alarms[index].info.stateUpdated = now
        let data = JSONWriter.compact(.object(["version": .string("1.0"), "oldState": .object(["stateValue": .string(old.rawValue)]),
                                               "newState": .object(["stateValue": .string(newState.rawValue), "stateReason": .string(reason)])]))
        alarms[index].history.append(AlarmHistoryItem(alarmName: info.name, timestamp: now, historyItemType: "StateUpdate",
                                                      summary: "Alarm updated from \(old.rawValue) to \(newState.rawValue)", historyData: data))
        if alarms[index].history.count > 500 { alarms[index].history.removeFirst() }
    }

    static func number(_ value: Double) -> String { String(format: "%.1f", value) }

    /// `25/11/26 10:05:00`, as CloudWatch writes datapoint times in state reasons.
    static func reasonDate(_ date: Date) -> String {
        let iso = StackTime.pythonISO(date)
        let y = iso.prefix(4).suffix(2), m = iso.dropFirst(5).prefix(2), d = iso.dropFirst(8).prefix(2)
        return "\(d)/\(m)/\(y) \(iso.dropFirst(11).prefix(8))"
    }
}
