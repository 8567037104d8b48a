import ArgumentParser
import Foundation
import TaskOpsCLI
import TaskOpsCore
import TaskOpsService

struct ApprovalsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "approvals", abstract: "Tasks waiting for an approval decision, oldest first.")
    @OptionGroup var stack: StackOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let context = try await CommandWiring.context(stack, json: output.json)
        try CommandWiring.exit(await ApprovalCommands.list(context))
    }
}

struct ApproveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "approve", abstract: "Approve tasks waiting for a decision (refuses with a conflict if one was decided meanwhile).")
    @OptionGroup var stack: StackOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "Task ids.") var ids: [String]
    @Option(help: DecisionRunner.settleHelp) var settle = 5.0

    func run() async throws {
        try await DecisionRunner.run(.approve, ids: ids, stack: stack, json: output.json, settle: settle)
    }
}

struct RejectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reject", abstract: "Reject tasks waiting for a decision.")
    @OptionGroup var stack: StackOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "Task ids.") var ids: [String]
    @Option(help: DecisionRunner.settleHelp) var settle = 5.0

    func run() async throws {
        try await DecisionRunner.run(.reject, ids: ids, stack: stack, json: output.json, settle: settle)
    }
}

enum DecisionRunner {
    static let settleHelp = ArgumentHelp("Seconds to read the bus's records afterwards for a decision made at the same instant (0 skips).")

    static func run(_ decision: ApprovalDecision, ids: [String], stack: StackOptions, json: Bool, settle: Double) async throws {
        guard !ids.isEmpty else { throw ValidationError("give at least one task id") }
        guard settle >= 0, settle <= 600 else { throw ValidationError("--settle must be 0…600 seconds") }
        let context = try await CommandWiring.context(stack, json: json)
        let env = CommandWiring.environment
        let status = await ApprovalCommands.decide(context, decision, ids: ids, audit: AuditLog(path: AuditLog.defaultPath(environment: env)),
                                                   who: ApprovalDecider.caller(environment: env), settle: settle)
        try CommandWiring.exit(status)
    }
}

struct EventsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "events", abstract: "Task events and handler logs, merged by time.")
    @OptionGroup var stack: StackOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "How far back to start: 30s, 15m, 2h, 1d.") var since = "15m"
    @Flag(help: "Keep printing new events until interrupted.") var follow = false

    func validate() throws {
        guard EventCommands.parseDuration(since) != nil else { throw ValidationError("--since must look like 30s, 15m, 2h or 1d") }
    }

    func run() async throws {
        let context = try await CommandWiring.context(stack, json: output.json)
        // One cheap call teaches the clock the server's time before the window is computed.
        _ = try? await context.logs?.describeLogGroups(prefix: "/aws/lambda/", nextToken: nil)
        try CommandWiring.exit(await EventCommands.run(context, since: EventCommands.parseDuration(since) ?? 900, follow: follow, clock: context.clock))
    }
}

struct MetricsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "metrics", abstract: "The dashboard's series with their latest values and why a row has no data.")
    @OptionGroup var stack: StackOptions
    @OptionGroup var output: OutputOptions
    @Flag(name: .customLong("stack-dashboard"), help: "Use the built-in dashboard with the stack's real dimensions.") var stackDashboard = false

    func run() async throws {
        let context = try await CommandWiring.context(stack, json: output.json)
        _ = try? await context.cloudWatch?.listDashboards(prefix: context.target.names.project)
        try CommandWiring.exit(await MetricCommands.run(context, clock: context.clock, stackDashboard: stackDashboard))
    }
}
