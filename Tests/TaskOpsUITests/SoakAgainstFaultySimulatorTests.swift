import AWSSigV4
import Foundation
import Testing
import TaskOpsAWS
import TaskOpsCore
import TaskOpsService
import TaskOpsSim
import TaskOpsSimServer
@testable import TaskOpsUI

/// About twenty minutes of virtual time, a few seconds of real time: the real service polls the simulator
/// over loopback through throttling and 5xx answers, an outage, and answers slower than the client
/// waits. Both clocks are stepped by the test (the simulator's and the service's), so schedules,
/// backoff and freshness are deterministic in virtual time; only the HTTP exchanges are real.
@Suite(.serialized) struct SoakAgainstFaultySimulatorTests {
    final class LocalClock: @unchecked Sendable {
        private let lock = NSLock()
        private var current = Date(timeIntervalSince1970: 1_800_000_000)
        var now: Date { lock.withLock { current } }
        func advance(_ seconds: TimeInterval) { lock.withLock { current = current.addingTimeInterval(seconds) } }
    }

    final class Soak: @unchecked Sendable {
        let simClock = ManualSimClock(start: Date().addingTimeInterval(-7200))
        let local = LocalClock()
        let stack: SimStack
        let traffic: TrafficGenerator
        let observer = CountingObserver()
        let service: StackService
        let port: Int
        var server: SimServer?

        init() async throws {
            stack = SimStackFactory.make(.init(seed: 77), clock: simClock)
            traffic = TrafficGenerator(stack: stack, seed: 77)
            let server = SimServer(stack: stack)
            port = try await server.start()
            self.server = server
            let endpoint = "http://127.0.0.1:\(port)"
            let clients = StackClients(region: "us-east-1", endpoints: .resolve(region: "us-east-1", override: endpoint, environment: [:]),
                                       apiURL: endpoint + "/dev", credentials: StaticCredentialsProvider(AWSCredentials(accessKeyId: "AK", secretAccessKey: "S")),
                                       observer: observer, requestTimeout: 2)
            var settings = ServiceSettings()
            settings.tasksInterval = 5
            settings.approvalsInterval = 5
            settings.eventsInterval = 2
            let local = self.local
            settings.localNow = { local.now }
            service = StackService(names: StackNames(), apiId: stack.apiId, dashboardName: nil, stateMachineArn: nil, tasks: clients.tasks,
                                   cloudWatch: clients.cloudWatch, logs: clients.logs, stepFunctions: clients.stepFunctions, clock: clients.clock,
                                   meter: CallMeter(now: { local.now }), settings: settings)
        }

        /// Steps both clocks one second at a time, with an operator action every `trafficEvery`
        /// seconds, running whatever polls are due; returns the calls made meanwhile.
        @discardableResult
        func run(seconds: Int, trafficEvery: Int? = 5) async -> Int {
            let before = observer.total
            for second in 0..<seconds {
                simClock.advance(by: 1)
                local.advance(1)
                if let every = trafficEvery, second % every == 0 { traffic.step() }
                stack.runDue()
                for poll in await service.scheduler.runDue() { await poll.value }
            }
            return observer.total - before
        }

        func setFaults(_ spec: String) throws { stack.setFaults(try SimFaults.parse(spec)) }

        func stopServer() async {
            await server?.stop()
            server = nil
        }

        func restartServer() async throws {
            let server = SimServer(stack: stack, configuration: SimServer.Configuration(port: port))
            #expect(try await server.start() == port)
            self.server = server
        }

        func freshness() -> [SourceFreshness] {
            let s = service.snapshot()
            return [s.tasks.freshness, s.events.freshness, s.approvals.freshness, s.metrics.freshness, s.alarms.freshness]
        }

        /// The status line as the console draws it now.
        func statusLine() -> String {
            var state = ConsoleState(header: HeaderInfo(stack: "s", region: "r", endpoint: "e", mode: "TEST"))
            state = ConsoleReducer.reduce(state, .snapshot(service.snapshot())).0
            let grid = ConsoleRenderer.render(state, width: 240, height: 30, now: local.now)
            return grid.lines[28]
        }

        /// Every event id the simulator's log groups hold.
        func simulatorEventIds() -> [String] {
            stack.withLock { StackNames().allLogGroups.flatMap { stack.logs.events(in: $0).map(\.eventId) } }
        }

