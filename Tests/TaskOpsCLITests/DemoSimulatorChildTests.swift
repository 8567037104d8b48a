import Foundation
import Glibc
import Testing

extension ProcessDriven {
    /// `taskops demo` runs the simulator as a child process in its own process group, and the child
    /// never outlives the console: not on quit, not when the console is killed outright.
    @Suite(.serialized) struct DemoSimulatorChildTests {
        static func commandLine(_ pid: Int32) -> [String] {
            let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") ?? Data()
            return data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
        }

        /// The console under the pane and its simulator child, once both exist.
        static func consoleAndSimulator(_ console: ConsoleInTmux) throws -> (console: Int32, simulator: Int32)? {
            guard let program = try console.tmux.programPID() else { return nil }
            let simulator = ProcessTable.children(of: program).first { commandLine($0).dropFirst().first == "serve" }
            return simulator.map { (program, $0) }
        }

        static func waitGone(_ pid: Int32, timeout: TimeInterval) -> Bool {
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline {
                if kill(pid, 0) != 0 || ProcessTable.stat(pid)?.state == "Z" { return true }
                usleep(50_000)
            }
            return false
        }

        @Test func theSimulatorIsAChildInItsOwnProcessGroupAndStopsOnQuit() throws {
            let console = try ConsoleInTmux()
            defer { console.close() }
            #expect(try console.waitUntilDrawn())
            let (program, simulator) = try #require(try Self.consoleAndSimulator(console), "taskops demo has a `taskops serve` child")
            #expect(Self.commandLine(simulator).contains("--exit-when-stdin-closes"))
            #expect(getpgid(simulator) == simulator && getpgid(simulator) != getpgid(program), "the simulator leads its own process group")
            try console.tmux.send("q")
            #expect(try console.exitStatus() == 0)
            #expect(Self.waitGone(simulator, timeout: 10), "the simulator stopped with the console")
        }

        @Test func theSimulatorStopsWhenTheConsoleIsKilled() throws {
            let console = try ConsoleInTmux()
            defer { console.close() }
            #expect(try console.waitUntilDrawn())
            let (program, simulator) = try #require(try Self.consoleAndSimulator(console), "taskops demo has a `taskops serve` child")
            #expect(kill(program, SIGKILL) == 0)
            #expect(Self.waitGone(simulator, timeout: 10), "the simulator stopped when its console was killed")
        }
    }
}
