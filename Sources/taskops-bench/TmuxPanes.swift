import Foundation
import TaskOpsCore

/// Programs in windows of one detached tmux session on a private socket, so nothing touches the
/// user's own tmux server.
final class TmuxPanes {
    let tmux: String
    let socket = "taskops-bench-\(getpid())"
    let session = "bench"
    private var windows = 0

    init?() {
        guard let tmux = ChildProcess.which("tmux") else { return nil }
        self.tmux = tmux
    }

    @discardableResult
    func run(_ arguments: [String]) -> String? {
        guard let result = try? ChildProcess.run(tmux, ["-L", socket] + arguments, timeout: 20), result.status == 0 else { return nil }
        return result.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Starts `command` (exec'd, so the pane's pid is the program's) in a new 200×60 window; returns its pid.
    func open(_ command: String, environment: [String: String] = [:]) -> Int32? {
        let exports = environment.map { "export \($0.key)='\($0.value)';" }.joined(separator: " ")
        let shell = "\(exports) exec \(command)"
        let target = "\(session):\(windows)"
        let started = windows == 0
            ? run(["new-session", "-d", "-s", session, "-x", "200", "-y", "60", "sh", "-c", shell])
            : run(["new-window", "-d", "-t", target, "sh", "-c", shell])
        guard started != nil else { return nil }
        windows += 1
        return run(["display-message", "-p", "-t", target, "#{pane_pid}"]).flatMap { Int32($0) }
    }

    /// Copies everything the window's program writes to its terminal into `file`.
    func record(window: Int, to file: String) {
        run(["pipe-pane", "-o", "-t", "\(session):\(window)", "cat >> '\(file)'"])
    }

    func kill() { run(["kill-server"]) }
}
