import Foundation
import TaskOpsCore

/// Records what happens in the stack as the AWS metrics CloudWatch would hold for it: names and
/// dimensions as AWS emits them (HTTP API `4xx`/`5xx`, account-wide Lambda aggregates).
public final class SimStackMetricsRecorder: SimMetricsRecording {
    let names: StackNames
    let apiId: String
    public let store: SimMetricStore
    private var concurrency = LambdaConcurrency()

    public init(names: StackNames, apiId: String, store: SimMetricStore) {
        self.names = names
        self.apiId = apiId
        self.store = store
    }

    private func put(_ namespace: String, _ name: String, _ dims: [(String, String)], _ value: Double, _ at: Date) {
        store.record(SimMetricStore.Key(namespace: namespace, name: name, dimensions: dims.map { MetricDimension(name: $0.0, value: $0.1) }), value: value, at: at)
    }

    public func lambdaInvocation(function: String, durationMs: Double, crashed: Bool, at: Date) {
        let (functionConcurrency, accountConcurrency) = concurrency.start(function, at: at, durationMs: durationMs)
        for (dims, running) in [([("FunctionName", function)], functionConcurrency), ([], accountConcurrency)] {
            put("AWS/Lambda", "Invocations", dims, 1, at)
            put("AWS/Lambda", "Errors", dims, crashed ? 1 : 0, at)
            put("AWS/Lambda", "Duration", dims, durationMs, at)
            put("AWS/Lambda", "ConcurrentExecutions", dims, Double(running), at)
        }
    }

    public func lambdaThrottled(function: String, at: Date) {
        for dims in [[("FunctionName", function)], []] { put("AWS/Lambda", "Throttles", dims, 1, at) }
    }

    public func apiRequest(status: Int, latencyMs: Double, integrationLatencyMs: Double?, responseBytes: Int, at: Date) {
        for dims in [[("ApiId", apiId)], [("ApiId", apiId), ("Stage", names.env)]] {
            put("AWS/ApiGateway", "Count", dims, 1, at)
            put("AWS/ApiGateway", "4xx", dims, (400..<500).contains(status) ? 1 : 0, at)
            put("AWS/ApiGateway", "5xx", dims, status >= 500 ? 1 : 0, at)
            put("AWS/ApiGateway", "Latency", dims, latencyMs, at)
            if let integrationLatencyMs { put("AWS/ApiGateway", "IntegrationLatency", dims, integrationLatencyMs, at) }
            put("AWS/ApiGateway", "DataProcessed", dims, Double(responseBytes), at)
        }
    }

    public func dynamoOperation(_ operation: String, readUnits: Double, writeUnits: Double, latencyMs: Double, readThrottled: Bool,
                                writeThrottled: Bool, userError: Bool, systemError: Bool, at: Date) {
        let table = [("TableName", names.tableName)]
        let tableOp = table + [("Operation", operation)]
        if readUnits > 0 { put("AWS/DynamoDB", "ConsumedReadCapacityUnits", table, readUnits, at) }
        if writeUnits > 0 { put("AWS/DynamoDB", "ConsumedWriteCapacityUnits", table, writeUnits, at) }
        if readThrottled { put("AWS/DynamoDB", "ReadThrottleEvents", table, 1, at); put("AWS/DynamoDB", "ReadThrottleEvents", tableOp, 1, at) }
        if writeThrottled { put("AWS/DynamoDB", "WriteThrottleEvents", table, 1, at); put("AWS/DynamoDB", "WriteThrottleEvents", tableOp, 1, at) }
        if !readThrottled && !writeThrottled && !userError && !systemError {
            put("AWS/DynamoDB", "SuccessfulRequestLatency", tableOp, latencyMs, at)
        }
        if systemError { put("AWS/DynamoDB", "SystemErrors", tableOp, 1, at) }
        if userError { put("AWS/DynamoDB", "UserErrors", [], 1, at) }
    }

    public func executionStarted(at: Date) {
        put("AWS/States", "ExecutionsStarted", [("StateMachineArn", names.stateMachineArn)], 1, at)
    }

    public func executionFinished(_ status: ExecutionStatus, durationMs: Double, at: Date) {
        let dims = [("StateMachineArn", names.stateMachineArn)]
        switch status {
        case .succeeded: put("AWS/States", "ExecutionsSucceeded", dims, 1, at)
        case .failed: put("AWS/States", "ExecutionsFailed", dims, 1, at)
        case .aborted: put("AWS/States", "ExecutionsAborted", dims, 1, at)
        case .timedOut: put("AWS/States", "ExecutionsTimedOut", dims, 1, at)
        default: break
        }
        put("AWS/States", "ExecutionTime", dims, durationMs, at)
    }

    public func putMetricData(namespace: String, name: String, dimensions: [MetricDimension], value: Double, unit: String, at: Date) {
        store.record(SimMetricStore.Key(namespace: namespace, name: name, dimensions: dimensions), value: value, at: at)
    }
}
