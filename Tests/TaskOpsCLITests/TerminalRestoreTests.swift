import Foundation
import Testing

extension ProcessDriven {
    /// The terminal comes back as it was, whatever ends the console: `stty -g` before and after, the
    /// pane's modes (alternate screen, cursor, keypad, mouse reporting) and no escape residue on screen.
    @Suite(.serialized) struct TerminalRestoreTests {
        func expectRestored(_ console: ConsoleInTmux, exit expected: Int32?, _ what: String) throws {
            let status = try console.exitStatus()
            let screen = (try? console.tmux.capture()) ?? ""
            #expect(status != nil, "\(what): the console did not exit: \(screen)")
            if let expected { #expect(status == expected, "\(what): exit status") }
            let problems = try console.residue()
            #expect(problems.isEmpty, "\(what): \(problems.joined(separator: "; "))")
        }

        @Test func quitKey() throws {
            let console = try ConsoleInTmux()
            defer { console.close() }
            #expect(try console.waitUntilDrawn())
            try console.tmux.send("q")
            try expectRestored(console, exit: 0, "q")
        }

        @Test(arguments: [SIGINT, SIGTERM, SIGHUP])
        func quitSignal(_ signal: Int32) throws {
            let console = try ConsoleInTmux()
            defer { console.close() }
            #expect(try console.waitUntilDrawn())
            #expect(try console.signal(signal))
            try expectRestored(console, exit: nil, "signal \(signal)")
        }

        /// Suspending needs job control, so this one runs in an interactive bash as a person would:
        /// Ctrl-Z, look at the shell, `fg`, keep working, quit.
        @Test func suspendRestoresTheShellAndResumeRedraws() throws {
            let dir = try ServeProcess.temporaryDirectory()
            let tmux = try TmuxSession(command: "bash --norc --noprofile -i", width: 100, height: 30,
                                       environment: ["TERM": "xterm-256color", "LANG": "C.UTF-8", "PS1": "$ ", "HOME": dir, "XDG_STATE_HOME": dir])
            defer { tmux.kill() }
            try tmux.send("stty -g > \(dir)/before; \(Subprocess.taskopsBinary) demo --traffic 0", literal: true)
            try tmux.send("Enter")
            #expect(try tmux.waitFor(text: "4 Metrics", timeout: 40).matched)
            let pid = try #require(try tmux.programPID().flatMap { ProcessTable.children(of: $0).first ?? $0 })
            try tmux.send("C-z")
            #expect(ProcessTable.wait(pid, for: ["T"], timeout: 10), "the console stopped")
            let stopped = try tmux.waitFor(text: "Stopped", timeout: 10)
            #expect(stopped.matched, "the shell took over: \(stopped.screen)")
            let suspended = try tmux.modes()
            #expect(!suspended.alternateScreen && suspended.cursorVisible && !suspended.mouse, "shell modes while suspended: \(suspended)")
            try tmux.send("fg", literal: true)
            try tmux.send("Enter")
            #expect(try tmux.waitFor(text: "4 Metrics", timeout: 10).matched, "redrawn after fg")
            #expect(try tmux.modes().alternateScreen, "back on the alternate screen")
            try tmux.send("2")
            #expect(try tmux.waitFor(timeout: 10) { $0.contains("f follow") }.matched, "keys still work after resume")
            try tmux.send("q")
            #expect(try tmux.waitFor(timeout: 20) { !$0.contains("4 Metrics") && $0.contains("$ ") }.matched, "quit after resume")
            try tmux.send("echo \"[status $?]\"; stty -g > \(dir)/after; clear", literal: true)
            try tmux.send("Enter")
            #expect(try tmux.waitFor(timeout: 10) { !$0.contains("[status") }.matched)
            usleep(300_000)
            let before = try String(contentsOfFile: dir + "/before", encoding: .utf8), after = try String(contentsOfFile: dir + "/after", encoding: .utf8)
            #expect(before == after, "stty -g restored: \(before) → \(after)")
            let modes = try tmux.modes()
            #expect(modes == .shell, "pane modes: \(modes)")
        }

        @Test(arguments: [SIGSEGV, SIGABRT])
        func crashSignal(_ signal: Int32) throws {
            let console = try ConsoleInTmux()
            defer { console.close() }
            #expect(try console.waitUntilDrawn())
            #expect(try console.signal(signal))
            try expectRestored(console, exit: 128 + signal, "fatal signal \(signal)")
        }

        @Test func errorExitBeforeTheConsoleStarts() throws {
            let console = try ConsoleInTmux(arguments: "console --config /nonexistent/taskops.toml")
            defer { console.close() }
            try expectRestored(console, exit: 78, "configuration error")
        }
    }
}
