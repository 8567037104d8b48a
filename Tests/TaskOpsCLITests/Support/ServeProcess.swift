import Foundation
import TaskOpsCore
import TaskOpsSimServer

/// `taskops serve` as a child process on a free loopback port (tests only).
enum ServeProcess {
    /// Starts it and returns it with its endpoint (`http://127.0.0.1:PORT`) and everything it printed.
    static func start(_ extra: [String] = []) throws -> (process: ChildProcess, endpoint: String, banner: String) {
        let process = try ChildProcess(Subprocess.taskopsBinary, ["serve", "--port", "0"] + extra, stderr: .discard)
        let banner = ServeBanner.read(from: process, timeout: 60)
        guard banner.complete, let endpoint = banner.endpoint, endpoint.hasPrefix("http://127.0.0.1:") else {
            process.stop()
            throw TmuxError.failed("serve", banner.text)
        }
        return (process, endpoint, banner.text)
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
