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

    public static func decide(_ context: CommandContext, _ decision: ApprovalDecision, ids: [String], audit: AuditLog?, who: String) async -> ExitStatus {
        guard let tasks = context.tasks else { return context.fail("no Task API URL configured", .config) }
        let decider = ApprovalDecider(api: tasks, audit: audit, who: who, readonly: context.target.readonly)
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
        if context.json { context.output.print(JSONWriter.compact(.array(results))) }
        return worst
    }
}
