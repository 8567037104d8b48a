import Foundation
import Glibc
import TaskOpsCore

/// What `taskops serve` prints once it listens, as read back by whatever starts it as a child
/// (`taskops demo`, the benchmark, the tests): `Name: value` lines, the last one `endLine`.
public struct ServeBanner: Sendable {
    public static let endLine = "Ctrl-C stops it."

    /// Everything read, whole banner or not.
    public let text: String
    /// Whether the banner's last line arrived.
    public let complete: Bool
    public let fields: [String: String]

    public init(text: String) {
        self.text = text
        complete = text.contains(Self.endLine)
        var fields: [String: String] = [:]
        for line in text.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces)
            if fields[name] == nil { fields[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces) }
        }
        self.fields = fields
    }

    /// The endpoint AWS clients are pointed at (`http://127.0.0.1:PORT`).
    public var endpoint: String? { fields["AWS endpoint"]?.split(separator: " ").first.map(String.init) }
    /// The simulated HTTP API's id (for the API Gateway metrics' dimension).
    public var apiId: String? { fields["API id"] }

    /// Reads the child's standard output until the banner's last line, its end, or `timeout`.
    public static func read(from child: ChildProcess, timeout: TimeInterval) -> ServeBanner {
        let deadline = Date().addingTimeInterval(timeout)
        var text = ""
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !text.contains(endLine), Date() < deadline {
            var entry = pollfd(fd: child.stdoutFD, events: Int16(POLLIN), revents: 0)
            let ready = poll(&entry, 1, Int32(max(0, min(1_000, deadline.timeIntervalSinceNow * 1_000))))
            if ready < 0 && errno != EINTR { break }
            guard ready > 0 else { continue }
            let count = Glibc.read(child.stdoutFD, &buffer, buffer.count)
            if count == 0 || (count < 0 && errno != EINTR) { break }
            if count > 0 { text += String(decoding: buffer[0..<count], as: UTF8.self) }
        }
        return ServeBanner(text: text)
    }
}
