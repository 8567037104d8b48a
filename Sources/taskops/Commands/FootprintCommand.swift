import ArgumentParser
import Foundation
import TaskOpsCLI
import TaskOpsCore
import TaskOpsService

/// Runs the console's polling service, without a screen, for a while, and prints what it cost the stack.
struct FootprintCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "footprint",
        abstract: "Measure one console's own load on the stack and its cost (runs the console's polls, with its settings, for a while).")
    @OptionGroup var stack: StackOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "Seconds to measure (10…3600).") var seconds = 60

    func validate() throws {
        guard (10...3600).contains(seconds) else { throw ValidationError("--seconds must be 10…3600") }
    }

    func run() async throws {
        let (target, config) = try CommandWiring.target(stack)
        guard target.isConfigured else { throw ValidationError("no stack is configured: give --api-url, --tf-outputs or a config file (or run it against `taskops serve`)") }
        let meter = CallMeter()
        let (clients, _) = CommandWiring.clients(target, meter: meter)
        var settings = ConsoleCommand.serviceSettings(config)
        settings.readonly = true
        let service = StackService(names: target.names, apiId: target.apiID, dashboardName: target.dashboardName, stateMachineArn: target.stateMachineArn,
                                   tasks: clients.tasks, cloudWatch: clients.cloudWatch, logs: clients.logs, stepFunctions: clients.stepFunctions,
                                   clock: clients.clock, meter: meter, settings: settings)
        await service.start()
        try? await Task.sleep(nanoseconds: UInt64(seconds) * 1_000_000_000)
        await service.stop()
        let snapshot = service.snapshot()
        var footprint = meter.footprint()
        footprint.span = Double(seconds)
        let failures = [snapshot.tasks.freshness, snapshot.events.freshness, snapshot.approvals.freshness, snapshot.metrics.freshness, snapshot.alarms.freshness]
            .compactMap { freshness in freshness.lastError.map { (freshness.source.rawValue, $0.description) } }
        let measured = FootprintReport.Measurement(footprint: footprint, taskList: snapshot.tasks.watch,
                                                   errors: Dictionary(failures, uniquingKeysWith: { a, _ in a }))
        let context = try await CommandWiring.context(stack, json: output.json)
        try CommandWiring.exit(FootprintReport.print(measured, context: context))
    }
}
