import Foundation
import Glibc
import TaskOpsCore

/// `taskops serve` run as a child of the demo console: the same binary, on a free loopback port,
/// in a process group of its own (the terminal's Ctrl-C and Ctrl-Z are the console's to handle).
/// It stops when the console closes its stdin, so it never outlives the console, even one killed.
final class SimulatorChild {
    struct StartError: Error, CustomStringConvertible {
        let description: String
    }

    let process: ChildProcess
    let endpoint: String
    let apiId: String

    /// Starts `taskops serve ARGUMENTS` and reads its banner for the endpoint and API id.
    init(arguments: [String], timeout: TimeInterval = 30) throws {
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let child = try ChildProcess(executable, ["serve", "--port", "0", "--exit-when-stdin-closes"] + arguments,
                                     stdin: .pipe, stdout: .pipe, stderr: .discard, ownProcessGroup: true)
        guard let banner = Self.readBanner(child, until: Date().addingTimeInterval(timeout)),
              let endpoint = banner["AWS endpoint"]?.split(separator: " ").first.map(String.init),
              let apiId = banner["API id"] else {
            child.stop(grace: 2)
            throw StartError(description: "the simulator did not start (\(child.poll().map { "exit status \($0)" } ?? "no banner in \(Int(timeout)) s"))")
        }
        process = child
        self.endpoint = endpoint
        self.apiId = apiId
    }

    func stop() { process.stop(grace: 3) }

    /// The banner's `Name: value` lines, read until its `Ctrl-C stops it.` line.
    static func readBanner(_ child: ChildProcess, until deadline: Date) -> [String: String]? {
        var text = ""
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !text.contains("Ctrl-C stops it.") {
            var entry = pollfd(fd: child.stdoutFD, events: Int16(POLLIN), revents: 0)
            let wait = Int32(max(0, min(1_000, deadline.timeIntervalSinceNow * 1_000)))
            if Date() >= deadline { return nil }
            let ready = poll(&entry, 1, wait)
            if ready < 0 && errno != EINTR { return nil }
            guard ready > 0 else { continue }
            let count = read(child.stdoutFD, &buffer, buffer.count)
            if count == 0 || (count < 0 && errno != EINTR) { return nil }
            if count > 0 { text += String(decoding: buffer[0..<count], as: UTF8.self) }
        }
        var fields: [String: String] = [:]
        for line in text.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[line[..<colon].trimmingCharacters(in: .whitespaces)] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return fields
    }
}