        /// Where and what a simulator event is (for failure messages).
        func describe(_ id: String) -> String {
            stack.withLock {
                for group in StackNames().allLogGroups {
                    if let event = stack.logs.events(in: group).first(where: { $0.eventId == id }) {
                        return "\(group) @\(event.timestamp) (sim now \(Int64(simClock.now().timeIntervalSince1970 * 1000))): \(event.message.prefix(80))"
                    }
                }
                return id
            }
        }
    }

    @Test func keepsRunningShowsStalenessBacksOffAndLosesNoEvents() async throws {
        let soak = try await Soak()
        defer { Task { await soak.stopServer() } }
        await soak.run(seconds: 120)
        for freshness in soak.freshness() {
            #expect(freshness.lastError == nil && freshness.lastSuccess != nil, "\(freshness.source) healthy at first: \(String(describing: freshness.lastError))")
        }
        let baseline = await soak.run(seconds: 150)

        // About half of all answers throttled or failing.
        try soak.setFaults("api-throttle=0.25,api5xx=0.25,aws-throttle=0.25,aws5xx=0.25")
        let faulty = await soak.run(seconds: 150)
        #expect(faulty < baseline, "calls back off under throttling and 5xx: \(faulty) vs \(baseline) without faults")
        #expect(soak.service.snapshot().events.events.count > 0)

        // The endpoint goes away: every source goes stale and says why.
        try soak.setFaults("")
        await soak.stopServer()
        let outage = await soak.run(seconds: 240)
        #expect(outage * 3 < baseline, "calls back off hard while the endpoint is gone: \(outage) vs \(baseline)")
        for freshness in soak.freshness() {
            #expect(freshness.lastError?.kind == .network, "\(freshness.source) says the endpoint is unreachable")
            #expect((freshness.age(now: soak.local.now) ?? 0) >= 180, "\(freshness.source) is stale")
            #expect(freshness.nextPoll.map { $0 > soak.local.now } == true, "\(freshness.source) has a retry time")
        }
        let status = soak.statusLine()
        #expect(status.components(separatedBy: "✗").count - 1 == 5, "each source shows its failure: \(status)")
        #expect(status.contains("s old") && status.contains("retry"), "ages and retry times are shown: \(status)")

        // It comes back, answering slower than the client waits.
        try soak.setFaults("delay-ms=3000")
        try await soak.restartServer()
        let slow = await soak.run(seconds: 120, trafficEvery: nil)
        #expect(slow * 3 < baseline, "timeouts back off too: \(slow) calls in 120 s vs \(baseline) in 150 s")
        #expect(soak.freshness().contains { $0.lastError?.code == "Curl28" }, "a timeout is named: \(soak.statusLine())")

        // Recovery, then a quiet spell to drain.
        try soak.setFaults("")
        await soak.run(seconds: 300)
        await soak.run(seconds: 180, trafficEvery: nil)
        for freshness in soak.freshness() {
            #expect(freshness.lastError == nil, "\(freshness.source) recovered: \(String(describing: freshness.lastError))")
            #expect((freshness.age(now: soak.local.now) ?? .infinity) <= 120, "\(freshness.source) is fresh again")
        }
        #expect(!soak.statusLine().contains("✗"))

        // The service's own polls keep adding log lines (list-tasks, access log): compare what was
        // logged up to now with what is held a little later.
        let logged = Set(soak.simulatorEventIds())
        // On a loaded machine some polls time out and back off; give the reads a bounded spell of
        // virtual time to catch up (a lost event never arrives, however long this runs).
        for _ in 0..<10 {
            await soak.run(seconds: 30, trafficEvery: nil)
            if logged.isSubset(of: Set(soak.service.snapshot().events.events.map(\.id))) { break }
        }
        let events = soak.service.snapshot().events.events
        let held = events.map(\.id)
        #expect(Set(held).count == held.count, "no event is held twice")
        #expect(zip(events, events.dropFirst()).allSatisfy { ($0.timestamp, $0.id) <= ($1.timestamp, $1.id) }, "events stay in order")
        #expect(logged.count > 300, "the soak produced plenty of events (\(logged.count))")
        let missing = logged.subtracting(held), extra = Set(held).subtracting(soak.simulatorEventIds())
        #expect(missing.isEmpty, "\(missing.count) of \(logged.count) events never arrived: \(missing.prefix(5).map(soak.describe))")
        #expect(extra.isEmpty, "\(extra.count) events that the simulator never logged")
    }
}

/// Counts every call the clients make, successful or not.
final class CountingObserver: CallObserver, @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func record(_ call: CallRecord) { lock.withLock { count += 1 } }
    var total: Int { lock.withLock { count } }
}
