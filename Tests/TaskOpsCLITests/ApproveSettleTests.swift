import AWSSigV4
import Foundation
import Testing
import TaskOpsAWS
import TaskOpsCore
import TaskOpsService
import TaskOpsSim
import TaskOpsSimServer
import TaskOpsTesting
@testable import TaskOpsCLI

/// `taskops approve` against a console deciding the same task in the same instant: the CLI's own
/// checks pass, and the records it reads afterwards show the race; it exits with a conflict, says
/// so on stderr and in `--json`, and audits it.
@Suite struct ApproveSettleTests {
    @Test func theCLIReportsADecisionItRacedAndExitsWithAConflict() async throws {
        let clock = ManualSimClock(start: Date().addingTimeInterval(-3600))
        let stack = SimStackFactory.make(.init(seed: 11), clock: clock)
        let server = SimServer(stack: stack)
        let port = try await server.start()
        // Virtual time runs on (the simulator delivers events as it passes) while the CLI waits.
        let ticker = Task.detached {
            while !Task.isCancelled {
                clock.advance(by: 0.2)
                try? await Task.sleep(nanoseconds: 50_000_000)
            }
        }
        defer {
            ticker.cancel()
            Task { await server.stop() }
        }
        let endpoint = "http://127.0.0.1:\(port)"
        let clients = StackClients(region: "us-east-1", endpoints: .resolve(region: "us-east-1", override: endpoint, environment: [:]), apiURL: endpoint + "/dev",
                                   credentials: StaticCredentialsProvider(AWSCredentials(accessKeyId: "AK", secretAccessKey: "S")))
        let api = try #require(clients.tasks)
        let id = try await api.createTask(TaskDraft(title: "prod deploy", userId: "u", priority: "high")).taskId
        try await Task.sleep(nanoseconds: 300_000_000)
        let consoleDecider = ApprovalDecider(api: api, audit: nil, who: "console", readonly: false)
        let racing = InterleavingTaskAPI(base: api) { _ = await consoleDecider.decide(.reject, taskId: id) }
        let captured = CapturedOutput()
        var context = CommandContext(target: StackTarget(names: StackNames()), tasks: racing, cloudWatch: nil, logs: clients.logs, stepFunctions: nil,
                                     output: captured.output, json: true, measure: TaskCommandsTests.plainMeasure)
        context.clock = clients.clock
        let audit = AuditLog(path: FileManager.default.temporaryDirectory.appendingPathComponent("audit-cli-\(UUID()).log").path)
        let status = await ApprovalCommands.decide(context, .approve, ids: [id], audit: audit, who: "cli", settle: 4)
        #expect(status == .conflict)
        let result = try JSONParser.parse(captured.stdout).arrayValue?.first
        #expect(result?["result"]?.stringValue == "conflict")
        #expect(result?["race"]?.stringValue == "overwrote")
        #expect(result?["otherDecision"]?.stringValue == "rejected")
        let lines = audit.lines()
        #expect(lines.count == 2 && lines[0].contains("\"result\":\"ok\"") && lines[1].contains("\"result\":\"overwrote\""), "\(lines)")

        // Nobody racing: the same command settles quietly and succeeds.
        let calm = try await api.createTask(TaskDraft(title: "calm", userId: "u", priority: "high")).taskId
        try await Task.sleep(nanoseconds: 300_000_000)
        context.tasks = api
        let calmOutput = CapturedOutput()
        context.output = calmOutput.output
        #expect(await ApprovalCommands.decide(context, .approve, ids: [calm], audit: nil, who: "cli", settle: 2) == .ok)
        #expect(try JSONParser.parse(calmOutput.stdout).arrayValue?.first?["result"]?.stringValue == "ok")

        // A stack without the bus's catch-all group: the decision stands, and the CLI says it could not check.
        let unwatched = try await api.createTask(TaskDraft(title: "unwatched", userId: "u", priority: "high")).taskId
        try await Task.sleep(nanoseconds: 300_000_000)
        let textOutput = CapturedOutput()
        context.output = textOutput.output
        context.json = false
        context.target = StackTarget(names: StackNames(project: "elsewhere"))
        #expect(await ApprovalCommands.decide(context, .approve, ids: [unwatched], audit: nil, who: "cli", settle: 30) == .ok)
        #expect(textOutput.stderr.contains("/aws/events/elsewhere-dev does not exist"), "\(textOutput.stderr)")
    }
}
