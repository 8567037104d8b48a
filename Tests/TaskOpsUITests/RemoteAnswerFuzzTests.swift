import AWSSigV4
import Foundation
import Testing
import TaskOpsAWS
import TaskOpsCore
import TaskOpsService
import TaskOpsSim
import TaskOpsSimServer
import TaskOpsTesting
@testable import TaskOpsUI

/// Seeded fuzzing of everything read from the network: the simulator's real answers are recorded,
/// then mutated (JSON and XML error bodies, wrong types, huge numbers, broken `Date` headers) and
/// fed under random statuses to the real clients, the real pollers and the renderer. No crash, and
/// the console keeps rendering whatever arrives.
@Suite(.serialized) struct RemoteAnswerFuzzTests {
    final class LocalClock: @unchecked Sendable {
        private let lock = NSLock()
        private var current = Date(timeIntervalSince1970: 1_800_000_000)
        var now: Date { lock.withLock { current } }
        func advance(_ seconds: TimeInterval) { lock.withLock { current = current.addingTimeInterval(seconds) } }
    }

    static func clients(_ transport: any HTTPTransport, endpoint: String) -> StackClients {
        StackClients(region: "us-east-1", endpoints: .resolve(region: "us-east-1", override: endpoint, environment: [:]), apiURL: endpoint + "/dev",
                     credentials: StaticCredentialsProvider(AWSCredentials(accessKeyId: "AK", secretAccessKey: "S")), transport: transport)
    }

    static func service(_ clients: StackClients, local: LocalClock) -> StackService {
        var settings = ServiceSettings()
        settings.localNow = { local.now }
        return StackService(names: StackNames(), apiId: "a1b2c3d4e5", dashboardName: nil, stateMachineArn: nil, tasks: clients.tasks,
                            cloudWatch: clients.cloudWatch, logs: clients.logs, stepFunctions: clients.stepFunctions, clock: clients.clock,
                            meter: CallMeter(now: { local.now }), settings: settings)
    }

    /// Polls every source a few times, plus the calls the pollers do not make.
    static func exercise(_ service: StackService, _ clients: StackClients, local: LocalClock, rounds: Int) async {
        for _ in 0..<rounds {
            local.advance(61)
            for poll in await service.scheduler.runDue() { await poll.value }
            _ = try? await clients.cloudWatch.describeAlarmHistory(alarmName: "a", maxRecords: 10, nextToken: nil)
            _ = try? await clients.cloudWatch.listDashboards(prefix: nil)
            _ = try? await clients.logs.describeLogGroups(prefix: nil, nextToken: nil)
            _ = try? await clients.logs.getQueryResults(queryId: "q")
            _ = try? await clients.stepFunctions.listStateMachines(nextToken: nil)
            _ = try? await clients.stepFunctions.describeExecution(arn: "arn:x")
            _ = try? await service.executionPath(arn: "arn:x")
            _ = try? await clients.tasks?.getTask(id: "t")
            _ = try? await clients.tasks?.createTask(TaskDraft(title: "t", userId: "u"))
        }
    }

    func recordedAnswers() async throws -> [String: [[UInt8]]] {
        let clock = ManualSimClock(start: Date().addingTimeInterval(-3600))
        let stack = SimStackFactory.make(.init(seed: 21), clock: clock)
        let traffic = TrafficGenerator(stack: stack, seed: 21)
        for _ in 0..<40 {
            traffic.step()
            clock.advance(by: 20)
            stack.runDue()
        }
        let server = SimServer(stack: stack)
        let port = try await server.start()
        defer { Task { await server.stop() } }
        let recorder = RecordedAnswers(recording: CurlTransport())
        let endpoint = "http://127.0.0.1:\(port)"
        let clients = Self.clients(recorder, endpoint: endpoint)
        let local = LocalClock()
        await Self.exercise(Self.service(clients, local: local), clients, local: local, rounds: 3)
        return recorder.all
    }

    @Test func clientsPollersAndRendererSurviveMutatedAnswers() async throws {
        let recorded = try await recordedAnswers()
        #expect(recorded.keys.count >= 12, "answers of most operations recorded: \(recorded.keys.sorted())")
        for seed in [UInt64(1), 2, 3] {
            let transport = FuzzedTransport(seed: seed, recorded: recorded)
            let clients = Self.clients(transport, endpoint: "http://127.0.0.1:1")
            let local = LocalClock()
            let service = Self.service(clients, local: local)
            var state = ConsoleState(header: HeaderInfo(stack: "s", region: "r", endpoint: "e", mode: "FUZZ"))
            for round in 0..<60 {
                await Task.yield()
                await Self.exercise(service, clients, local: local, rounds: 1)
                state = ConsoleReducer.reduce(state, .snapshot(service.snapshot())).0
                state.focus = PaneID(rawValue: round % 4) ?? .tasks
                state.zoomed = round % 3 == 0
                state.rawEvents = round % 2 == 0
                state.mode = round % 5 == 0 ? .detail : .normal
                for (w, h) in [(160, 50), (80, 24)] {
                    let grid = ConsoleRenderer.render(state, width: w, height: h, now: local.now)
                    #expect(!grid.cells.contains { $0.text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) } })
                }
            }
            #expect(transport.requests > 500, "seed \(seed): the fuzzer was asked \(transport.requests) times")
        }
    }

    @Test func errorMapperReadsAnyBody() async {
        var mutator = InputMutator(seed: 5, corpus: [
            #"{"__type":"com.amazonaws.logs#ThrottlingException","message":"Rate exceeded"}"#,
            #"{"__type":"aws.protocoljson#Foo:http://internal","Message":"x"}"#, #"{"code":"AccessDenied","error":"no"}"#,
            "<ErrorResponse><Error><Code>Throttling</Code><Message>Rate exceeded</Message></Error></ErrorResponse>", "", "null", "[]",
        ])
        for index in 0..<3000 {
            if index % 100 == 0 { await Task.yield() }
            let status = [400, 403, 404, 429, 500, 503, 0, -1, 999][index % 9]
            let error = AWSErrorMapper.map(status: status, body: mutator.next(), service: "logs")
            #expect(!error.code.isEmpty)
            _ = error.description
        }
    }
}
