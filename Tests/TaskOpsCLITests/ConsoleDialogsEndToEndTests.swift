import Foundation
import Testing

/// The console's write paths driven with keys in tmux against the demo's simulator: a task made in
/// the dialog, rejected from the queue, edited, and a theme switched at run time.
@Suite(.serialized) struct ConsoleDialogsEndToEndTests {
    @Test func createRejectEditAndSwitchTheme() throws {
        let tmux = try TmuxSession(command: "\(Subprocess.taskopsBinary) demo --traffic 0", width: 140, height: 40,
                                   environment: ["TERM": "xterm-256color", "LANG": "C.UTF-8", "XDG_STATE_HOME": NSTemporaryDirectory()])
        defer { tmux.kill() }
        #expect(try tmux.waitFor(text: "4 Metrics", timeout: 30).matched)
        try tmux.send("1")
        try tmux.send("n")
        #expect(try tmux.waitFor(text: "New task", timeout: 10).matched, "n opens the dialog")
        try tmux.send("Enter")
        #expect(try tmux.waitFor(text: "Title is required", timeout: 10).matched, "checked before sending")
        try tmux.send("Made in the dialog", literal: true)
        try tmux.send("Tab")
        try tmux.send("alice", literal: true)
        try tmux.send("Tab")
        try tmux.send("Tab")
        try tmux.send("Right")
        try tmux.send("Enter")
        #expect(try tmux.waitFor(text: "Created task 'Made in the dialog'", timeout: 15).matched)
        #expect(try tmux.waitFor(text: "(1 waiting)", timeout: 30).matched, "a high-priority task reaches the queue")
        try tmux.send("3")
        try tmux.send("r")
        #expect(try tmux.waitFor(text: "Reject 1 task", timeout: 10).matched)
        try tmux.send("y")
        #expect(try tmux.waitFor(text: "(0 waiting)", timeout: 30).matched, "the rejected row left the queue")
        try tmux.send("1")
        try tmux.send("/")
        try tmux.send("Made in the dialog", literal: true)
        try tmux.send("Enter")
        #expect(try tmux.waitFor(text: "rejected", timeout: 15).matched, "the task shows its new status")
        try tmux.send("e")
        #expect(try tmux.waitFor(text: "Edit task", timeout: 10).matched)
        for _ in 0..<3 { try tmux.send("Tab") }
        try tmux.send("c")
        try tmux.send("Enter")
        #expect(try tmux.waitFor(text: "Updated task 'Made in the dialog'", timeout: 15).matched)
        #expect(try tmux.waitFor(timeout: 15) { $0.contains("completed") && !$0.contains("Edit task") }.matched)
        try tmux.send(":")
        try tmux.send("theme light", literal: true)
        try tmux.send("Enter")
        #expect(try tmux.waitFor(text: "Theme light", timeout: 10).matched, "themes switch at run time")
        try tmux.send("q")
        #expect(try tmux.waitFor(text: "[exited 0]", timeout: 10).matched)
    }
}
