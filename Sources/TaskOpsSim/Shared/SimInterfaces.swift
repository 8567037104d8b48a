import Foundation
import TaskOpsCore

// The seams between the simulator's parts. `SimStack` owns one instance of each and calls them
// under its single lock, so implementations need no locking of their own.

/// Where the simulated Lambdas, the state machine, API Gateway and EventBridge write log lines.
public protocol SimLogWriting: AnyObject {
    func createGroup(_ name: String, at timestampMillis: Int64)
    /// Appends one event; the store assigns the eventId and ingestion time.
    func append(group: String, stream: String, message: String, timestampMillis: Int64)
}

/// What happened in the stack, in its own terms; the implementation turns each call into the AWS
/// metrics (names, dimensions, account-wide aggregates) CloudWatch would record for it.
public protocol SimMetricsRecording: AnyObject {
    /// One Lambda invocation; `crashed` for an unhandled error or timeout (a 500 answer is not an error).
    func lambdaInvocation(function: String, durationMs: Double, crashed: Bool, at: Date)
    func lambdaThrottled(function: String, at: Date)
    /// One HTTP API request as API Gateway counts it.
    func apiRequest(status: Int, latencyMs: Double, integrationLatencyMs: Double?, responseBytes: Int, at: Date)
    /// One DynamoDB operation (`GetItem`, `PutItem`, `Query`, `Scan`, `UpdateItem`, `DeleteItem`).
    func dynamoOperation(_ operation: String, readUnits: Double, writeUnits: Double, latencyMs: Double,
                         readThrottled: Bool, writeThrottled: Bool, userError: Bool, systemError: Bool, at: Date)
    func executionStarted(at: Date)
    func executionFinished(_ status: ExecutionStatus, durationMs: Double, at: Date)
    /// A PutMetricData call from a handler (the custom `TaskManager/{env}` metrics).
    func putMetricData(namespace: String, name: String, dimensions: [MetricDimension], value: Double, unit: String, at: Date)
}

/// An AWS JSON protocol service (CloudWatch, Logs, Step Functions) served on `POST /`.
public protocol SimAWSService: AnyObject {
    /// The `X-Amz-Target` prefix it answers (`GraniteServiceVersion20100801`, `Logs_20140328`, `AWSStepFunctions`).
    var targetPrefix: String { get }
    /// The SigV4 signing name (`monitoring`, `logs`, `states`).
    var signingName: String { get }
    /// Answers one operation. `contentType` tells JSON 1.0/1.1 from CBOR where the service takes both.
    func handle(operation: String, body: [UInt8], contentType: String, now: Date) -> SimResponse
}

/// Parts that act on the passage of (virtual) time: alarm evaluation, retention, scheduled work.
public protocol SimTicking: AnyObject {
    func tick(now: Date)
}
