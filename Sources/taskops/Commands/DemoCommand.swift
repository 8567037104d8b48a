import AWSSigV4
import ArgumentParser
import Foundation
import TaskOpsAWS
import TaskOpsCLI
import TaskOpsCore
import TaskOpsService
import TaskOpsSim

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the console against the embedded simulator on a loopback port, with traffic.",
        discussion: "The simulator (`taskops serve`) runs in a child process and is reached over HTTP exactly as AWS is. At the default time scale (10×) a high-priority task reaches the approval queue at once and its 300 s approval wait passes in 30 s.")
    @OptionGroup var display: DisplayOptions
    @Option(help: "Virtual seconds per real second.") var timeScale = 10.0
    @Option(help: "Operator actions per second of generated traffic (0 for none).") var traffic = 2.0
    @Option(help: "Seed for reproducible traffic.") var seed: UInt64 = 42
    @Option(help: "Faults to inject, e.g. api5xx=0.2,ddb-throttle=0.3,latency-ms=2500.") var faults: String?
    @Flag(help: "Reproduce the original Terraform's IAM defects.") var originalIam = false
    @Flag(help: "No catch-all log of the bus's events (as the original Terraform): the task list is kept from the handlers' logs.")
    var noEventsLog = false
    @Flag(help: "Refuse every write.") var readonly = false

    func validate() throws {
        guard timeScale > 0, timeScale <= 1000 else { throw ValidationError("--time-scale must be in (0, 1000]") }
        guard traffic >= 0, traffic <= 200 else { throw ValidationError("--traffic must be between 0 and 200 actions/s") }
        if let faults { do { _ = try SimFaults.parse(faults) } catch { throw ValidationError(error.description) } }
    }

    func run() async throws {
        let names = StackNames()
        var serveArguments = ["--seed", String(seed), "--traffic", String(traffic), "--time-scale", String(timeScale), "--initial-actions", "6"]
        if let faults { serveArguments += ["--faults", faults] }
        if originalIam { serveArguments.append("--original-iam") }
        if noEventsLog { serveArguments.append("--no-events-log") }
        let simulator: SimulatorChild
        do { simulator = try SimulatorChild(arguments: serveArguments) } catch {
            throw ValidationError("\(error)")
        }
        defer { simulator.stop() }
        let endpoint = simulator.endpoint
        var target = StackTarget(names: names, apiURL: endpoint + "/" + names.env, apiID: simulator.apiId, endpointURL: endpoint, mode: .demo, readonly: readonly)
        target.isConfigured = true
        let meter = CallMeter()
        let clients = StackClients(region: names.region, endpoints: .resolve(region: names.region, override: endpoint, environment: [:]),
                                   apiURL: target.apiURL, credentials: StaticCredentialsProvider(AWSCredentials(accessKeyId: "AKIDDEMO", secretAccessKey: "demo")),
                                   observer: MeterObserver(meter))
        var intervals = ServiceSettings()
        // Virtual minutes pass faster: refresh metrics and alarms more often than against AWS.
        // At most every 10 s, CloudWatch's own fastest dashboard refresh.
        intervals.metricsInterval = max(10, 60 / timeScale)
        intervals.alarmsInterval = max(10, 60 / timeScale)
        intervals.auditLogPath = FileManager.default.temporaryDirectory.appendingPathComponent("taskops-demo-audit.log").path
        await ConsoleLauncher.run(target: target, clients: clients, meter: meter,
                                  settings: .init(mode: "DEMO", colorMode: display.color, ascii: display.ascii, theme: display.theme, charts: display.chartGlyphs,
                                                  intervals: intervals))
    }
}
