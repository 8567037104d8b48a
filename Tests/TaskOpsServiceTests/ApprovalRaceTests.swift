import Foundation
import Testing
import TaskOpsAWS
import TaskOpsCore
import TaskOpsService
import TaskOpsSim
import TaskOpsTesting

extension ServiceAgainstSimulatorTests {
    /// A high-priority task, waiting for a decision once the simulator has run its rule.
    func waitingTask(_ h: Harness, _ title: String) async throws -> TaskItem {
        let api = try #require(h.clients.tasks)
        let task = try await api.createTask(TaskDraft(title: title, userId: "u", priority: "high"))
        h.clock.advance(by: 2)
        h.stack.runDue()
        return task
    }

    func console(_ h: Harness, who: String, tasks: any TaskAPI, audit: String) -> StackService {
        var settings = ServiceSettings()
        settings.who = who
        settings.auditLogPath = audit
        return StackService(names: StackNames(), apiId: "a1b2c3d4e5", dashboardName: nil, stateMachineArn: nil, tasks: tasks,
                            cloudWatch: h.clients.cloudWatch, logs: h.clients.logs, stepFunctions: h.clients.stepFunctions,
                            clock: h.clients.clock, meter: CallMeter(), settings: settings)
    }

    /// Two consoles decide the same task in the same instant: both checks read `pending_approval`,
    /// both writes succeed and both after-write reads can look fine. Each console's watch reads the
    /// task's TaskUpdated records from the events it follows: the one overwritten says so, the one
    /// that overwrote says so, and the audit log holds both attempts and both verdicts.
    @Test func aSameInstantRaceIsReportedByBothConsolesAndAudited() async throws {
        let h = try await start()
        defer { Task { await h.server.stop() } }
        let api = try #require(h.clients.tasks)
        let task = try await waitingTask(h, "prod deploy")
        let audit = FileManager.default.temporaryDirectory.appendingPathComponent("audit-same-instant-\(UUID()).log").path
        let bob = console(h, who: "bob", tasks: api, audit: audit)
        let id = task.taskId
        // Alice has read the task; before her write lands, Bob decides it completely.
        let aliceAPI = InterleavingTaskAPI(base: api) {
            let outcome = await bob.decide(.reject, taskIds: [id])[id]
            #expect(outcome == .ok, "Bob's own checks saw nothing wrong")
        }
        let alice = console(h, who: "alice", tasks: aliceAPI, audit: audit)
        #expect(await alice.decide(.approve, taskIds: [id])[id] == .ok, "nor did Alice's: the after-write read shows her write")
        #expect(try await api.getTask(id: id).status == "approved")
        #expect(alice.decisionWatch.watching == 1 && bob.decisionWatch.watching == 1)
        #expect(alice.decisionWatch.check().isEmpty && bob.decisionWatch.check().isEmpty, "no verdict before the events are read")

        h.clock.advance(by: 2)
        h.stack.runDue()
        try await alice.eventsPoller.poll()
        try await bob.eventsPoller.poll()
        let aliceVerdicts = alice.decisionWatch.check(), bobVerdicts = bob.decisionWatch.check()
        #expect(aliceVerdicts.count == 1)
        if case .overwrote(let status, _) = aliceVerdicts.first?.kind { #expect(status == "rejected") } else { Issue.record("Alice was not told: \(aliceVerdicts)") }
        #expect(bobVerdicts.count == 1)
        if case .overwritten(let status, _) = bobVerdicts.first?.kind { #expect(status == "approved") } else { Issue.record("Bob was not told: \(bobVerdicts)") }
        #expect(bob.snapshot().approvals.verdicts[id]?.rowText == "conflict: overwritten, now approved", "the loser's console shows it")
        #expect(alice.snapshot().approvals.verdicts[id]?.rowText == "conflict: raced a rejected")
        #expect(alice.decisionWatch.watching == 0 && bob.decisionWatch.watching == 0)

        let lines = AuditLog(path: audit).lines()
        #expect(lines.count == 4, "two attempts and two verdicts: \(lines)")
        #expect(lines.filter { $0.contains("\"result\":\"ok\"") }.count == 2)
        #expect(lines.contains { $0.contains("\"who\":\"bob\"") && $0.contains("\"result\":\"overwritten\"") && $0.contains("\"otherDecision\":\"approved\"") })
        #expect(lines.contains { $0.contains("\"who\":\"alice\"") && $0.contains("\"result\":\"overwrote\"") && $0.contains("\"otherDecision\":\"rejected\"") })
    }

    /// A decision nobody raced gets no verdict, and the watch lets it go once the window has passed.
    @Test func anUncontestedDecisionIsLeftAlone() async throws {
        let h = try await start()
        defer { Task { await h.server.stop() } }
        let api = try #require(h.clients.tasks)
        let task = try await waitingTask(h, "solo")
        let audit = FileManager.default.temporaryDirectory.appendingPathComponent("audit-solo-\(UUID()).log").path
        let alice = console(h, who: "alice", tasks: api, audit: audit)
        #expect(await alice.decide(.approve, taskIds: [task.taskId])[task.taskId] == .ok)
        h.clock.advance(by: 2)
        h.stack.runDue()
        try await alice.eventsPoller.poll()
        #expect(alice.decisionWatch.check().isEmpty)
        #expect(alice.decisionWatch.watching == 1, "still watching inside the window")
        h.clock.advance(by: DecisionVerdict.raceWindow + 61)
        h.stack.runDue()
        _ = try await api.getTask(id: task.taskId)   // the console learns the server's time from each answer
        #expect(alice.decisionWatch.check().isEmpty)
        #expect(alice.decisionWatch.watching == 0)
        #expect(AuditLog(path: audit).lines().count == 1)
    }
}
