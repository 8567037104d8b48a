import AWSSigV4
import Foundation
import Testing
import TaskOpsAWS
import TaskOpsCore
import TaskOpsService
import TaskOpsSim
import TaskOpsSimServer

/// The events poller against the simulator with CloudWatch Logs' ingestion delay switched on
/// (`ingest-delay-ms`): every bus record is read in the end, the delay is measured, and a poller
/// whose window is shorter than the delay loses records (so the delay is really there).
@Suite struct EventsPollerAgainstIngestionDelayTests {
    @Test func everyRecordIsReadDespiteTheIngestionDelay() async throws {
        let clock = ManualSimClock(start: Date().addingTimeInterval(-3 * 3600))
        let stack = SimStackFactory.make(.init(seed: 11), clock: clock)
        stack.setFaults(try SimFaults.parse("ingest-delay-ms=5000"))
        let server = SimServer(stack: stack)
        let port = try await server.start()
        defer { Task { await server.stop() } }
        let endpoint = "http://127.0.0.1:\(port)"
        let clients = StackClients(region: "us-east-1", endpoints: .resolve(region: "us-east-1", override: endpoint, environment: [:]), apiURL: endpoint + "/dev",
                                   credentials: StaticCredentialsProvider(AWSCredentials(accessKeyId: "AK", secretAccessKey: "S")))
        let api = try #require(clients.tasks)
        let group = stack.names.eventsLogGroup
        let store = StackStore(), narrowStore = StackStore()
        let poller = EventsPoller(logs: clients.logs, store: store, clock: clients.clock, groups: [group], callsPerSecond: 1,
                                  local: { clock.now() })
        let narrow = EventsPoller(logs: clients.logs, store: narrowStore, clock: clients.clock, groups: [group], callsPerSecond: 1,
                                  overlap: 1, maxOverlap: 1, local: { clock.now() })
        for step in 0..<150 {
            if step < 60 { _ = try await api.createTask(TaskDraft(title: "t\(step)", userId: "u\(step % 3)")) }
            clock.advance(by: 2)
            stack.runDue()
            try await poller.poll()
            try await narrow.poll()
        }
        let written = Set(stack.logs.events(in: group).map(\.eventId))
        let read = Set(store.current().events.events.map(\.id))
        #expect(written.count >= 60)
        #expect(written.subtracting(read).isEmpty, "\(written.subtracting(read).count) of \(written.count) records never read")
        let health = store.current().events.readHealth
        #expect(health.ingestionDelay >= 2, "the delay is measured: \(health.ingestionDelay) s")
        let narrowRead = Set(narrowStore.current().events.events.map(\.id))
        #expect(written.subtracting(narrowRead).count > written.count / 2, "a 1 s window loses most records to a 5 s delay")
    }
}
