/// Every failure talking to the stack, in one taxonomy the service and UI can act on.
public struct StackError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// Throttled by AWS or API Gateway (429, 503, ThrottlingException…): retry with backoff.
        case throttled
        /// Credentials missing, expired, invalid signature, access denied.
        case auth
        case notFound
        /// The request was refused as invalid (400-class other than the above).
        case validation
        /// The write was refused because the resource changed since it was read.
        case conflict
        /// 5xx from the service.
        case server
        /// Could not connect, timed out, connection reset.
        case network
        /// The answer could not be understood.
        case malformed
        /// The request was cancelled by the caller.
        case cancelled
        /// The console is read-only.
        case readOnly
    }

    public var kind: Kind
    /// The service's error code (`ThrottlingException`, `ResourceNotFoundException`, HTTP status…).
    public var code: String
    public var message: String
    public var httpStatus: Int?
    /// Which service answered: `tasks`, `monitoring`, `logs`, `states`, `sts`.
    public var service: String

    public init(kind: Kind, code: String, message: String, httpStatus: Int? = nil, service: String = "") {
        self.kind = kind
        self.code = code
        self.message = message
        self.httpStatus = httpStatus
        self.service = service
    }

    /// Worth retrying later (throttling, 5xx, network).
    public var isTransient: Bool { kind == .throttled || kind == .server || kind == .network }

    public var description: String {
        let prefix = service.isEmpty ? "" : "\(service): "
        let status = httpStatus.map { " (HTTP \($0))" } ?? ""
        return "\(prefix)\(code): \(message)\(status)"
    }
}
