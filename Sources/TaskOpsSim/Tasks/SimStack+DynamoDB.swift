import Foundation
import TaskOpsCore

/// The handlers' DynamoDB requests as DynamoDB answers them: refused as a user error when a value
/// does not fit an index key (`UserErrors`), failed by an injected 500 (`SystemErrors`) or
/// throttled; each refusal is a `ClientError` the handler logs as `DynamoDB error: {e}`.
extension SimStack {
    struct DynamoRefusal: Error {
        let line: String

        init(code: String, operation: String, message: String) {
            line = "DynamoDB error: An error occurred (\(code)) when calling the \(operation) operation: \(message)"
        }
    }

    /// A key attribute of a global secondary index (both of this table's are strings).
    typealias IndexKey = (index: String, attribute: String, value: JSONValue)

    /// One read; the refusal when an injected fault refuses it.
    func dynamoRead(_ operation: String, units: Double, at now: Date) -> DynamoRefusal? {
        let refusal = injectedRefusal(operation)
        metrics?.dynamoOperation(operation, readUnits: refusal == nil ? units : 0, writeUnits: 0, latencyMs: rng.uniform(2, 9),
                                 readThrottled: refusal?.throttled == true, writeThrottled: false, userError: false,
                                 systemError: refusal?.throttled == false, at: now)
        return refusal?.refusal
    }

    /// One write; refused first when a value written to an index key is not a string.
    func dynamoWrite(_ operation: String, at now: Date, indexKeys: [IndexKey] = []) -> DynamoRefusal? {
        if let mismatch = indexKeys.lazy.compactMap(Self.typeMismatch).first {
            metrics?.dynamoOperation(operation, readUnits: 0, writeUnits: 0, latencyMs: rng.uniform(2, 6), readThrottled: false,
                                     writeThrottled: false, userError: true, systemError: false, at: now)
            return DynamoRefusal(code: "ValidationException", operation: operation, message: mismatch)
        }
        let refusal = injectedRefusal(operation)
        metrics?.dynamoOperation(operation, readUnits: 0, writeUnits: refusal == nil ? 1 : 0, latencyMs: rng.uniform(3, 12),
                                 readThrottled: false, writeThrottled: refusal?.throttled == true, userError: false,
                                 systemError: refusal?.throttled == false, at: now)
        return refusal?.refusal
    }

    /// DynamoDB's message for a non-string value of a string index key (nil when it fits).
    static func typeMismatch(_ key: IndexKey) -> String? {
        let actual: String
        switch key.value {
        case .string: return nil
        case .bool: actual = "BOOL"
        case .null: actual = "NULL"
        case .array: actual = "L"
        case .object: actual = "M"
        default: actual = "N"
        }
        return "One or more parameter values were invalid: Type mismatch for Index Key \(key.attribute) Expected: S Actual: \(actual) IndexName: \(key.index)"
    }

    /// An injected `InternalServerError` (after boto3's retries) or throttle, nil when neither.
    private func injectedRefusal(_ operation: String) -> (refusal: DynamoRefusal, throttled: Bool)? {
        if rng.chance(faults.dynamo5xx) {
            return (DynamoRefusal(code: "InternalServerError", operation: operation, message: "Internal server error"), false)
        }
        if rng.chance(faults.dynamoThrottle) {
            return (DynamoRefusal(code: "ProvisionedThroughputExceededException", operation: operation,
                                  message: "Rate of requests exceeds the allowed throughput."), true)
        }
        return nil
    }
}
