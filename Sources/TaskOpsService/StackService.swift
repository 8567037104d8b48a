import Foundation
import TaskOpsCore

/// Settings for the polling service.
public struct ServiceSettings: Sendable {
    public var tasksInterval: TimeInterval = 2
    public var approvalsInterval: TimeInterval = 2
    /// Two seconds so that, at one FilterLogEvents call a second, each poll reads the bus's catch-all
    /// group (where task events land) and one other group.
    public var eventsInterval: TimeInterval = 2
    public var metricsInterval: TimeInterval = 60
    public var alarmsInterval: TimeInterval = 60
    /// How often the task list kept from records is checked against a full list (`[poll] reconcile`).
    public var reconcileInterval: TimeInterval = 300
    /// List the tasks and the approval queue every poll, as the console did before it kept them from
    /// records (the benchmark's reference).
    public var listEveryPoll = false
    public var logsCallsPerSecond: Double = 1
    public var taskLimit = 1000
    public var eventCapacity = 100_000
    public var readonly = false
    public var auditLogPath: String?
    public var who = "unknown"
    /// This machine's clock as the scheduler, freshness and the events budget see it (tests step it).
    public var localNow: @Sendable () -> Date = { Date() }
    public init() {}
}

/// The console's data source: pollers on a scheduler feeding the store, plus the write paths.
public final class StackService: @unchecked Sendable {
    public let store: StackStore
    public let meter: CallMeter
    public let scheduler: PollScheduler
    public let decider: ApprovalDecider?
    public let decisionWatch: DecisionWatch
    private var watchTask: Task<Void, Never>?
    let tasks: (any TaskAPI)?
    let stepFunctions: any StepFunctionsAPI
    let metricsPoller: MetricsPoller
    public let eventsPoller: EventsPoller
    /// The task list, listed once and kept from the stack's records (nil without a Task API URL).
    public let taskList: TaskListKeeper?
    let approvalsPoller: ApprovalsPoller?
    let settings: ServiceSettings

    public init(names: StackNames, apiId: String?, dashboardName: String?, stateMachineArn: String?, tasks: (any TaskAPI)?,
                cloudWatch: any CloudWatchAPI, logs: any LogsAPI, stepFunctions: any StepFunctionsAPI, clock: any ServerClock,
                meter: CallMeter, settings: ServiceSettings) {
        let store = StackStore()
        self.store = store
        self.meter = meter
        self.settings = settings
        self.tasks = tasks
        self.stepFunctions = stepFunctions
        metricsPoller = MetricsPoller(cloudWatch: cloudWatch, logs: logs, store: store, clock: clock, names: names, apiId: apiId, dashboardName: dashboardName)
        eventsPoller = EventsPoller(logs: logs, store: store, clock: clock, groups: names.allLogGroups, callsPerSecond: settings.logsCallsPerSecond,
                                    capacity: settings.eventCapacity, primaryGroup: names.eventsLogGroup,
                                    groupsPerPoll: Int(settings.eventsInterval * settings.logsCallsPerSecond), local: settings.localNow)
        var entries: [PollScheduler.Entry] = [
            .init(poller: eventsPoller, interval: settings.eventsInterval),
            .init(poller: metricsPoller, interval: settings.metricsInterval, aligned: settings.metricsInterval >= 60),
            .init(poller: AlarmsPoller(cloudWatch: cloudWatch, store: store, names: names), interval: settings.alarmsInterval, aligned: settings.alarmsInterval >= 60),
        ]
        let audit = settings.auditLogPath.map(AuditLog.init(path:))
        let watch = DecisionWatch(store: store, audit: audit, who: settings.who, serverNow: { clock.serverNow() }, localNow: settings.localNow)
        decisionWatch = watch
        if let tasks {
            var keeping = TaskListKeeper.Settings()
            keeping.limit = settings.taskLimit
            keeping.reconcileInterval = settings.reconcileInterval
            var health = Self.streamHealth(names: names, events: eventsPoller, store: store, local: settings.localNow)
            if settings.listEveryPoll { health = { .noRecords("listing every poll") } }
            let events = eventsPoller, workflowLog = names.stateMachineLogGroup
            let keeper = TaskListKeeper(api: tasks, store: store, settings: keeping, local: settings.localNow, serverNow: { clock.serverNow() },
                                        streamHealth: health, workflowLogReadable: { !events.missingGroups.contains(workflowLog) },
                                        recordsReadThrough: { events.readThroughAll })
            let approvals = ApprovalsPoller(tasks: tasks, stepFunctions: stepFunctions, store: store, stateMachineArn: stateMachineArn ?? names.stateMachineArn,
                                            taskList: settings.listEveryPoll ? nil : keeper, reconcileInterval: settings.reconcileInterval,
                                            local: settings.localNow)
            entries.append(.init(poller: keeper, interval: settings.tasksInterval))
            entries.append(.init(poller: approvals, interval: settings.approvalsInterval))
            taskList = keeper
            approvalsPoller = approvals
            decider = ApprovalDecider(api: tasks, audit: audit, who: settings.who, readonly: settings.readonly,
                                      onWritten: { id, decision, updatedAt in watch.add(taskId: id, decision: decision, updatedAt: updatedAt) })
        } else {
            taskList = nil
            approvalsPoller = nil
            decider = nil
        }
        let scheduler = PollScheduler(store: store, entries: entries, now: settings.localNow, serverNow: { clock.serverNow() })
        self.scheduler = scheduler
        eventsPoller.foldOwnRequests { meter.isOwn(requestId: $0) }
        let keeper = taskList, approvals = approvalsPoller
        keeper?.whenTasksChange { Task { await scheduler.refresh(.approvals) } }
        eventsPoller.whenEventsArrive { events in
            Self.meterBilledDurations(events, meter: meter)
            guard let keeper, let approvals else { return }
            let news = keeper.note(events)
            if news.tasksToRead { Task { await scheduler.refresh(.tasks) } }
            if news.executionsChanged {
                approvals.executionsChanged()
                Task { await scheduler.refresh(.approvals) }
            }
        }
    }

