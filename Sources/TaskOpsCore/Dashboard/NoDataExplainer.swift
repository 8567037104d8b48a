/// Says why a dashboard row or an alarm can never have data on this stack (an HTTP API, metrics
/// published with dimensions), as opposed to merely having none yet.
public enum NoDataExplainer {
    public static func reason(namespace: String, metricName: String, dimensions: [MetricDimension], names: StackNames) -> String? {
        let dimensionNames = Set(dimensions.map(\.name))
        switch namespace {
        case "AWS/ApiGateway":
            if metricName == "4XXError" || metricName == "5XXError" {
                return "\(metricName) is a REST API metric; this HTTP API emits \(metricName == "4XXError" ? "4xx" : "5xx")"
            }
            if !dimensionNames.contains("ApiId") { return "API Gateway metrics exist only per ApiId (no dimensions given)" }
        case "AWS/States":
            if !dimensionNames.contains("StateMachineArn") { return "Step Functions metrics exist only per StateMachineArn (no dimensions given)" }
        case "AWS/DynamoDB":
            if metricName != "UserErrors" && !dimensionNames.contains("TableName") {
                return "DynamoDB \(metricName) exists only per TableName (no dimensions given)"
            }
        case names.customNamespace:
            return nil
        default:
            break
        }
        return nil
    }

    /// Why a custom-metric row is empty on an unpatched stack; said once the handlers' logs show
    /// it (`PutMetricDataDenial`).
    public static func caveat(namespace: String, names: StackNames) -> String? {
        namespace == names.customNamespace ? "the Lambda role cannot PutMetricData: the handlers log AccessDenied (original IAM)" : nil
    }

    public static func reason(for row: DashboardMetricRow, names: StackNames) -> String? {
        reason(namespace: row.namespace, metricName: row.metricName, dimensions: row.dimensions, names: names)
    }

    public static func reason(for alarm: AlarmInfo, names: StackNames) -> String? {
        reason(namespace: alarm.namespace, metricName: alarm.metricName, dimensions: alarm.dimensions, names: names)
    }
}
