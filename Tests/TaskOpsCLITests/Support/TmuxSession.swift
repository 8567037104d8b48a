import Foundation

/// Drives a program in a detached tmux session, as a person at a terminal would (tests only).
final class TmuxSession {
    let name: String
    let tmux: String

    /// Starts `command` in a new session of the given size; the session dies with `kill()`.
    init(command: String, width: Int = 120, height: Int = 40, environment: [String: String] = [:]) throws {
        guard let tmux = Subprocess.which("tmux") else { throw TmuxError.notInstalled }
        self.tmux = tmux
        self.name = "taskops-test-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let exports = environment.map { "export \($0.key)='\($0.value)';" }.joined(separator: " ")
        // A shell keeps the pane open after the program exits so its final screen can be read.
        let script = "\(exports) \(command); echo \"[exited $?]\"; sleep 600"
        try run(["new-session", "-d", "-s", name, "-x", String(width), "-y", String(height), "sh", "-c", script])
    }

    @discardableResult
    func run(_ arguments: [String]) throws -> ProcessResult {
        let result = try Subprocess.run(tmux, arguments)
        if result.status != 0 { throw TmuxError.failed(arguments.joined(separator: " "), result.stderr) }
        return result
    }

    /// Sends tmux key names (`Enter`, `Tab`, `C-c`) or literal text with `literal: true`.
    func send(_ keys: String..., literal: Bool = false) throws {
        try run(["send-keys", "-t", name] + (literal ? ["-l"] : []) + keys)
    }

    /// The visible screen as text, or with escape sequences when `escapes` is set.
    func capture(escapes: Bool = false) throws -> String {
        try run(["capture-pane", "-p", "-t", name] + (escapes ? ["-e"] : [])).stdout
    }

    func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", name, "-x", String(width), "-y", String(height)])
    }

    /// Waits until the screen satisfies `predicate`; returns the last screen either way.
    @discardableResult
    func waitFor(timeout: TimeInterval = 30, _ predicate: (String) -> Bool) throws -> (matched: Bool, screen: String) {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = ""
        while Date() < deadline {
            screen = try capture()
            if predicate(screen) { return (true, screen) }
            usleep(100_000)
        }
        return (false, screen)
    }

    func waitFor(text: String, timeout: TimeInterval = 30) throws -> (matched: Bool, screen: String) {
        try waitFor(timeout: timeout) { $0.contains(text) }
    }

    /// The pid of the program running in the pane's shell (its child).
    func panePID() throws -> Int32? {
        let out = try run(["display-message", "-p", "-t", name, "#{pane_pid}"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        return Int32(out)
    }

    func kill() {
        _ = try? Subprocess.run(tmux, ["kill-session", "-t", name])
    }

    deinit { kill() }
}

enum TmuxError: Error, CustomStringConvertible {
    case notInstalled
    case failed(String, String)

    var description: String {
        switch self {
        case .notInstalled: return "tmux is not installed (scripts/setup.sh installs it)"
        case .failed(let command, let stderr): return "tmux \(command) failed: \(stderr)"
        }
    }
}
