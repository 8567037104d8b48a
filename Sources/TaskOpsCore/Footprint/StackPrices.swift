/// What the watched stack is billed for what the console asks of it: the prices published for
/// us-east-1 as of November 2026 (check the AWS pricing pages before relying on them; other regions
/// differ by a few percent). Step Functions reads, STS and CloudWatch Logs reads are not billed per call.
public struct StackPrices: Sendable, Hashable {
    public var region: String
    public var asOf: String
    /// USD per million HTTP API requests.
    public var httpAPIPerMillionRequests: Double
    public var lambdaPerMillionRequests: Double
    /// x86, per GB-second of billed duration.
    public var lambdaPerGBSecond: Double
    /// On-demand, per million read request units.
    public var dynamoDBPerMillionReadUnits: Double
    public var cloudWatchPerThousandMetrics: Double
    /// CloudWatch API requests other than GetMetricData.
    public var cloudWatchPerThousandRequests: Double
    public var logsIngestionPerGB: Double
    public var logsInsightsPerGBScanned: Double

    public static let usEast1 = StackPrices(
        region: "us-east-1", asOf: "2026-11", httpAPIPerMillionRequests: 1.00, lambdaPerMillionRequests: 0.20, lambdaPerGBSecond: 0.0000166667,
        dynamoDBPerMillionReadUnits: 0.125, cloudWatchPerThousandMetrics: CloudWatchLimits.getMetricDataPricePerThousandMetrics,
        cloudWatchPerThousandRequests: 0.01, logsIngestionPerGB: 0.50, logsInsightsPerGBScanned: 0.005)
}
