import Foundation
import TaskOpsCore
import TaskOpsService

/// `taskops alarms`: the stack's alarms with state, threshold and reason.
public enum AlarmCommands {
    public static func list(_ context: CommandContext) async -> ExitStatus {
        guard let cloudWatch = context.cloudWatch else { return context.fail("no CloudWatch client configured", .config) }
        // The console's poller pages DescribeAlarms and keeps this stack's alarms; one reader serves both.
        let store = StackStore()
        do {
            try await AlarmsPoller(cloudWatch: cloudWatch, store: store, names: context.target.names).poll()
        } catch {
            return context.fail(error)
        }
        let alarms = store.current().alarms.alarms.map(\.alarm)
        if context.json {
            context.output.print(JSONWriter.compact(.array(alarms.map(json))))
            return .ok
        }
        var table = TextTable(columns: [
            TextTable.Column("ALARM", maxWidth: 48), TextTable.Column("STATE", maxWidth: 17), TextTable.Column("METRIC", maxWidth: 40),
            TextTable.Column("THRESHOLD", maxWidth: 24), TextTable.Column("REASON", maxWidth: 120),
        ])
        for alarm in alarms {
            table.add([alarm.name, alarm.state.rawValue, "\(alarm.namespace) \(alarm.metricName)",
                       "\(alarm.statistic) > \(format(alarm.threshold)) ×\(alarm.evaluationPeriods)", alarm.stateReason])
        }
        context.output.print(table.render(context.measure))
        return .ok
    }

    static func json(_ alarm: AlarmInfo) -> JSONValue {
        .object([
            "name": .string(alarm.name), "state": .string(alarm.state.rawValue), "reason": .string(alarm.stateReason),
            "updated": .string(StackTime.isoMillisZ(alarm.stateUpdated)), "namespace": .string(alarm.namespace),
            "metric": .string(alarm.metricName), "statistic": .string(alarm.statistic), "threshold": .double(alarm.threshold),
            "evaluationPeriods": .int(alarm.evaluationPeriods), "period": .int(alarm.period),
            "dimensions": .object(JSONObject(alarm.dimensions.map { ($0.name, JSONValue.string($0.value)) })),
        ])
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
