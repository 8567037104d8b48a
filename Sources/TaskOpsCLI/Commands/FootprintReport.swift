import Foundation
import TaskOpsCore

/// `taskops footprint`: what the console's own requests cost the stack, as measured by running its
/// service (no screen) for a while with the console's settings.
public enum FootprintReport {
    public struct Measurement: Sendable {
        public var footprint: Footprint
        public var taskList: TaskWatchStatus
        /// Polls that failed during the run, by source (a denied or unreachable source costs nothing and says so here).
        public var errors: [String: String]
        public init(footprint: Footprint, taskList: TaskWatchStatus, errors: [String: String]) {
            self.footprint = footprint
            self.taskList = taskList
            self.errors = errors
        }
    }

    public static func print(_ measured: Measurement, context: CommandContext, prices: StackPrices = .usEast1) -> ExitStatus {
        let perHour = measured.footprint.rate(per: 3600)
        if context.json {
            context.output.print(JSONWriter.compact(json(measured, perHour: perHour, stack: context.target.names, prices: prices)))
            return .ok
        }
        let names = context.target.names
        var text = "taskops footprint of one console on \(names.project)-\(names.env) (\(names.region)), "
            + "measured over \(Int(measured.footprint.span)) s; prices \(prices.region) as of \(prices.asOf)\n"
        text += "task list: \(describe(measured.taskList))\n\n"
        var table = TextTable(columns: [TextTable.Column("WHAT", maxWidth: 34), TextTable.Column("MEASURED", alignRight: true),
                                        TextTable.Column("PER HOUR", alignRight: true), TextTable.Column("USD/HOUR", alignRight: true)])
        let costs = Dictionary(perHour.cost(prices).map { ($0.item, $0.usd) }, uniquingKeysWith: +)
        func usd(_ item: String?) -> String { item.flatMap { costs[$0] }.map { String(format: "%.6f", $0) } ?? "not billed" }
        for row in rows(measured.footprint, perHour) { table.add([row.what, row.measured, row.perHour, usd(row.costItem)]) }
        table.add(["total", "", "", String(format: "%.6f", perHour.totalCost(prices))])
        text += table.render(context.measure)
        text += String(format: "\nabout $%.2f a month for one console left open", perHour.totalCost(prices) * 24 * 30)
        for (source, error) in measured.errors.sorted(by: { $0.key < $1.key }) { text += "\n\(source): \(context.measure.sanitize(error))" }
        context.output.print(text)
        return .ok
    }

    struct Row {
        var what: String
        var measured: String
        var perHour: String
        var costItem: String?
    }

    static func rows(_ f: Footprint, _ h: Footprint) -> [Row] {
        func n(_ value: Int) -> String { String(value) }
        func d(_ value: Double) -> String { String(format: "%.2f", value) }
        return [
            Row(what: "Task API requests", measured: n(f.taskAPIRequests), perHour: n(h.taskAPIRequests), costItem: "API Gateway requests"),
            Row(what: "Lambda invocations", measured: n(f.lambdaInvocations), perHour: n(h.lambdaInvocations), costItem: "Lambda requests"),
            Row(what: "Lambda GB-seconds", measured: d(f.lambdaGBSeconds), perHour: d(h.lambdaGBSeconds), costItem: "Lambda GB-seconds"),
            Row(what: "DynamoDB read units", measured: d(f.dynamoDBReadUnits), perHour: d(h.dynamoDBReadUnits), costItem: "DynamoDB read units"),
            Row(what: "CloudWatch metrics requested", measured: n(f.cloudWatchMetrics), perHour: n(h.cloudWatchMetrics), costItem: "CloudWatch metrics requested"),
            Row(what: "CloudWatch API requests", measured: n(f.cloudWatchRequests), perHour: n(h.cloudWatchRequests), costItem: "CloudWatch API requests"),
            Row(what: "CloudWatch Logs requests", measured: n(f.logsRequests), perHour: n(h.logsRequests), costItem: nil),
            Row(what: "Logs Insights bytes scanned", measured: n(f.logsInsightsBytesScanned), perHour: n(h.logsInsightsBytesScanned), costItem: "Logs Insights scanned"),
            Row(what: "log bytes its requests caused", measured: n(f.logBytesCaused), perHour: n(h.logBytesCaused), costItem: "Logs ingestion caused"),
            Row(what: "Step Functions requests", measured: n(f.stepFunctionsRequests), perHour: n(h.stepFunctionsRequests), costItem: nil),
        ]
    }

    static func describe(_ watch: TaskWatchStatus) -> String {
        let mode: String
        switch watch.mode {
        case .starting: mode = "not listed yet"
        case .watching: mode = "listed once, kept from the stack's records"
        case .polling(let reason): mode = "listed every poll (\(reason))"
        }
        return "\(mode); \(watch.lists) list(s), \(watch.reads) single read(s), drift \(watch.drift)"
    }

    static func json(_ m: Measurement, perHour: Footprint, stack: StackNames, prices: StackPrices) -> JSONValue {
        let mode: String
        switch m.taskList.mode {
        case .starting: mode = "starting"
        case .watching: mode = "watching"
        case .polling: mode = "polling"
        }
        return .object([
            "stack": .string("\(stack.project)-\(stack.env)"), "region": .string(stack.region), "seconds": .double(m.footprint.span),
            "measured": json(m.footprint), "perHour": json(perHour),
            "costPerHour": .object(JSONObject(perHour.cost(prices).map { ($0.item, JSONValue.double($0.usd)) })),
            "totalCostPerHour": .double(perHour.totalCost(prices)), "prices": .object(["region": .string(prices.region), "asOf": .string(prices.asOf)]),
            "taskList": .object(["mode": .string(mode), "lists": .int(m.taskList.lists), "reads": .int(m.taskList.reads), "drift": .int(m.taskList.drift)]),
            "errors": .object(JSONObject(m.errors.sorted { $0.key < $1.key }.map { ($0.key, JSONValue.string($0.value)) })),
        ])
    }

    static func json(_ f: Footprint) -> JSONValue {
        .object([
            "taskApiRequests": .int(f.taskAPIRequests), "lambdaInvocations": .int(f.lambdaInvocations), "lambdaGBSeconds": .double(f.lambdaGBSeconds),
            "dynamoDBReadUnits": .double(f.dynamoDBReadUnits), "cloudWatchMetrics": .int(f.cloudWatchMetrics),
            "cloudWatchRequests": .int(f.cloudWatchRequests), "logsRequests": .int(f.logsRequests),
            "logsInsightsBytesScanned": .int(f.logsInsightsBytesScanned), "logBytesCaused": .int(f.logBytesCaused),
            "stepFunctionsRequests": .int(f.stepFunctionsRequests),
        ])
    }
}
