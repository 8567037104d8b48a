import Testing
import TaskOpsSim
import TaskOpsSimServer

/// The simulator has no authentication by default, so it listens on loopback only unless told.
@Suite struct LoopbackOnlyTests {
    @Test(arguments: ["127.0.0.1", "127.0.0.2", "127.255.255.254", "::1", "localhost"])
    func loopbackAddresses(_ host: String) {
        #expect(SimServer.isLoopback(host))
    }

    @Test(arguments: ["0.0.0.0", "::", "10.0.0.1", "192.168.1.10", "128.0.0.1", "127.example.com", "127.0.0.1.nip.io", "", "::ffff:10.0.0.1", "example.com"])
    func otherAddressesAreRefused(_ host: String) async {
        #expect(!SimServer.isLoopback(host))
        let server = SimServer(stack: SimStack(clock: ManualSimClock()), configuration: SimServer.Configuration(host: host))
        await #expect(throws: SimServer.StartError.self) { _ = try await server.start() }
    }

    @Test func anotherLoopbackAddressServes() async throws {
        let server = SimServer(stack: SimStack(clock: ManualSimClock()), configuration: SimServer.Configuration(host: "127.0.0.2"))
        let port = try await server.start()
        #expect(port > 0)
        await server.stop()
    }
}
