import AWSSigV4
import Foundation
import TaskOpsAWS
import TaskOpsCore
import TaskOpsSim
import TaskOpsSimServer

/// A simulator on a loopback port and the real clients pointed at it.
struct SimulatorFixture {
    let clock: ManualSimClock
    let stack: SimStack
    let server: SimServer
    let port: Int
    let clients: StackClients

    static func start(clockStart: Date = Date(timeIntervalSince1970: 1_795_000_000), originalIAM: Bool = false) async throws -> SimulatorFixture {
        let clock = ManualSimClock(start: clockStart)
        let stack = SimStackFactory.make(.init(seed: 11, originalIAM: originalIAM), clock: clock)
        let server = SimServer(stack: stack)
        let port = try await server.start()
        let endpoint = "http://127.0.0.1:\(port)"
        let clients = StackClients(region: "us-east-1", endpoints: .resolve(region: "us-east-1", override: endpoint, environment: [:]),
                                   apiURL: endpoint + "/dev",
                                   credentials: StaticCredentialsProvider(AWSCredentials(accessKeyId: "AKIDTEST", secretAccessKey: "secret")))
        return SimulatorFixture(clock: clock, stack: stack, server: server, port: port, clients: clients)
    }

    func stop() async { await server.stop() }
}
