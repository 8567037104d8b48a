import AWSSigV4
import Foundation
import Testing
import TaskOpsAWS
import TaskOpsCore
import TaskOpsService
import TaskOpsSim
import TaskOpsSimServer

/// The console's write paths go through `StackService`; started read-only it refuses each one
/// before a request leaves, and the stack is unchanged.
@Suite struct ReadonlyServiceTests {
    @Test func everyWritePathIsRefused() async throws {
        let clock = ManualSimClock()
        let stack = SimStackFactory.make(.init(seed: 3), clock: clock)
        let server = SimServer(stack: stack)
        let port = try await server.start()
        defer { Task { await server.stop() } }
        let endpoint = "http://127.0.0.1:\(port)"
        let observer = CountingObserver()
        let clients = StackClients(region: "us-east-1", endpoints: .resolve(region: "us-east-1", override: endpoint, environment: [:]), apiURL: endpoint + "/dev",
                                   credentials: StaticCredentialsProvider(AWSCredentials(accessKeyId: "AK", secretAccessKey: "S")), observer: observer)
        let api = try #require(clients.tasks)
        let task = try await api.createTask(TaskDraft(title: "keep", userId: "u", priority: "low"))
        var settings = ServiceSettings()
        settings.readonly = true
        let audit = FileManager.default.temporaryDirectory.appendingPathComponent("audit-\(UUID()).log").path
        settings.auditLogPath = audit
        let service = StackService(names: StackNames(), apiId: stack.apiId, dashboardName: nil, stateMachineArn: nil, tasks: clients.tasks,
                                   cloudWatch: clients.cloudWatch, logs: clients.logs, stepFunctions: clients.stepFunctions, clock: clients.clock,
                                   meter: CallMeter(), settings: settings)
        let writesBefore = ["CreateTask", "UpdateTask", "DeleteTask"].map(observer.count)

        await #expect(throws: StackError.self) { _ = try await service.createTask(TaskDraft(title: "new", userId: "u")) }
        await #expect(throws: StackError.self) { _ = try await service.updateTask(id: task.taskId, changes: TaskChanges(status: "completed")) }
        await #expect(throws: StackError.self) { try await service.deleteTask(id: task.taskId) }
        for decision in [ApprovalDecision.approve, .reject] {
            let outcomes = await service.decide(decision, taskIds: [task.taskId])
            if case .failed(let error) = outcomes[task.taskId] { #expect(error.kind == .readOnly) } else { Issue.record("\(decision) was not refused") }
        }
        do { _ = try await service.createTask(TaskDraft(title: "x", userId: "u")) } catch { #expect(error.kind == .readOnly) }

        #expect(["CreateTask", "UpdateTask", "DeleteTask"].map(observer.count) == writesBefore, "no write request left")
        let after = try await api.getTask(id: task.taskId)
        #expect(after.status == "pending" && after.updatedAt == task.updatedAt)
        #expect(try await api.listTasks(status: nil, userId: nil, limit: 100).tasks.count == 1)
        #expect(AuditLog(path: audit).lines().count == 2, "refused decisions are audited too")
    }
}
