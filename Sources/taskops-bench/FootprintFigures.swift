import AWSSigV4
import Foundation
import TaskOpsAWS
import TaskOpsCore
import TaskOpsService
import TaskOpsSim

/// The console's own load on the stack it watches, against the simulator over loopback: Task API
/// requests of an idle console over ten minutes (stepped clocks), beside the polling it replaced.
enum FootprintFigures {
    static func run() async -> [Figure] {
        // The reference lists every 2 s: two minutes of it give its rate.
        guard let kept = await idle(minutes: 10, tasks: 1000, polling: false),
              let polled = await idle(minutes: 2, tasks: 1000, polling: true) else {
            return [Figure("console footprint against the simulator", measured: "simulator failed to start", target: "–")]
        }
        let perMinute = Double(kept.requests) / 10, reference = Double(polled.requests) / 2
        return [
            Figure("Task API requests/min, idle console, 1,000 tasks, 10 min (list once, watch; reconcile 5 min)",
                   measured: Format.number(perMinute) + " /min (\(kept.requests) in all)", target: "≤ 1 /min",
                   reference: "polling: " + Format.number(reference) + " /min", ratio: Format.ratio(perMinute, reference), meetsTarget: perMinute <= 1),
            Figure("the same console's stack cost per hour (CloudWatch, Logs, Task API)", measured: String(format: "$%.4f/h", kept.costPerHour),
                   target: "–", reference: String(format: "polling: $%.4f/h", polled.costPerHour), ratio: Format.ratio(kept.costPerHour, polled.costPerHour)),
        ] + (await changes())
    }

    struct Idle {
        var requests: Int
        var costPerHour: Double
    }

    /// Steps both clocks a second at a time for `minutes`, running whatever polls are due.
    static func idle(minutes: Int, tasks: Int, polling: Bool) async -> Idle? {
        let simClock = ManualSimClock(start: Date().addingTimeInterval(-7200))
        guard let h = try? await SimHarness.start(clock: simClock, seed: 31), let api = h.clients.tasks else { return nil }
        defer { Task { await h.stop() } }
        for i in 0..<tasks { _ = try? await api.createTask(TaskDraft(title: "bench task \(i)", userId: "u\(i % 7)", priority: i % 50 == 0 ? "high" : "low")) }
        simClock.advance(by: 5)
        h.stack.runDue()
        let local = SteppedClock()
        let console = ConsoleClients(h, local: local)
        let service = makeService(h, clients: console.clients, local: local, meter: console.counter.meter, listEveryPoll: polling)
        for _ in 0..<(minutes * 60) {
            simClock.advance(by: 1)
            local.advance(1)
            h.stack.runDue()
            for poll in await service.scheduler.runDue() { await poll.value }
        }
        return Idle(requests: console.counter.count("ListTasks") + console.counter.count("GetTask"), costPerHour: console.counter.meter.snapshot().costPerHour)
    }

    /// The console's own clients (apart from those that made the tasks), counted, on a stepped clock.
    struct ConsoleClients {
        let counter: OperationCounter
        let clients: StackClients
        init(_ h: SimHarness, local: SteppedClock) {
            counter = OperationCounter(meter: CallMeter(now: { local.now }))
            clients = StackClients(region: "us-east-1", endpoints: .resolve(region: "us-east-1", override: h.endpoint, environment: [:]),
                                   apiURL: h.endpoint + "/dev", credentials: StaticCredentialsProvider(AWSCredentials(accessKeyId: "AKIDBENCH", secretAccessKey: "bench")),
                                   observer: counter)
        }
    }

    static func makeService(_ h: SimHarness, clients: StackClients, local: SteppedClock, meter: CallMeter, listEveryPoll: Bool = false) -> StackService {
        var settings = ServiceSettings()
        settings.localNow = { local.now }
        settings.who = "bench"
        settings.listEveryPoll = listEveryPoll
        return StackService(names: StackNames(), apiId: h.stack.apiId, dashboardName: nil, stateMachineArn: nil, tasks: clients.tasks,
                            cloudWatch: clients.cloudWatch, logs: clients.logs, stepFunctions: clients.stepFunctions,
                            clock: clients.clock, meter: meter, settings: settings)
    }

    /// Task API requests per task change made by someone else, over a minute of stepped polls.
    static func changes() async -> [Figure] {
        let simClock = ManualSimClock(start: Date().addingTimeInterval(-7200))
        guard let h = try? await SimHarness.start(clock: simClock, seed: 41) else { return [] }
        defer { Task { await h.stop() } }
        let other = TaskAPIClient(baseURL: h.endpoint + "/dev", transport: CurlTransport())
        let local = SteppedClock()
        let console = ConsoleClients(h, local: local)
        let service = makeService(h, clients: console.clients, local: local, meter: console.counter.meter)
        func step(_ seconds: Int) async {
            for _ in 0..<seconds {
                simClock.advance(by: 1)
                local.advance(1)
                h.stack.runDue()
                for poll in await service.scheduler.runDue() { await poll.value }
            }
        }
        await step(3)
        let before = console.counter.count("ListTasks") + console.counter.count("GetTask")
        var made = 0
        for i in 0..<10 {
            guard let task = try? await other.createTask(TaskDraft(title: "change \(i)", userId: "v", priority: i % 3 == 0 ? "high" : "low")) else { continue }
            made += 1
            await step(3)
            if (try? await other.updateTask(id: task.taskId, changes: TaskChanges(title: "changed \(i)"))) != nil { made += 1 }
            await step(3)
            if (try? await other.updateTask(id: task.taskId, changes: TaskChanges(status: i % 3 == 0 ? "approved" : "in_progress"))) != nil { made += 1 }
            await step(3)
            if (try? await other.deleteTask(id: task.taskId)) != nil { made += 1 }
            await step(3)
        }
        let requests = console.counter.count("ListTasks") + console.counter.count("GetTask") - before
        let perChange = Double(requests) / Double(max(1, made))
        return [Figure("Task API requests per task change (\(made) changes by someone else: created, retitled, status, deleted)",
                       measured: Format.number(perChange) + " (\(requests) requests)", target: "≤ 1", reference: "polling: a full list per poll",
                       meetsTarget: perChange <= 1)]
    }
}

/// A local clock the figures step by hand.
final class SteppedClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current = Date()
    var now: Date { lock.withLock { current } }
    func advance(_ seconds: TimeInterval) { lock.withLock { current = current.addingTimeInterval(seconds) } }
}
