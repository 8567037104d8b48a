import Foundation

/// What tmux knows of a pane's terminal modes: the modes a program may leave behind.
struct TmuxPaneModes: Equatable, CustomStringConvertible {
    var alternateScreen: Bool
    var cursorVisible: Bool
    var keypad: Bool
    var mouse: Bool

    var description: String { "alternate=\(alternateScreen) cursor=\(cursorVisible) keypad=\(keypad) mouse=\(mouse)" }

    /// A shell prompt's modes: normal screen, visible cursor, no application keypad, no mouse reporting.
    static let shell = TmuxPaneModes(alternateScreen: false, cursorVisible: true, keypad: false, mouse: false)
}

extension TmuxSession {
    func modes() throws -> TmuxPaneModes {
        let format = "#{alternate_on} #{cursor_flag} #{keypad_flag} #{mouse_any_flag}#{mouse_button_flag}#{mouse_standard_flag}"
        let fields = try run(["display-message", "-p", "-t", name, format]).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines).split(separator: " ").map(String.init)
        guard fields.count == 4 else { throw TmuxError.failed("display-message", fields.joined(separator: " ")) }
        return TmuxPaneModes(alternateScreen: fields[0] == "1", cursorVisible: fields[1] == "1", keypad: fields[2] == "1",
                             mouse: fields[3].contains("1"))
    }

    /// The pane's pseudo terminal (`/dev/pts/N`).
    func tty() throws -> String {
        try run(["display-message", "-p", "-t", name, "#{pane_tty}"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The pane's terminal settings as `stty -g` prints them, read from outside the pane.
    func sttySettings() throws -> String {
        try Subprocess.run("/usr/bin/env", ["stty", "-g", "-F", try tty()]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The process the pane's shell is running (its only child), once it exists.
    func programPID(timeout: TimeInterval = 10) throws -> Int32? {
        guard let shell = try panePID() else { return nil }
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let child = ProcessTable.children(of: shell).first { return child }
            usleep(100_000)
        }
        return nil
    }
}

/// Reads `/proc` (Linux) for parent/child links and process states.
enum ProcessTable {
    static func children(of parent: Int32) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap(Int32.init).filter { stat($0)?.parent == parent }.sorted()
    }

    /// The state letter (`R`, `S`, `T` for stopped, `Z`) and parent pid of a process.
    static func stat(_ pid: Int32) -> (state: Character, parent: Int32)? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")") else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count >= 2, let state = fields[0].first, let parent = Int32(fields[1]) else { return nil }
        return (state, parent)
    }

    /// Waits until `pid` is in one of `states`; returns whether it got there.
    static func wait(_ pid: Int32, for states: Set<Character>, timeout: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let state = stat(pid)?.state, states.contains(state) { return true }
            usleep(50_000)
        }
        return false
    }
}