    public func start() async {
        await scheduler.start()
        // Each new snapshot (the events poller's among them) is a chance to settle a watched decision.
        let watch = decisionWatch, changes = store.changes()
        watchTask = Task.detached {
            for await _ in changes where watch.watching > 0 { watch.check() }
        }
    }

    public func stop() async {
        watchTask?.cancel()
        await scheduler.stop()
    }

    /// The latest data, with the call meter folded in.
    public func snapshot() -> StackSnapshot {
        var value = store.current()
        value.calls = meter.snapshot()
        return value
    }

    public func refresh(_ source: SourceID?) async {
        if source == nil || source == .tasks { taskList?.requestList(reason: "refresh") }
        if source == nil || source == .approvals { approvalsPoller?.executionsChanged() }
        await scheduler.refresh(source)
    }

    public func showDashboard(_ source: DashboardSource) async {
        metricsPoller.show(source)
        await scheduler.refresh(.metrics)
    }

    func writable() throws(StackError) -> any TaskAPI {
        if settings.readonly { throw StackError(kind: .readOnly, code: "ReadOnly", message: "refused: taskops is read-only (--readonly)") }
        guard let tasks else { throw StackError(kind: .validation, code: "NoApiUrl", message: "no Task API URL configured") }
        return tasks
    }

    public func createTask(_ draft: TaskDraft) async throws(StackError) -> TaskItem {
        let task = try await writable().createTask(draft)
        taskList?.apply(task)
        return task
    }

    public func updateTask(id: String, changes: TaskChanges) async throws(StackError) -> TaskItem {
        let task = try await writable().updateTask(id: id, changes: changes)
        taskList?.apply(task)
        return task
    }

    public func deleteTask(id: String) async throws(StackError) {
        try await writable().deleteTask(id: id)
        taskList?.forget(taskId: id)
    }

    public func decide(_ decision: ApprovalDecision, taskIds: [String]) async -> [String: DecisionOutcome] {
        guard let decider else {
            let error = StackError(kind: .validation, code: "NoApiUrl", message: "no Task API URL configured")
            return Dictionary(uniqueKeysWithValues: taskIds.map { ($0, DecisionOutcome.failed(error)) })
        }
        let outcomes = await decider.decide(decision, taskIds: taskIds)
        // Each decision written (or refused as a conflict) is read back once; the queue follows the tasks.
        taskList?.requestReads(taskIds.filter { if case .failed = outcomes[$0] { return false } else { return true } })
        await scheduler.refresh(.tasks)
        return outcomes
    }

    /// The states an execution went through (its history, at most `maxPages` pages of 1000 events).
    public func executionPath(arn: String, maxPages: Int = 5) async throws(StackError) -> ExecutionPath {
        var events: [ExecutionHistoryEvent] = []
        var token: String?
        var pages = 0
        repeat {
            let page = try await stepFunctions.getExecutionHistory(arn: arn, maxResults: 1000, nextToken: token)
            events += page.events
            token = page.nextToken
            pages += 1
        } while token != nil && pages < maxPages
        return ExecutionPath(events: events, truncated: token != nil)
    }
}
