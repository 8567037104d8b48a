import Foundation
import Testing
import TaskOpsCore

struct ChildProcessTests {
    @Test func capturesOutputAndStatus() throws {
        let result = try ChildProcess.run("/bin/sh", ["-c", "echo out; echo err >&2; exit 3"], timeout: 30)
        #expect(result.status == 3)
        #expect(result.stdoutText == "out\n")
        #expect(result.stderrText == "err\n")
        #expect(!result.timedOut)
    }

    @Test func feedsStdinAndReportsSignals() throws {
        let echoed = try ChildProcess.run("/bin/cat", [], stdin: Array("ping ✓\n".utf8), timeout: 30)
        #expect(echoed.stdoutText == "ping ✓\n")
        let killed = try ChildProcess.run("/bin/sh", ["-c", "kill -TERM $$"], timeout: 30)
        #expect(killed.status == 128 + SIGTERM)
    }

    @Test func aChildPastItsDeadlineIsKilled() throws {
        let started = Date()
        let result = try ChildProcess.run("/bin/sleep", ["30"], timeout: 0.5)
        #expect(result.timedOut)
        #expect(result.status == 128 + SIGKILL)
        #expect(Date().timeIntervalSince(started) < 20)
    }

    /// Foundation's Process can lose a child's exit when many start at once; these never depend on signals.
    @Test func manyConcurrentChildrenAllFinish() async throws {
        let statuses = try await withThrowingTaskGroup(of: Int32.self) { group in
            for index in 0..<24 {
                group.addTask { try ChildProcess.run("/bin/sh", ["-c", "exit \(index % 7)"], timeout: 60).status }
            }
            return try await group.reduce(into: [Int32]()) { $0.append($1) }
        }
        #expect(statuses.sorted() == (0..<24).map { Int32($0 % 7) }.sorted())
    }

    @Test func pipesAreNotInheritedBySiblings() throws {
        // A long-lived sibling started first must not hold the second child's output open.
        let sibling = try ChildProcess("/bin/sleep", ["30"], stdout: .discard, stderr: .discard)
        defer { sibling.stop(grace: 1) }
        let result = try ChildProcess.run("/bin/echo", ["done"], timeout: 10)
        #expect(result.stdoutText == "done\n" && !result.timedOut)
    }

    @Test func missingProgramsAreErrors() {
        #expect(throws: ChildProcess.SpawnError.self) { try ChildProcess.run("/nonexistent/program", []) }
        #expect(ChildProcess.which("sh") != nil)
        #expect(ChildProcess.which("no-such-program-here") == nil)
    }
}
