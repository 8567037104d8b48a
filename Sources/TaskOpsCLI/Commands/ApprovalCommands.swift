import Foundation
import TaskOpsCore
import TaskOpsService

/// `taskops approvals`, `taskops approve ID…`, `taskops reject ID…`.
public enum ApprovalCommands {
    public static func list(_ context: CommandContext, now: Date = Date()) async -> ExitStatus {
        guard let tasks = context.tasks, let sfn = context.stepFunctions else { return context.fail("no Task API URL configured", .config) }
        let store = StackStore()
        do {
            try await ApprovalsPoller(tasks: tasks, stepFunctions: sfn, store: store, stateMachineArn: context.target.stateMachineArn).poll()
        } catch {
            return context.fail(error)
        }
        let pending = store.current().approvals.pending
        if context.json {
            let items: [JSONValue] = pending.map { item in
                .object(["task": .object(item.task.raw), "waitingSince": item.waitingSince.map { .string(StackTime.isoMillisZ($0)) } ?? .null,
                         "executions": .array(item.executions.map { .object(["arn": .string($0.executionArn), "name": .string($0.name), "status": .string($0.status.rawValue)]) })])
            }
            context.output.print(JSONWriter.compact(.array(items)))
            return .ok
        }
        var table = TextTable(columns: [TextTable.Column("ID", maxWidth: 36), TextTable.Column("WAITING", maxWidth: 10), TextTable.Column("PRIORITY", maxWidth: 8),
                                        TextTable.Column("USER", maxWidth: 20), TextTable.Column("TITLE", maxWidth: 50), TextTable.Column("EXECUTIONS", maxWidth: 12)])
        for item in pending {
            let waited = item.waitingSince.map { Saturating.int(now.timeIntervalSince($0)) }.map { "\($0 / 60)m\($0 % 60)s" } ?? "?"
            table.add([item.task.taskId, waited, item.task.priority, item.task.userId, item.task.title, "\(item.executions.count) running"])
        }
        context.output.print(table.render(context.measure))
        return .ok
    }

    /// Decides each task, then for `settle` seconds reads the bus's records of the tasks for a
    /// decision that raced one of ours in the same instant (see `DecisionWatch`).
    public static func decide(_ context: CommandContext, _ decision: ApprovalDecision, ids: [String], audit: AuditLog?, who: String,
                              settle: TimeInterval = 5) async -> ExitStatus {
        guard let tasks = context.tasks else { return context.fail("no Task API URL configured", .config) }
        let store = StackStore()
        let clock = context.clock
        let watch = DecisionWatch(store: store, audit: audit, who: who, serverNow: { clock.serverNow() })
        let decider = ApprovalDecider(api: tasks, audit: audit, who: who, readonly: context.target.readonly,
                                      onWritten: { id, decision, updatedAt in watch.add(taskId: id, decision: decision, updatedAt: updatedAt) })
        var worst = ExitStatus.ok
        var results: [JSONValue] = []
        for id in ids {
            let outcome = await decider.decide(decision, taskId: id)
            var line: JSONObject = ["taskId": .string(id)]
            switch outcome {
            case .ok:
                line["result"] = .string("ok")
                if !context.json { context.output.print("\(decision == .approve ? "Approved" : "Rejected") \(context.measure.sanitize(id))") }
            case .conflict(let current):
                line["result"] = .string("conflict")
                line["currentStatus"] = .string(current)
                if !context.json { context.output.error("taskops: conflict: task \(context.measure.sanitize(id)) is '\(context.measure.sanitize(current))', no longer pending_approval — not changed") }
                if worst == .ok { worst = .conflict }
            case .failed(let error):
                line["result"] = .string("error")
                line["error"] = .string(error.description)
                if !context.json { context.output.error("taskops: \(context.measure.sanitize(error.description))") }
                worst = ExitStatus.of(error)
            }
            results.append(.object(line))
        }
        let verdicts = await settleRaces(context, watch: watch, store: store, seconds: settle)
        for (index, result) in results.enumerated() {
            guard var line = result.objectValue, let id = line["taskId"]?.stringValue, let verdict = verdicts[id] else { continue }
            let (kind, status, at) = verdict.auditResult
            line["result"] = .string("conflict")
            line["race"] = .string(kind)
            line["otherDecision"] = .string(status)
            line["otherUpdatedAt"] = .string(at)
            results[index] = .object(line)
            if !context.json { context.output.error("taskops: \(context.measure.sanitize(verdict.summary))") }
            if worst == .ok { worst = .conflict }
        }
        if context.json { context.output.print(JSONWriter.compact(.array(results))) }
        return worst
    }

    /// Reads the bus's catch-all log group once a second for `seconds`, while any decision is watched.
    static func settleRaces(_ context: CommandContext, watch: DecisionWatch, store: StackStore, seconds: TimeInterval) async -> [String: DecisionVerdict] {
        guard seconds > 0, watch.watching > 0, let logs = context.logs else { return [:] }
        let group = context.target.names.eventsLogGroup
        let poller = EventsPoller(logs: logs, store: store, clock: context.clock, groups: [group], primaryGroup: group, groupsPerPoll: 1)
        let deadline = Date().addingTimeInterval(seconds)
        var verdicts: [String: DecisionVerdict] = [:]
        var warned = false
        while watch.watching > 0 {
            do { try await poller.poll() } catch {
                if !warned, !context.json { context.output.error("taskops: cannot check \(group) for a decision made at the same instant: \(context.measure.sanitize(error.description))") }
                warned = true
            }
            if poller.missingGroups.contains(group) {
                if !context.json { context.output.error("taskops: \(group) does not exist: cannot check for a decision made at the same instant") }
                break
            }
            for verdict in watch.check() { verdicts[verdict.taskId] = verdict }
            guard Date() < deadline else { break }
            try? await Task.sleep(nanoseconds: 1_000_000_000)
        }
        return verdicts
    }
}
