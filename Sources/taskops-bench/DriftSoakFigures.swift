import AWSSigV4
import Foundation
import TaskOpsAWS
import TaskOpsCore
import TaskOpsService
import TaskOpsSim
import TaskOpsSimServer

/// Thirty virtual minutes of operator traffic with throttling, 5xx and an outage longer than the
/// events' overlap window, both clocks stepped a second at a time: does the task list kept from
/// records end equal to what the API lists, and did any reconciliation find a record missing?
enum DriftSoakFigures {
    static func run() async -> [Figure] {
        let simClock = ManualSimClock(start: Date().addingTimeInterval(-7200))
        let stack = SimStackFactory.make(.init(seed: 53), clock: simClock)
        var server: SimServer? = SimServer(stack: stack)
        guard let port = try? await server?.start() else { return [Figure("drift soak", measured: "simulator failed to start", target: "–")] }
        let endpoint = "http://127.0.0.1:\(port)"
        let local = SteppedClock()
        let counter = OperationCounter(meter: CallMeter(now: { local.now }))
        let clients = StackClients(region: "us-east-1", endpoints: .resolve(region: "us-east-1", override: endpoint, environment: [:]),
                                   apiURL: endpoint + "/dev", credentials: StaticCredentialsProvider(AWSCredentials(accessKeyId: "AKIDBENCH", secretAccessKey: "bench")),
                                   observer: counter, requestTimeout: 2)
        var settings = ServiceSettings()
        settings.localNow = { local.now }
        let service = StackService(names: StackNames(), apiId: stack.apiId, dashboardName: nil, stateMachineArn: nil, tasks: clients.tasks,
                                   cloudWatch: clients.cloudWatch, logs: clients.logs, stepFunctions: clients.stepFunctions, clock: clients.clock,
                                   meter: counter.meter, settings: settings)
        let traffic = TrafficGenerator(stack: stack, seed: 53)
        func step(_ seconds: Int, traffic on: Bool = true) async {
            for second in 0..<seconds {
                simClock.advance(by: 1)
                local.advance(1)
                if on, second % 3 == 0 { traffic.step() }
                stack.runDue()
                for poll in await service.scheduler.runDue() { await poll.value }
            }
        }
        await step(600)
        stack.setFaults((try? SimFaults.parse("api-throttle=0.15,api5xx=0.1,aws-throttle=0.15,aws5xx=0.1")) ?? SimFaults())
        await step(600)
        stack.setFaults(SimFaults())
        await server?.stop()
        server = nil
        await step(180)
        let restarted = SimServer(stack: stack, configuration: SimServer.Configuration(port: port))
        _ = try? await restarted.start()
        await step(420)
        await step(30, traffic: false)
        defer { Task { await restarted.stop() } }
        let other = TaskAPIClient(baseURL: endpoint + "/dev", transport: CurlTransport())
        guard let truth = try? await other.listTasks(status: nil, userId: nil, limit: 5000) else {
            return [Figure("drift soak", measured: "the final list failed", target: "–")]
        }
        let kept = Dictionary(service.snapshot().tasks.tasks.map { ($0.taskId, $0) }, uniquingKeysWith: { a, _ in a })
        let listed = Dictionary(truth.tasks.map { ($0.taskId, $0) }, uniquingKeysWith: { a, _ in a })
        let differing = Set(kept.keys).union(listed.keys).filter { kept[$0] != listed[$0] }.count
        let watch = service.snapshot().tasks.watch
        return [
            Figure("drift after 30 virtual min of traffic, throttling, 5xx and a 3-min outage (tasks differing from the API at the end; drift counted at reconciliations)",
                   measured: "\(differing) differ, drift \(watch.drift) (\(watch.lists) lists, \(watch.reads) reads, \(listed.count) tasks)",
                   target: "0 differ, drift 0", meetsTarget: differing == 0 && watch.drift == 0),
        ]
    }
}
