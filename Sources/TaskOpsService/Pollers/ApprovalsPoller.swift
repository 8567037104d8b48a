import Foundation
import TaskOpsCore

/// Tasks in `pending_approval` joined with the RUNNING executions that wait on them.
public final class ApprovalsPoller: SourcePoller, @unchecked Sendable {
    public let source = SourceID.approvals
    let tasks: any TaskAPI
    let stepFunctions: any StepFunctionsAPI
    let store: StackStore
    let stateMachineArn: String
    private let lock = NSLock()
    /// execution ARN → task id from its input (inputs never change, so DescribeExecution runs once per execution).
    private var taskIdByExecution: [String: String] = [:]

    public init(tasks: any TaskAPI, stepFunctions: any StepFunctionsAPI, store: StackStore, stateMachineArn: String) {
        self.tasks = tasks
        self.stepFunctions = stepFunctions
        self.store = store
        self.stateMachineArn = stateMachineArn
    }

    public func poll() async throws(StackError) {
        let page = try await tasks.listTasks(status: TaskStatus.pendingApproval, userId: nil, limit: 1000)
        var running: [ExecutionInfo] = []
        var token: String?
        repeat {
            let list = try await stepFunctions.listExecutions(stateMachineArn: stateMachineArn, status: .running, maxResults: 1000, nextToken: token)
            running += list.executions
            token = list.nextToken
        } while token != nil && running.count < 10_000
        var byTask: [String: [ExecutionInfo]] = [:]
        // One execution that cannot be described (throttled, just ended) must not hide the whole
        // queue: it is retried next poll, the rest is published, and the error still reaches freshness.
        var firstFailure: StackError?
        for execution in running {
            var taskId = lock.withLock { taskIdByExecution[execution.executionArn] }
            if taskId == nil {
                do {
                    let described = try await stepFunctions.describeExecution(arn: execution.executionArn)
                    let resolved = described.input.flatMap { try? JSONParser.parse($0) }?["detail"]?["taskId"]?.displayText ?? ""
                    lock.withLock { taskIdByExecution[execution.executionArn] = resolved }
                    taskId = resolved
                } catch {
                    if error.kind != .notFound, firstFailure == nil { firstFailure = error }
                    continue
                }
            }
            if let taskId, !taskId.isEmpty { byTask[taskId, default: []].append(execution) }
        }
        let live = Set(running.map(\.executionArn))
        lock.withLock { taskIdByExecution = taskIdByExecution.filter { live.contains($0.key) } }
        let pending = page.tasks.map { task -> PendingApproval in
            let executions = (byTask[task.taskId] ?? []).sorted { $0.startDate < $1.startDate }
            return PendingApproval(task: task, executions: executions,
                                   waitingSince: executions.first?.startDate ?? StackTime.parse(task.createdAt))
        }.sorted { ($0.waitingSince ?? .distantFuture) < ($1.waitingSince ?? .distantFuture) }
        if store.current().approvals.pending != pending {
            store.update { snapshot in
                snapshot.approvals.pending = pending
                snapshot.approvals.generation += 1
            }
        }
        if let firstFailure { throw firstFailure }
    }
}
