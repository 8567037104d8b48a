import AWSSigV4
import Foundation
import Testing
import TaskOpsAWS
import TaskOpsCore

/// The transport and clients against a server that answers badly: every case is one clear error.
@Suite(.serialized) struct MisbehavingServerTests {
    static func start() throws -> (ChildProcess, String) {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Scripts/misbehaving_server.py").path
        let server = try ChildProcess(ChildProcess.which("python3") ?? "/usr/bin/python3", ["-u", script], stderr: .discard)
        var buffer = [UInt8](repeating: 0, count: 64)
        var entry = pollfd(fd: server.stdoutFD, events: Int16(POLLIN), revents: 0)
        guard poll(&entry, 1, 20_000) > 0 else { server.stop(); throw StackError(kind: .network, code: "NoServer", message: "test server did not start") }
        let count = read(server.stdoutFD, &buffer, buffer.count)
        let port = String(decoding: buffer[0..<max(0, count)], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return (server, "http://127.0.0.1:\(port)")
    }

    func client(_ base: String, path: String, timeout: TimeInterval = 15, maxBytes: Int = 32 << 20) -> AWSJSONClient {
        var client = AWSJSONClient(endpoint: base + path, region: "us-east-1", signingName: "monitoring", targetPrefix: "GraniteServiceVersion20100801",
                                   contentType: "application/x-amz-json-1.0", transport: CurlTransport(connectTimeout: 2, maxResponseBytes: maxBytes),
                                   credentials: StaticCredentialsProvider(AWSCredentials(accessKeyId: "AKID", secretAccessKey: "never-shown")),
                                   clock: ServerClockTracker(), observer: nil)
        client.timeout = timeout
        return client
    }

    func failure(_ client: AWSJSONClient) async -> StackError? {
        do { _ = try await client.call("DescribeAlarms", [:]); return nil } catch { return error }
    }

    @Test(.enabled(if: ToolRequirement.python3.runs, "needs python3"))
    func badAnswersBecomeOneClearError() async throws {
        try ToolRequirement.python3.check()
        let (server, base) = try Self.start()
        defer { server.stop(grace: 1) }
        let garbage = await failure(client(base, path: "/garbage"))
        #expect(garbage?.kind == .malformed && garbage?.code == "MalformedResponse")
        #expect(garbage.map { !$0.description.contains("\u{1B}") } == true, "the answer's bytes are not echoed raw")
        let slow = await failure(client(base, path: "/slow", timeout: 1))
        #expect(slow?.kind == .network, "a total timeout is a network error: \(slow?.description ?? "none")")
        let huge = await failure(client(base, path: "/huge", maxBytes: 1 << 20))
        #expect(huge?.code == "ResponseTooLarge")
        let cut = await failure(client(base, path: "/cut"))
        #expect(cut?.kind == .network || cut?.kind == .malformed, "a connection cut mid-answer: \(cut?.description ?? "none")")
        let html = await failure(client(base, path: "/html503"))
        #expect(html?.kind == .throttled && html?.httpStatus == 503, "503 with an HTML page backs off like throttling")
        for error in [garbage, slow, huge, cut, html] { #expect(error.map { !$0.description.contains("never-shown") } == true) }
    }

    @Test(.enabled(if: ToolRequirement.python3.runs, "needs python3"))
    func connectionsAreReusedAndCancellationAbortsATransfer() async throws {
        try ToolRequirement.python3.check()
        let (server, base) = try Self.start()
        defer { server.stop(grace: 1) }
        let transport = CurlTransport(connectTimeout: 2)
        let first = try await transport.send(HTTPRequest(method: "GET", url: base + "/port"))
        let second = try await transport.send(HTTPRequest(method: "GET", url: base + "/port"))
        #expect(first.status == 200 && first.text == second.text, "the second request reused the first one's connection")
        let slow = Task { try await transport.send(HTTPRequest(method: "GET", url: base + "/slow", timeout: 30)) }
        try await Task.sleep(nanoseconds: 300_000_000)
        slow.cancel()
        do {
            _ = try await slow.value
            Issue.record("a cancelled transfer must not complete")
        } catch let error as StackError {
            #expect(error.kind == .cancelled)
        }
    }
}
