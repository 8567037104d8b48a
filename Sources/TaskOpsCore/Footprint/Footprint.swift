import Foundation

/// What the console's own requests ask of the stack it watches, over a span: every Task API request
/// is an API Gateway request, a Lambda invocation (256 MB, billed by its duration), a DynamoDB read
/// and the log lines both write; CloudWatch bills metrics requested and API calls; Logs Insights
/// bills bytes scanned.
public struct Footprint: Sendable, Hashable {
    /// Seconds the figures cover.
    public var span: TimeInterval = 0
    public var taskAPIRequests = 0
    public var lambdaInvocations = 0
    public var lambdaGBSeconds = 0.0
    public var dynamoDBReadUnits = 0.0
    /// Metrics requested with GetMetricData.
    public var cloudWatchMetrics = 0
    /// CloudWatch API calls other than GetMetricData.
    public var cloudWatchRequests = 0
    /// CloudWatch Logs calls (FilterLogEvents shares the account's 5 calls a second with every tool).
    public var logsRequests = 0
    public var logsInsightsBytesScanned = 0
    /// Log ingestion the console's own Task API requests cause (access log and Lambda lines).
    public var logBytesCaused = 0
    public var stepFunctionsRequests = 0
    public var otherRequests = 0

    public init() {}

    /// The stack's functions have 256 MB.
    public static let lambdaMemoryGB = 0.25
    /// Billed duration assumed for a function until its REPORT lines have been read.
    public static let assumedBilledMillis = 100.0
    /// An access-log line, START, END and REPORT lines, each with CloudWatch's 26 bytes of metadata.
    public static let logBytesPerTaskAPIRequest = 750
    /// DynamoDB bills an eventually consistent read half a unit per 4 KB, rounded up per request.
    public static let readUnitBytes = 4096

    /// Adds one request; `billedMillis` is the billed duration of the function a Task API request invoked.
    public mutating func add(_ call: CallRecord, billedMillis: Double) {
        switch call.service {
        case "tasks":
            taskAPIRequests += 1
            lambdaInvocations += 1
            lambdaGBSeconds += billedMillis / 1000 * Self.lambdaMemoryGB
            if call.operation == "ListTasks" || call.operation == "GetTask" {
                dynamoDBReadUnits += 0.5 * Double(max(1, (call.responseBytes + Self.readUnitBytes - 1) / Self.readUnitBytes))
            }
            logBytesCaused += Self.logBytesPerTaskAPIRequest
        case "monitoring":
            if call.operation == "GetMetricData" { cloudWatchMetrics += call.metricCount } else { cloudWatchRequests += 1 }
        case "logs":
            logsRequests += 1
            logsInsightsBytesScanned += call.scannedBytes
        case "states":
            stepFunctionsRequests += 1
        default:
            otherRequests += 1
        }
    }

    /// The same load over `seconds` (per hour: 3600).
    public func rate(per seconds: TimeInterval) -> Footprint {
        let factor = span > 0 ? seconds / span : 0
        func scale(_ value: Int) -> Int { Int((Double(value) * factor).rounded()) }
        var result = Footprint()
        result.span = seconds
        result.taskAPIRequests = scale(taskAPIRequests)
        result.lambdaInvocations = scale(lambdaInvocations)
        result.lambdaGBSeconds = lambdaGBSeconds * factor
        result.dynamoDBReadUnits = dynamoDBReadUnits * factor
        result.cloudWatchMetrics = scale(cloudWatchMetrics)
        result.cloudWatchRequests = scale(cloudWatchRequests)
        result.logsRequests = scale(logsRequests)
        result.logsInsightsBytesScanned = scale(logsInsightsBytesScanned)
        result.logBytesCaused = scale(logBytesCaused)
        result.stepFunctionsRequests = scale(stepFunctionsRequests)
        result.otherRequests = scale(otherRequests)
        return result
    }

    public struct CostLine: Sendable, Hashable {
        public var item: String
        public var usd: Double
    }

    /// What the figures cost at `prices`, item by item.
    public func cost(_ prices: StackPrices = .usEast1) -> [CostLine] {
        let gigabyte = 1_073_741_824.0
        return [
            CostLine(item: "API Gateway requests", usd: Double(taskAPIRequests) / 1e6 * prices.httpAPIPerMillionRequests),
            CostLine(item: "Lambda requests", usd: Double(lambdaInvocations) / 1e6 * prices.lambdaPerMillionRequests),
            CostLine(item: "Lambda GB-seconds", usd: lambdaGBSeconds * prices.lambdaPerGBSecond),
            CostLine(item: "DynamoDB read units", usd: dynamoDBReadUnits / 1e6 * prices.dynamoDBPerMillionReadUnits),
            CostLine(item: "CloudWatch metrics requested", usd: Double(cloudWatchMetrics) / 1000 * prices.cloudWatchPerThousandMetrics),
            CostLine(item: "CloudWatch API requests", usd: Double(cloudWatchRequests) / 1000 * prices.cloudWatchPerThousandRequests),
            CostLine(item: "Logs ingestion caused", usd: Double(logBytesCaused) / gigabyte * prices.logsIngestionPerGB),
            CostLine(item: "Logs Insights scanned", usd: Double(logsInsightsBytesScanned) / gigabyte * prices.logsInsightsPerGBScanned),
        ]
    }

    public func totalCost(_ prices: StackPrices = .usEast1) -> Double { cost(prices).reduce(0) { $0 + $1.usd } }
}
