import Foundation
import Hummingbird
import HummingbirdCore
import NIOPosix
import Logging
import NIOCore
import TaskOpsCore
import TaskOpsSim

/// What the front door knows of a request, for signature checks.
public struct SimRequestInfo: Sendable {
    public var request: SimRequest
    public var service: String?
}

/// The simulator's loopback HTTP front door: the Task API under `/{env}/`, AWS JSON protocols on
/// `POST /` by `X-Amz-Target`, and `/_sim/*` admin routes. Every answer carries a `Date` header
/// in simulator time.
public final class SimServer: @unchecked Sendable {
    public struct Configuration: Sendable {
        public var host: String
        public var port: Int
        public var allowNonLoopback: Bool
        public var maxBodyBytes: Int
        /// Returns nil to accept a request, or the 403 answer to send.
        public var signatureCheck: (@Sendable (SimRequestInfo, Date) -> SimResponse?)?

        public init(host: String = "127.0.0.1", port: Int = 0, allowNonLoopback: Bool = false, maxBodyBytes: Int = 1 << 20,
                    signatureCheck: (@Sendable (SimRequestInfo, Date) -> SimResponse?)? = nil) {
            self.host = host
            self.port = port
            self.allowNonLoopback = allowNonLoopback
            self.maxBodyBytes = maxBodyBytes
            self.signatureCheck = signatureCheck
        }
    }

    public enum StartError: Error, CustomStringConvertible {
        case notLoopback(String)
        case didNotStart(String)

        public var description: String {
            switch self {
            case .notLoopback(let host): return "refusing to listen on \(host): the simulator binds loopback only (127.0.0.1, ::1) unless told otherwise"
            case .didNotStart(let why): return "simulator did not start: \(why)"
            }
        }
    }

    public let stack: SimStack
    let configuration: Configuration
    private var runTask: Task<Void, Never>?
    private var tickTask: Task<Void, Never>?

    public init(stack: SimStack, configuration: Configuration = Configuration()) {
        self.stack = stack
        self.configuration = configuration
    }

    /// Whether `host` is a loopback address: `localhost`, an IPv4 literal in 127.0.0.0/8 or the IPv6
    /// literal `::1`. A name that merely starts with `127.` (`127.example.com`) may resolve anywhere.
    public static func isLoopback(_ host: String) -> Bool {
        if host == "localhost" { return true }
        var v4 = in_addr()
        if inet_pton(AF_INET, host, &v4) == 1 { return UInt32(bigEndian: v4.s_addr) >> 24 == 127 }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, host, &v6) == 1 {
            return withUnsafeBytes(of: &v6) { bytes in bytes.dropLast().allSatisfy { $0 == 0 } && bytes.last == 1 }
        }
        return false
    }

    /// Starts listening; returns the bound port.
    public func start() async throws -> Int {
        guard configuration.allowNonLoopback || Self.isLoopback(configuration.host) else { throw StartError.notLoopback(configuration.host) }
        let portBox = PortBox()
        let responder = SimResponder(stack: stack, configuration: configuration)
        var logger = Logger(label: "taskops-sim")
        logger.logLevel = .critical
        // HummingbirdCore directly: Application would overwrite our simulator-time `Date` header.
        let server = try HTTPServerBuilder.http1().buildServer(
            configuration: ServerConfiguration(address: .hostname(configuration.host, port: configuration.port)),
            eventLoopGroup: MultiThreadedEventLoopGroup.singleton, logger: logger,
            responder: { request, writer, _ in
                let response = await responder.respond(to: request)
                try await writer.write(response: response.head, body: response.body)
            },
            onServerRunning: { channel in portBox.set(channel.localAddress?.port ?? -1) })
        runTask = Task {
            do { try await server.run() } catch { portBox.set(-1) }
        }
        let port = try await portBox.wait()
        guard port > 0 else { throw StartError.didNotStart("could not bind \(configuration.host):\(configuration.port)") }
        let stack = self.stack
        tickTask = Task.detached {
            while !Task.isCancelled {
                try? await Task.sleep(nanoseconds: 100_000_000)
                stack.runDue()
            }
        }
        return port
    }

    public func stop() async {
        tickTask?.cancel()
        runTask?.cancel()
        _ = await runTask?.value
    }
}

/// Hands the bound port from the server's start callback to `start()`.
final class PortBox: @unchecked Sendable {
    private let lock = NSLock()
    private var port: Int?

    func set(_ value: Int) {
        lock.lock()
        if port == nil { port = value }
        lock.unlock()
    }

    func wait() async throws -> Int {
        for _ in 0..<600 {
            let value = lock.withLock { port }
            if let value { return value }
            try await Task.sleep(nanoseconds: 10_000_000)
        }
        throw SimServer.StartError.didNotStart("timed out waiting for the listener")
    }
}
