import ArgumentParser
import Foundation
import TaskOpsCLI
import TaskOpsService
import TaskOpsUI

/// Options of the console's look.
struct DisplayOptions: ParsableArguments {
    @Option(help: "Colours: auto, always, never, or a depth to use at most: 8, 16, 256, truecolor (NO_COLOR is honoured).") var color = "auto"
    @Option(help: "Chart glyphs: auto, braille, blocks or ascii.") var charts = "auto"
    @Flag(help: "ASCII only: no box drawing or block characters.") var ascii = false
    @Option(help: "Theme: default, light, high-contrast, mono, or a file name in ~/.config/taskops/themes/.") var theme = "default"

    /// The shipped `themes/` folder: beside the binary or up to three levels above it (the package root in a build tree).
    static var shippedThemes: String? {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("themes")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("default.toml").path) { return candidate.path }
            dir = dir.deletingLastPathComponent()
        }
        return nil
    }

    func validate() throws {
        guard ColorDepth.flagValues.contains(color) else { throw ValidationError("--color must be one of \(ColorDepth.flagValues.joined(separator: ", "))") }
        guard charts == "auto" || ChartGlyphs(rawValue: charts) != nil else { throw ValidationError("--charts must be auto, braille, blocks or ascii") }
    }

    var chartGlyphs: ChartGlyphs? { ChartGlyphs(rawValue: charts) }
}

struct ConsoleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "console", abstract: "Open the console on the configured stack (the default).")
    @OptionGroup var stack: StackOptions
    @OptionGroup var display: DisplayOptions

    func run() async throws {
        let (target, config) = try CommandWiring.target(stack)
        guard target.isConfigured else {
            CommandOutput.standard.print("""
                taskops: no stack is configured, so there is nothing to watch.

                Point it at a deployed stack with one of:
                  taskops --tf-outputs outputs.json          (terraform output -json > outputs.json)
                  taskops --api-url https://ID.execute-api.REGION.amazonaws.com/dev --project task-manager --env dev
                  TASKOPS_API_URL=… AWS_PROFILE=… taskops
                  ~/.config/taskops/config.toml              (project, env, region, api_url, profile)

                Or try it with no AWS account at all, against the embedded simulator:
                  taskops demo
                """)
            throw ExitCode(ExitStatus.config.rawValue)
        }
        let meter = CallMeter()
        let (clients, _) = CommandWiring.clients(target, meter: meter)
        await ConsoleLauncher.run(target: target, clients: clients, meter: meter,
                                  settings: .init(mode: "AWS", colorMode: display.color, ascii: display.ascii || config.ascii == true, theme: config.theme ?? display.theme,
                                                  charts: display.chartGlyphs, intervals: Self.serviceSettings(config)))
    }

    /// The polling service's settings from the config file's `[poll]` table.
    static func serviceSettings(_ config: ConfigFile) -> ServiceSettings {
        var intervals = ServiceSettings()
        intervals.tasksInterval = config.poll.tasks ?? intervals.tasksInterval
        intervals.eventsInterval = config.poll.events ?? intervals.eventsInterval
        intervals.approvalsInterval = config.poll.approvals ?? intervals.approvalsInterval
        intervals.metricsInterval = config.poll.metrics ?? intervals.metricsInterval
        intervals.alarmsInterval = config.poll.alarms ?? intervals.alarmsInterval
        intervals.logsCallsPerSecond = config.poll.logsCallsPerSecond ?? intervals.logsCallsPerSecond
        intervals.reconcileInterval = config.poll.reconcile ?? intervals.reconcileInterval
        return intervals
    }
}
