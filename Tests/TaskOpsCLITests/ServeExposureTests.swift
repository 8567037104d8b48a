import Foundation
import Testing

extension ProcessDriven {
    /// `taskops serve` listens on loopback only unless told otherwise.
    @Suite struct ServeExposureTests {
        @Test(arguments: ["0.0.0.0", "::", "192.168.1.10", "127.example.com"])
        func nonLoopbackHostIsRefused(_ host: String) throws {
            let result = try Subprocess.run(Subprocess.taskopsBinary, ["serve", "--port", "0", "--host", host], timeout: 30)
            #expect(result.status == 64, "refused as a usage error, not served: \(result.status) \(result.stderr)")
            #expect(result.stderr.contains("loopback"), "\(result.stderr)")
        }

        @Test func loopbackHostServes() throws {
            let (server, endpoint, _) = try ServeProcess.start(["--host", "127.0.0.1"])
            defer { server.stop() }
            let health = try Subprocess.run("/usr/bin/env", ["curl", "-s", endpoint + "/_sim/health"], timeout: 30)
            #expect(health.stdout.contains("\"status\":\"ok\""))
        }
    }
}
