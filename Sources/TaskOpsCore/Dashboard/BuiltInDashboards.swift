/// The dashboards taskops knows without asking CloudWatch.
public enum BuiltInDashboards {
    /// The body the stack's Terraform deploys (SYSTEM.md's appendix), for the stack's names.
    public static func deployedBody(_ names: StackNames) -> String {
        let r = names.region
        func metric(_ title: String, _ namespace: String, _ rows: [(String, String, String)], extra: String = "") -> String {
            var parts: [String] = []
            for (index, row) in rows.enumerated() {
                let ns = index == 0 ? namespace : "."
                parts.append("[\"\(ns)\",\"\(row.0)\",{\"label\":\"\(row.1)\",\"stat\":\"\(row.2)\"}]")
            }
            return "{\"properties\":{\"metrics\":[\(parts.joined(separator: ","))],\"period\":300,\"region\":\"\(r)\",\"stat\":\"Average\",\"title\":\"\(title)\"\(extra)},\"type\":\"metric\"}"
        }
        let lambda = metric("Lambda Metrics Overview", "AWS/Lambda", [("Invocations", "Total Invocations", "Sum"), ("Errors", "Errors", "Sum"),
            ("Throttles", "Throttles", "Sum"), ("Duration", "Avg Duration", "Average")], extra: ",\"yAxis\":{\"left\":{\"label\":\"Count\"}}")
        let dynamo = metric("DynamoDB Metrics", "AWS/DynamoDB", [("ConsumedReadCapacityUnits", "Read Capacity", "Sum"),
            ("ConsumedWriteCapacityUnits", "Write Capacity", "Sum"), ("UserErrors", "User Errors", "Sum"), ("SystemErrors", "System Errors", "Sum")])
        let api = metric("API Gateway Metrics", "AWS/ApiGateway", [("Count", "Total Requests", "Sum"), ("4XXError", "4XX Errors", "Sum"),
            ("5XXError", "5XX Errors", "Sum"), ("Latency", "Latency", "Average")])
        let states = metric("Step Functions Metrics", "AWS/States", [("ExecutionsStarted", "Executions Started", "Sum"),
            ("ExecutionsSucceeded", "Executions Succeeded", "Sum"), ("ExecutionsFailed", "Executions Failed", "Sum"), ("ExecutionTime", "Avg Execution Time", "Average")])
        let query = "SOURCE '/aws/lambda/\(names.functionName("create_task") ?? "")'\\n| fields @timestamp, @message\\n| filter @message like /ERROR/\\n| sort @timestamp desc\\n| limit 20\\n"
        let log = "{\"properties\":{\"query\":\"\(query)\",\"region\":\"\(r)\",\"title\":\"Recent Lambda Errors\"},\"type\":\"log\"}"
        return "{\"widgets\":[\(lambda),\(dynamo),\(api),\(states),\(log)]}"
    }

    /// The same panels with the dimensions and HTTP-API metric names the stack really emits, plus its custom metrics.
    public static func stackDashboard(_ names: StackNames, apiId: String?) -> DashboardBody {
        func row(_ ns: String, _ metric: String, _ dims: [MetricDimension], _ label: String, _ stat: String) -> DashboardMetricRow {
            DashboardMetricRow(namespace: ns, metricName: metric, dimensions: dims, label: label, stat: stat, period: 300, region: names.region)
        }
        func widget(_ title: String, _ rows: [DashboardMetricRow], x: Int, y: Int) -> DashboardWidget {
            DashboardWidget(kind: .metric, typeName: "metric", x: x, y: y, width: 8, height: 6, title: title, metrics: rows, region: names.region)
        }
        let create = [MetricDimension(name: "FunctionName", value: names.functionName("create_task") ?? "")]
        let api = apiId.map { [MetricDimension(name: "ApiId", value: $0)] } ?? []
        let table = [MetricDimension(name: "TableName", value: names.tableName)]
        let machine = [MetricDimension(name: "StateMachineArn", value: names.stateMachineArn)]
        let env = [MetricDimension(name: "Environment", value: names.env)]
        let custom = names.customNamespace
        var widgets = [
            widget("Lambda (create-task)", [row("AWS/Lambda", "Invocations", create, "Invocations", "Sum"), row("AWS/Lambda", "Errors", create, "Errors", "Sum"),
                row("AWS/Lambda", "Throttles", create, "Throttles", "Sum"), row("AWS/Lambda", "Duration", create, "Avg Duration", "Average")], x: 0, y: 0),
            widget("API Gateway (HTTP API)", [row("AWS/ApiGateway", "Count", api, "Requests", "Sum"), row("AWS/ApiGateway", "4xx", api, "4xx", "Sum"),
                row("AWS/ApiGateway", "5xx", api, "5xx", "Sum"), row("AWS/ApiGateway", "Latency", api, "Latency", "Average")], x: 8, y: 0),
            widget("DynamoDB", [row("AWS/DynamoDB", "ConsumedReadCapacityUnits", table, "Read Capacity", "Sum"),
                row("AWS/DynamoDB", "ConsumedWriteCapacityUnits", table, "Write Capacity", "Sum"),
                row("AWS/DynamoDB", "ReadThrottleEvents", table, "Read Throttles", "Sum"), row("AWS/DynamoDB", "WriteThrottleEvents", table, "Write Throttles", "Sum")], x: 16, y: 0),
            widget("Step Functions", [row("AWS/States", "ExecutionsStarted", machine, "Started", "Sum"), row("AWS/States", "ExecutionsSucceeded", machine, "Succeeded", "Sum"),
                row("AWS/States", "ExecutionsFailed", machine, "Failed", "Sum"), row("AWS/States", "ExecutionTime", machine, "Avg Time", "Average")], x: 0, y: 6),
            widget("Task Manager", [row(custom, "TaskUpdates", [MetricDimension(name: "Status", value: "completed")] + env, "Updates → completed", "Sum"),
                row(custom, "TaskCompletions", [MetricDimension(name: "Priority", value: "high")] + env, "Completions (high)", "Sum"),
                row(custom, "TaskDuration", [MetricDimension(name: "Priority", value: "high")], "Duration h (high)", "Average")], x: 8, y: 6),
        ]
        widgets.append(DashboardWidget(kind: .log, typeName: "log", x: 16, y: 6, width: 8, height: 6, title: "Recent Lambda Errors", region: names.region,
                                       query: "SOURCE '/aws/lambda/\(names.functionName("create_task") ?? "")'\n| fields @timestamp, @message\n| filter @message like /ERROR/\n| sort @timestamp desc\n| limit 20\n"))
        return DashboardBody(widgets: widgets)
    }
}
