import TaskOpsCore

/// Process exit codes, distinct per kind of failure so scripts can react.
public enum ExitStatus: Int32, Sendable, CaseIterable {
    case ok = 0
    case failure = 1
    /// Bad flags or arguments (swift-argument-parser's validation code).
    case usage = 64
    case notFound = 3
    /// A decision or write refused because the task changed (no longer pending approval).
    case conflict = 4
    /// Credentials missing/invalid or access denied.
    case auth = 5
    /// Throttled, 5xx or network trouble: worth retrying.
    case transient = 6
    /// Refused by `--readonly`.
    case readOnly = 7
    /// The configuration could not be read.
    case config = 78

    public static func of(_ error: StackError) -> ExitStatus {
        switch error.kind {
        case .notFound: return .notFound
        case .conflict: return .conflict
        case .auth: return .auth
        case .throttled, .server, .network: return .transient
        case .readOnly: return .readOnly
        case .validation: return .usage
        case .malformed, .cancelled: return .failure
        }
    }
}
