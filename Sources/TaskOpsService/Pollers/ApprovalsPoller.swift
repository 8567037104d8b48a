import Foundation
import TaskOpsCore

/// Tasks in `pending_approval` joined with the RUNNING executions that wait on them.
///
/// Beside a `TaskListKeeper` the waiting tasks are the kept list's (no request of their own) and the
/// executions are read only when they may have changed: a new task is waiting, a workflow record
/// said an execution started or ended, a refresh, or every `reconcileInterval`. Alone (the CLI) it
/// reads both each poll.
public final class ApprovalsPoller: SourcePoller, @unchecked Sendable {
    public let source = SourceID.approvals
    let tasks: any TaskAPI
    let stepFunctions: any StepFunctionsAPI
    let store: StackStore
    let stateMachineArn: String
    let taskList: TaskListKeeper?
    let reconcileInterval: TimeInterval
    let local: @Sendable () -> Date
    private let lock = NSLock()
    /// execution ARN → task id from its input (inputs never change, so DescribeExecution runs once per execution).
    private var taskIdByExecution: [String: String] = [:]
    private var running: [ExecutionInfo]?
    private var executionsReadAt: Date?
    private var executionsStale = true
    private var waitingIds: Set<String> = []

    public init(tasks: any TaskAPI, stepFunctions: any StepFunctionsAPI, store: StackStore, stateMachineArn: String,
                taskList: TaskListKeeper? = nil, reconcileInterval: TimeInterval = 300, local: @escaping @Sendable () -> Date = { Date() }) {
        self.tasks = tasks
        self.stepFunctions = stepFunctions
        self.store = store
        self.stateMachineArn = stateMachineArn
        self.taskList = taskList
        self.reconcileInterval = reconcileInterval
        self.local = local
    }

    /// The executions are read again at the next poll.
    public func executionsChanged() { lock.withLock { executionsStale = true } }

    public func poll() async throws(StackError) {
        let waiting = try await waitingTasks()
        let ids = Set(waiting.map(\.taskId))
        let now = local()
        let mustRead = lock.withLock {
            taskList == nil || executionsStale || running == nil || !ids.isSubset(of: waitingIds)
                || executionsReadAt.map { now.timeIntervalSince($0) >= reconcileInterval } ?? true
        }
        var firstFailure: StackError?
        if mustRead { firstFailure = try await readExecutions(now: now) }
        let byTask = lock.withLock { () -> [String: [ExecutionInfo]] in
            waitingIds = ids
            var byTask: [String: [ExecutionInfo]] = [:]
            for execution in running ?? [] {
                if let taskId = taskIdByExecution[execution.executionArn], !taskId.isEmpty { byTask[taskId, default: []].append(execution) }
            }
            return byTask
        }
        let pending = waiting.map { task -> PendingApproval in
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

    private func waitingTasks() async throws(StackError) -> [TaskItem] {
        guard let taskList else { return try await tasks.listTasks(status: TaskStatus.pendingApproval, userId: nil, limit: 1000).tasks }
        if let failure = await taskList.awaitList() { throw failure }
        let kept = store.current().tasks
        // The queue is no fresher than the list it comes from.
        if let failure = kept.freshness.lastError { throw failure }
        return kept.tasks.filter { $0.status == TaskStatus.pendingApproval }
    }

    /// Lists the RUNNING executions and describes the new ones. One execution that cannot be described
    /// (throttled, just ended) must not hide the whole queue: it is retried next poll, and its error
    /// is returned to reach freshness once the rest is published.
    private func readExecutions(now: Date) async throws(StackError) -> StackError? {
        lock.withLock { executionsStale = false }
        var listed: [ExecutionInfo] = []
        var token: String?
        do throws(StackError) {
            repeat {
                let page = try await stepFunctions.listExecutions(stateMachineArn: stateMachineArn, status: .running, maxResults: 1000, nextToken: token)
                listed += page.executions
                token = page.nextToken
            } while token != nil && listed.count < 10_000
        } catch {
            lock.withLock { executionsStale = true }
            throw error
        }
        var firstFailure: StackError?
        for execution in listed where lock.withLock({ taskIdByExecution[execution.executionArn] }) == nil {
            do throws(StackError) {
                let described = try await stepFunctions.describeExecution(arn: execution.executionArn)
                let resolved = described.input.flatMap { try? JSONParser.parse($0) }?["detail"]?["taskId"]?.displayText ?? ""
                lock.withLock { taskIdByExecution[execution.executionArn] = resolved }
            } catch {
                if error.kind != .notFound, firstFailure == nil { firstFailure = error }
            }
        }
        let live = Set(listed.map(\.executionArn))
        lock.withLock {
            taskIdByExecution = taskIdByExecution.filter { live.contains($0.key) }
            running = listed
            executionsReadAt = now
            if firstFailure != nil { executionsStale = true }
        }
        return firstFailure
    }
}
