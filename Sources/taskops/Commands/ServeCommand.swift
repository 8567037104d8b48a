import AWSSigV4
import ArgumentParser
import Foundation
import TaskOpsCore
import TaskOpsSim
import TaskOpsSimServer

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Run the simulated stack alone on a loopback port.")
    @Option(help: "Port (0 picks a free one).") var port = 0
    @Option(help: "Address to listen on: loopback only (127.0.0.1, ::1) unless --allow-non-loopback.") var host = "127.0.0.1"
    @Flag(help: "Allow listening on a non-loopback address (the simulator has no authentication unless --auth is given).")
    var allowNonLoopback = false
    @Option(help: "Project name.") var project = "task-manager"
    @Option(help: "Environment / stage.") var env = "dev"
    @Option(help: "Region.") var region = "us-east-1"
    @Option(help: "Seed for reproducible ids and traffic.") var seed: UInt64 = 1
    @Option(help: "Operator actions per second of generated traffic (0 for none).") var traffic = 0.0
    @Option(help: "Virtual seconds per real second.") var timeScale = 1.0
    @Option(help: "Faults, e.g. api5xx=0.5,lambda-errors=0.2,ddb-throttle=0.3,latency-ms=3000.") var faults: String?
    @Option(help: "Verify SigV4 signatures against ACCESS_KEY:SECRET.") var auth: String?
    @Flag(help: "Reproduce the original Terraform's IAM defects.") var originalIam = false
    @Flag(help: "No catch-all rule logging bus events to /aws/events/… (as the original Terraform: task records come from the handlers' logs only).")
    var noEventsLog = false
    /// `taskops demo` runs the simulator as its child: it stops when the console's end of its stdin
    /// closes, however the console ended (even killed), and starts with a few actions so the panes
    /// open with data.
    @Flag(help: .hidden) var exitWhenStdinCloses = false
    @Option(help: .hidden) var initialActions = 0

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0…65535") }
        guard allowNonLoopback || SimServer.isLoopback(host) else {
            throw ValidationError("refusing to listen on \(host): the simulator binds loopback only (127.0.0.1, ::1); add --allow-non-loopback to expose it")
        }
        guard timeScale > 0, timeScale <= 1000 else { throw ValidationError("--time-scale must be in (0, 1000]") }
        guard traffic >= 0, traffic <= 500 else { throw ValidationError("--traffic must be between 0 and 500 actions/s") }
        guard (0...100).contains(initialActions) else { throw ValidationError("--initial-actions must be 0…100") }
        if let faults { do { _ = try SimFaults.parse(faults) } catch { throw ValidationError(error.description) } }
        if let auth, auth.split(separator: ":", maxSplits: 1).count != 2 { throw ValidationError("--auth must be ACCESS_KEY:SECRET") }
    }

    func run() async throws {
        let names = StackNames(project: project, env: env, region: region)
        let stack = SimStackFactory.make(.init(names: names, seed: seed, originalIAM: originalIam, eventsLog: !noEventsLog), clock: ScaledSimClock(scale: timeScale))
        if let faults { stack.setFaults(try SimFaults.parse(faults)) }
        var configuration = SimServer.Configuration(host: host, port: port, allowNonLoopback: allowNonLoopback)
        if let auth {
            let parts = auth.split(separator: ":", maxSplits: 1).map(String.init)
            configuration.signatureCheck = SignatureCheck.make(accessKey: parts[0], secret: parts[1], region: region)
        }
        let server = SimServer(stack: stack, configuration: configuration)
        let bound = try await server.start()
        let endpoint = "http://\(host.contains(":") ? "[\(host)]" : host):\(bound)"
        let banner = """
            taskops simulator for \(project)-\(env) (\(region)), time scale \(timeScale)×\(originalIam ? ", original IAM defects" : "")\(noEventsLog ? ", no events log" : "")
              Task API:      \(endpoint)/\(env)/tasks
              AWS endpoint:  \(endpoint)   (CloudWatch, CloudWatch Logs, Step Functions, EventBridge)
              Admin:         \(endpoint)/_sim/health, \(endpoint)/_sim/faults
              API id:        \(stack.apiId)
            Try:
              curl -s -X POST \(endpoint)/\(env)/tasks -H 'Content-Type: application/json' -d '{"title":"hello","userId":"me","priority":"high"}'
              AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test aws --endpoint-url \(endpoint) logs filter-log-events --log-group-name /aws/lambda/\(names.functionName("create_task") ?? "") --region \(region)
              taskops tasks --api-url \(endpoint)/\(env)
            \(ServeBanner.endLine)

            """
        // Written straight to the file descriptor: print() would sit in stdio's buffer when stdout is a pipe.
        FileHandle.standardOutput.write(Data(banner.utf8))
        let generator = TrafficGenerator(stack: stack, seed: seed)
        let trafficTask = Task.detached { [traffic, initialActions] in
            guard traffic > 0 else { return }
            for _ in 0..<initialActions { generator.step() }
            while !Task.isCancelled {
                try? await Task.sleep(nanoseconds: UInt64(1_000_000_000 / traffic))
                generator.step()
            }
        }
        await waitForTermination(orStdinClosing: exitWhenStdinCloses)
        trafficTask.cancel()
        await server.stop()
    }

    /// Returns on SIGINT or SIGTERM, or when stdin reaches its end if asked to.
    func waitForTermination(orStdinClosing watchStdin: Bool) async {
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let once = OnceFlag()
            var sources: [any DispatchSourceSignal] = []
            for sig in [SIGINT, SIGTERM] {
                let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
                source.setEventHandler { if once.claim() { continuation.resume() } }
                source.resume()
                sources.append(source)
            }
            SignalSources.keep(sources)
            if watchStdin {
                Thread.detachNewThread {
                    var byte: UInt8 = 0
                    while true {
                        let count = read(0, &byte, 1)
                        if count == 0 || (count < 0 && errno != EINTR) { break }
                    }
                    if once.claim() { continuation.resume() }
                }
            }
        }
    }
}

/// Resumes a continuation once however many signals arrive.
final class OnceFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var done = false
    func claim() -> Bool { lock.withLock { if done { return false }; done = true; return true } }
}

/// Keeps signal sources alive for the life of the process.
enum SignalSources {
    nonisolated(unsafe) static var held: [any DispatchSourceSignal] = []
    static func keep(_ sources: [any DispatchSourceSignal]) { held += sources }
}
