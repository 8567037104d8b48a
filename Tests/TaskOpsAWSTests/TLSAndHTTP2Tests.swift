import Foundation
import Testing
import TaskOpsAWS
import TaskOpsCore

/// The transport over TLS: HTTP/2 when the server offers it, verification always on, and
/// AWS_CA_BUNDLE's authorities instead of the system's when given.
@Suite(.serialized) struct TLSAndHTTP2Tests {
    @Test(.enabled(if: ToolRequirement.hypercorn.runs, "needs python3 with hypercorn (scripts/setup.sh --test installs it)"))
    func http2OverVerifiedTLS() async throws {
        try ToolRequirement.hypercorn.check()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("taskops-tls-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Scripts/h2_server.py").path
        let server = try ChildProcess(ChildProcess.which("python3") ?? "/usr/bin/python3", ["-u", script, directory], stderr: .discard)
        defer { server.stop(grace: 1) }
        var entry = pollfd(fd: server.stdoutFD, events: Int16(POLLIN), revents: 0)
        try #require(poll(&entry, 1, 30_000) > 0, "the TLS server printed its port")
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = read(server.stdoutFD, &buffer, buffer.count)
        let port = String(decoding: buffer[0..<max(0, count)], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let url = "https://127.0.0.1:\(port)/"
        var answer: HTTPResponse?
        let trusted = CurlTransport(caBundle: directory + "/ca.pem")
        for _ in 0..<50 where answer == nil {
            answer = try? await trusted.send(HTTPRequest(method: "GET", url: url, timeout: 5))
            if answer == nil { try await Task.sleep(nanoseconds: 100_000_000) }
        }
        let response = try #require(answer, "the server answered over TLS with the test CA")
        #expect(response.status == 200)
        #expect(response.httpVersion == "2", "HTTP/2 negotiated by ALPN")
        #expect(response.text.contains(#""httpVersion": "2""#))
        do {
            _ = try await CurlTransport().send(HTTPRequest(method: "GET", url: url, timeout: 5))
            Issue.record("a certificate from an unknown authority must be refused")
        } catch {
            #expect(error.kind == .network && error.code == "Curl60", "\(error)")
        }
    }
}
