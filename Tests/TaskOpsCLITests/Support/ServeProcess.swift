import Foundation
import TaskOpsCore

/// `taskops serve` as a child process on a free loopback port (tests only).
enum ServeProcess {
    /// Starts it and returns it with its endpoint (`http://127.0.0.1:PORT`) and everything it printed.
    static func start(_ extra: [String] = []) throws -> (process: ChildProcess, endpoint: String, banner: String) {
        let process = try ChildProcess(Subprocess.taskopsBinary, ["serve", "--port", "0"] + extra, stderr: .discard)
        var text = ""
        let deadline = Date().addingTimeInterval(60)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !text.contains("Ctrl-C stops it") && Date() < deadline {
            var entry = pollfd(fd: process.stdoutFD, events: Int16(POLLIN), revents: 0)
            guard poll(&entry, 1, 500) >= 0 else { break }
            guard entry.revents != 0 else { continue }
            let count = read(process.stdoutFD, &buffer, buffer.count)
            if count <= 0 { break }
            text += String(decoding: buffer[0..<count], as: UTF8.self)
        }
        guard let line = text.split(separator: "\n").first(where: { $0.contains("AWS endpoint:") }),
              let url = line.split(separator: " ").first(where: { $0.hasPrefix("http://127.0.0.1:") }) else {
            process.stop()
            throw TmuxError.failed("serve", text)
        }
        return (process, String(url), text)
    }

    /// An environment for the CLI: a private HOME and state directory, only the given AWS variables.
    static func environment(home: String, _ extra: [String: String]) -> [String: String] {
        var env = ["HOME": home, "XDG_STATE_HOME": home, "USER": "tester", "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin"]
        env.merge(extra) { $1 }
        return env
    }

    static func temporaryDirectory() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("taskops-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }
}
