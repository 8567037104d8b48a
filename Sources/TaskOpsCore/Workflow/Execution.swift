import Foundation

public struct StateMachineInfo: Sendable, Hashable {
    public var arn: String
    public var name: String
    public var type: String
    public var creationDate: Date
    public init(arn: String, name: String, type: String = "STANDARD", creationDate: Date) {
        self.arn = arn
        self.name = name
        self.type = type
        self.creationDate = creationDate
    }
}

public enum ExecutionStatus: String, Sendable, Hashable, CaseIterable {
    case running = "RUNNING"
    case succeeded = "SUCCEEDED"
    case failed = "FAILED"
    case timedOut = "TIMED_OUT"
    case aborted = "ABORTED"
    case pendingRedrive = "PENDING_REDRIVE"
}

/// An execution as ListExecutions/DescribeExecution return it (input/output only from Describe).
public struct ExecutionInfo: Sendable, Hashable, Identifiable {
    public var executionArn: String
    public var stateMachineArn: String
    public var name: String
    public var status: ExecutionStatus
    public var startDate: Date
    public var stopDate: Date?
    public var input: String?
    public var output: String?
    public var error: String?
    public var cause: String?

    public var id: String { executionArn }

    public init(executionArn: String, stateMachineArn: String, name: String, status: ExecutionStatus, startDate: Date, stopDate: Date? = nil,
                input: String? = nil, output: String? = nil, error: String? = nil, cause: String? = nil) {
        self.executionArn = executionArn
        self.stateMachineArn = stateMachineArn
        self.name = name
        self.status = status
        self.startDate = startDate
        self.stopDate = stopDate
        self.input = input
        self.output = output
        self.error = error
        self.cause = cause
    }
}

public struct ListExecutionsPage: Sendable, Hashable {
    public var executions: [ExecutionInfo]
    public var nextToken: String?
    public init(executions: [ExecutionInfo], nextToken: String?) {
        self.executions = executions
        self.nextToken = nextToken
    }
}

/// One GetExecutionHistory event (`StateEntered`, `TaskStateExited`, `ExecutionFailed`…).
public struct ExecutionHistoryEvent: Sendable, Hashable {
    public var id: Int
    public var previousEventId: Int
    public var type: String
    public var timestamp: Date
    /// The state's name for state entered/exited events.
    public var stateName: String?
    /// Error and cause for failure events.
    public var error: String?
    public var cause: String?

    public init(id: Int, previousEventId: Int, type: String, timestamp: Date, stateName: String? = nil, error: String? = nil, cause: String? = nil) {
        self.id = id
        self.previousEventId = previousEventId
        self.type = type
        self.timestamp = timestamp
        self.stateName = stateName
        self.error = error
        self.cause = cause
    }
}

public struct ExecutionHistoryPage: Sendable, Hashable {
    public var events: [ExecutionHistoryEvent]
    public var nextToken: String?
    public init(events: [ExecutionHistoryEvent], nextToken: String?) {
        self.events = events
        self.nextToken = nextToken
    }
}
