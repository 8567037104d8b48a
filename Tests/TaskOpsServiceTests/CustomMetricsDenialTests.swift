import AWSSigV4
import Foundation
import Testing
import TaskOpsAWS
import TaskOpsCore
import TaskOpsService
import TaskOpsSim
import TaskOpsSimServer

/// On the original IAM the handlers' role may not put the custom metrics: once their logs carry
/// the AccessDenied lines, the empty `TaskManager/{env}` rows say why; on a patched stack they have data.
@Suite struct CustomMetricsDenialTests {
    func customSeries(originalIAM: Bool) async throws -> [MetricSeries] {
        let clock = ManualSimClock(start: Date().addingTimeInterval(-3 * 3600))
        let stack = SimStackFactory.make(.init(seed: 8, originalIAM: originalIAM), clock: clock)
        let server = SimServer(stack: stack)
        let port = try await server.start()
        defer { Task { await server.stop() } }
        let endpoint = "http://127.0.0.1:\(port)"
        let clients = StackClients(region: "us-east-1", endpoints: .resolve(region: "us-east-1", override: endpoint, environment: [:]), apiURL: endpoint + "/dev",
                                   credentials: StaticCredentialsProvider(AWSCredentials(accessKeyId: "AK", secretAccessKey: "S")))
        let api = try #require(clients.tasks)
        let task = try await api.createTask(TaskDraft(title: "t", userId: "u"))
        clock.advance(by: 1)
        _ = try await api.updateTask(id: task.taskId, changes: TaskChanges(status: "completed"))
        clock.advance(by: 120)
        stack.runDue()
        let store = StackStore()
        let names = StackNames()
        let groups = Array(PutMetricDataDenial.handlerLogGroups(names))
        let events = EventsPoller(logs: clients.logs, store: store, clock: clients.clock, groups: groups, callsPerSecond: 5, groupsPerPoll: groups.count)
        try await events.poll()
        let metrics = MetricsPoller(cloudWatch: clients.cloudWatch, logs: clients.logs, store: store, clock: clients.clock, names: names, apiId: stack.apiId)
        metrics.show(.stack)
        try await metrics.poll()
        return store.current().metrics.widgets.flatMap(\.series).filter { $0.row.namespace == names.customNamespace }
    }

    @Test func emptyCustomMetricsAreExplainedOnTheOriginalIAM() async throws {
        let denied = try await customSeries(originalIAM: true)
        #expect(!denied.isEmpty)
        #expect(denied.allSatisfy { $0.values.isEmpty && $0.noDataReason == NoDataExplainer.caveat(namespace: "TaskManager/dev", names: StackNames()) })
        let patched = try await customSeries(originalIAM: false)
        #expect(patched.contains { !$0.values.isEmpty }, "the patched role puts the metrics")
        #expect(patched.allSatisfy { $0.noDataReason == nil })
    }
}
