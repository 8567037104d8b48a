import TaskOpsCore

/// Injected trouble, set from `--faults` or `PUT /_sim/faults`.
///
/// Spec syntax: comma-separated `name=value` pairs, probabilities in 0…1:
/// `api5xx=0.5,api-throttle=0.2,lambda-errors=0.1,lambda-throttles=0.1,ddb-throttle=0.3,ddb5xx=0.1,latency-ms=3000`,
/// and for the AWS services (CloudWatch, Logs, Step Functions) `aws-throttle=0.3,aws5xx=0.2`;
/// `delay-ms=2000` holds every answer back for that long in real time (to exceed client timeouts);
/// `ingest-delay-ms=3000` makes log events readable about that long after their timestamp (now and
/// then a minute), out of order across streams, as CloudWatch Logs' ingestion does.
public struct SimFaults: Sendable, Equatable {
    /// API Gateway answers 500 `Internal Server Error` (a Lambda crash; counts as a Lambda error).
    public var api5xx = 0.0
    /// API Gateway answers 429 `Too Many Requests`.
    public var apiThrottle = 0.0
    /// A handler crashes (unhandled error): API answers 500, the Lambda records an error.
    public var lambdaErrors = 0.0
    /// A Lambda invocation is throttled: API answers 500 and the Throttles metric counts it.
    public var lambdaThrottles = 0.0
    /// DynamoDB throttles the request: the handler answers its `Failed to …` 500.
    public var dynamoThrottle = 0.0
    /// DynamoDB fails the request with `InternalServerError` (a `SystemErrors` datapoint): the handler answers its `Failed to …` 500.
    public var dynamo5xx = 0.0
    /// Extra latency added to every API request; above 30 000 ms the integration times out (503).
    public var latencyMs = 0.0
    /// An AWS service answers `ThrottlingException` (HTTP 400) instead of doing the work.
    public var awsThrottle = 0.0
    /// An AWS service answers `ServiceUnavailable` (HTTP 503) or `InternalFailure` (HTTP 500), half each.
    public var aws5xx = 0.0
    /// Real milliseconds every answer (Task API and AWS) is held back by the HTTP front door.
    public var delayMs = 0.0
    /// Typical milliseconds between a log event's timestamp and the moment FilterLogEvents returns it.
    public var ingestDelayMs = 0.0

    public init() {}

    static let keys = ["api5xx", "api-throttle", "lambda-errors", "lambda-throttles", "ddb-throttle", "ddb5xx", "latency-ms", "aws-throttle", "aws5xx", "delay-ms", "ingest-delay-ms"]
    static let durations: Set<String> = ["latency-ms", "delay-ms", "ingest-delay-ms"]

    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        public let description: String
    }

    public static func parse(_ spec: String) throws(ParseError) -> SimFaults {
        var faults = SimFaults()
        for part in spec.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !part.isEmpty {
            let pair = part.split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2, let value = Double(pair[1]), value.isFinite, value >= 0 else {
                throw ParseError(description: "fault '\(part)' must be name=number (names: \(keys.joined(separator: ", ")))")
            }
            if !durations.contains(pair[0]) && value > 1 { throw ParseError(description: "fault '\(pair[0])' is a probability between 0 and 1") }
            switch pair[0] {
            case "api5xx": faults.api5xx = value
            case "api-throttle": faults.apiThrottle = value
            case "lambda-errors": faults.lambdaErrors = value
            case "lambda-throttles": faults.lambdaThrottles = value
            case "ddb-throttle": faults.dynamoThrottle = value
            case "ddb5xx": faults.dynamo5xx = value
            case "latency-ms": faults.latencyMs = value
            case "aws-throttle": faults.awsThrottle = value
            case "aws5xx": faults.aws5xx = value
            case "delay-ms": faults.delayMs = value
            case "ingest-delay-ms": faults.ingestDelayMs = value
            default: throw ParseError(description: "unknown fault '\(pair[0])' (names: \(keys.joined(separator: ", ")))")
            }
        }
        return faults
    }

    public var spec: String {
        "api5xx=\(api5xx),api-throttle=\(apiThrottle),lambda-errors=\(lambdaErrors),lambda-throttles=\(lambdaThrottles),ddb-throttle=\(dynamoThrottle),ddb5xx=\(dynamo5xx),latency-ms=\(latencyMs)"
            + ",aws-throttle=\(awsThrottle),aws5xx=\(aws5xx),delay-ms=\(delayMs),ingest-delay-ms=\(ingestDelayMs)"
    }
}
