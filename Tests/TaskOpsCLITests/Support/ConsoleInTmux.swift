import Foundation

/// The real console (`taskops demo --traffic 0` by default) in a tmux pane, between two `stty -g`
/// snapshots taken by the pane's shell, so a test can check what the program left behind.
final class ConsoleInTmux {
    let tmux: TmuxSession
    let directory: URL
    var beforePath: String { directory.appendingPathComponent("stty.before").path }
    var afterPath: String { directory.appendingPathComponent("stty.after").path }

    init(arguments: String = "demo --traffic 0", width: Int = 100, height: Int = 30, environment: [String: String] = [:]) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("taskops-tty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let before = directory.appendingPathComponent("stty.before").path, after = directory.appendingPathComponent("stty.after").path
        var env = ["TERM": "xterm-256color", "LANG": "C.UTF-8", "HOME": directory.path, "XDG_STATE_HOME": directory.path]
        env.merge(environment) { $1 }
        tmux = try TmuxSession(command: "stty -g > \(before); \(Subprocess.taskopsBinary) \(arguments); s=$?; stty -g > \(after); (exit $s)",
                               width: width, height: height, environment: env)
    }

    /// Waits for all four panes.
    func waitUntilDrawn(timeout: TimeInterval = 40) throws -> Bool {
        try tmux.waitFor(text: "4 Metrics", timeout: timeout).matched
    }

    /// The program's exit status once the pane's shell has printed it, or nil at the timeout.
    func exitStatus(timeout: TimeInterval = 20) throws -> Int32? {
        let (matched, screen) = try tmux.waitFor(timeout: timeout) { $0.contains("[exited ") }
        guard matched, let range = screen.range(of: "[exited ") else { return nil }
        return Int32(screen[range.upperBound...].prefix { $0.isNumber })
    }

    /// What is wrong with the terminal after the program ended: modes, settings, screen residue.
    func residue() throws -> [String] {
        var problems: [String] = []
        let before = (try? String(contentsOfFile: beforePath, encoding: .utf8)) ?? "missing"
        let after = (try? String(contentsOfFile: afterPath, encoding: .utf8)) ?? "missing"
        if before != after { problems.append("stty -g changed: \(before) → \(after)") }
        let modes = try tmux.modes()
        if modes != .shell { problems.append("pane modes left behind: \(modes)") }
        let screen = try tmux.capture(escapes: true)
        if screen.contains("4 Metrics") || screen.contains("taskops ·") { problems.append("the console's screen is still shown") }
        let escapes = screen.components(separatedBy: "\u{1B}").count - 1
        if escapes > 0 { problems.append("\(escapes) escape sequences left on the final screen") }
        return problems
    }

    func signal(_ number: Int32) throws -> Bool {
        guard let pid = try tmux.programPID() else { return false }
        return kill(pid, number) == 0
    }

    func close() {
        tmux.kill()
        try? FileManager.default.removeItem(at: directory)
    }
}
