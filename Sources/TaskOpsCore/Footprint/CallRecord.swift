/// One request the console made, as its clients report it to the footprint meter.
public struct CallRecord: Sendable, Hashable {
    /// `tasks`, `monitoring`, `logs`, `states`, `sts`.
    public var service: String
    public var operation: String
    public var succeeded: Bool
    /// Metrics requested (GetMetricData is billed by them).
    public var metricCount: Int
    /// API Gateway's `apigw-requestid`: the access log's `requestId` for this request.
    public var requestId: String?
    /// Bytes of the answer's body (a Task API answer is about the size of the items read).
    public var responseBytes: Int
    /// Logs Insights bytes scanned, from a completed query's statistics.
    public var scannedBytes: Int

    public init(service: String, operation: String, succeeded: Bool, metricCount: Int = 0, requestId: String? = nil, responseBytes: Int = 0,
                scannedBytes: Int = 0) {
        self.service = service
        self.operation = operation
        self.succeeded = succeeded
        self.metricCount = metricCount
        self.requestId = requestId
        self.responseBytes = responseBytes
        self.scannedBytes = scannedBytes
    }
}
