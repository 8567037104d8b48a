import Foundation
import TaskOpsCore

/// One simulated execution of the approval state machine.
struct SimExecution {
    var arn: String
    var name: String
    var status: ExecutionStatus
    var start: Date
    var stop: Date?
    var input: JSONObject
    var output: String?
    var error: String?
    var cause: String?
    var history: [ExecutionHistoryEvent] = []
    var taskId: String { input["detail"]?["taskId"]?.displayText ?? "" }
}

/// Executions by ARN, newest last. Retention: every RUNNING execution, and the most recent
/// `maxFinished` (default 2,000) finished ones.
struct ExecutionStore {
    private(set) var order: [String] = []
    private(set) var byArn: [String: SimExecution] = [:]
    let maxFinished = 2_000

    subscript(arn: String) -> SimExecution? {
        get { byArn[arn] }
        set { byArn[arn] = newValue }
    }

    mutating func add(_ execution: SimExecution) {
        order.append(execution.arn)
        byArn[execution.arn] = execution
        trim()
    }

    var all: [SimExecution] { order.compactMap { byArn[$0] } }

    private mutating func trim() {
        let finished = order.filter { byArn[$0]?.status != .running }
        guard finished.count > maxFinished else { return }
        let drop = Set(finished.prefix(finished.count - maxFinished))
        order.removeAll { drop.contains($0) }
        for arn in drop { byArn[arn] = nil }
    }
}
