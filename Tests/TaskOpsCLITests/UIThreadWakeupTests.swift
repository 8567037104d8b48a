import Foundation
import Testing

extension ProcessDriven {
    /// The console's UI thread sleeps until a key, a new snapshot, a signal or the once-a-second
    /// status tick: it does not poll the keyboard on a timer. Counted in context switches of the
    /// thread (`/proc/PID/task/TID/status`), not timed.
    @Suite(.serialized) struct UIThreadWakeupTests {
        static func uiThread(of pid: Int32) -> Int32? {
            let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
            return tasks.compactMap(Int32.init).first { tid in
                (try? String(contentsOfFile: "/proc/\(pid)/task/\(tid)/comm", encoding: .utf8))?.hasPrefix("taskops-ui") == true
            }
        }

        /// The console process under the pane (any depth) and its UI thread, once both exist.
        func findUIThread(_ tmux: TmuxSession, timeout: TimeInterval = 10) throws -> (Int32, Int32)? {
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline {
                // Asked again each time: a loaded tmux server can fail to answer once.
                var pending = (try? tmux.panePID()).flatMap { $0 }.map { [$0] } ?? []
                while let pid = pending.popLast() {
                    if let tid = Self.uiThread(of: pid) { return (pid, tid) }
                    pending += ProcessTable.children(of: pid)
                }
                usleep(100_000)
            }
            return nil
        }

        /// What is under the pane and on its screen, for a failure message.
        func describe(_ console: ConsoleInTmux) throws -> String {
            var lines: [String] = []
            var pending = (try console.tmux.panePID()).map { [$0] } ?? []
            while let pid = pending.popLast() {
                let command = (FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") ?? Data()).split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
                let threads = ((try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []).compactMap {
                    (try? String(contentsOfFile: "/proc/\(pid)/task/\($0)/comm", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
                }
                lines.append("\(pid) \(command.joined(separator: " ")) threads: \(threads.joined(separator: ","))")
                pending += ProcessTable.children(of: pid)
            }
            return lines.joined(separator: "; ") + " screen: " + ((try? console.tmux.capture()) ?? "?")
        }

        /// The thread's voluntary context switches: one each time it sleeps (in poll(2), or on a
        /// lock), so they count its wake-ups. The involuntary ones are preemptions by the scheduler
        /// while it draws, which grow with the machine's load, not with anything the console does:
        /// counting them made the test fail on a busy machine.
        static func switches(_ pid: Int32, _ tid: Int32) -> Int? {
            guard let status = try? String(contentsOfFile: "/proc/\(pid)/task/\(tid)/status", encoding: .utf8) else { return nil }
            return voluntarySwitches(inStatus: status)
        }

        static func voluntarySwitches(inStatus status: String) -> Int? {
            status.split(separator: "\n").first { $0.hasPrefix("voluntary_ctxt_switches:") }
                .flatMap { Int($0.split(separator: ":").last?.trimmingCharacters(in: .whitespaces) ?? "") }
        }

        @Test func preemptionsAreNotWakeups() {
            let status = "Name:\ttaskops-ui\nvoluntary_ctxt_switches:\t12\nnonvoluntary_ctxt_switches:\t900\n"
            #expect(Self.voluntarySwitches(inStatus: status) == 12)
        }

        @Test func theUIThreadSleepsWhenNothingHappens() throws {
            let console = try ConsoleInTmux()
            defer { console.close() }
            #expect(try console.waitUntilDrawn())
            let found = try findUIThread(console.tmux, timeout: 30)
            let context = found == nil ? ((try? describe(console)) ?? "") : ""
            // Written out as well: a failure here has once been reported without its message.
            if found == nil { FileHandle.standardError.write(Data("UIThreadWakeupTests: no taskops-ui thread under the pane: \(context)\n".utf8)) }
            let (pid, tid) = try #require(found, "the UI thread is named taskops-ui: \(context)")
            let before = try #require(Self.switches(pid, tid))
            Thread.sleep(forTimeInterval: 6)
            let after = try #require(Self.switches(pid, tid))
            // A keyboard read with a 50 ms timeout alone would switch 120 times in 6 s. Here: the
            // status tick (6), the pollers' snapshots (tasks, approvals and events every 2 s) and
            // what drawing them takes.
            #expect(after - before < 60, "\(after - before) wake-ups (voluntary context switches) of the UI thread in 6 s idle")
        }

        @Test func aResizeIsDrawnAtTheNewSize() throws {
            let console = try ConsoleInTmux(width: 100, height: 30)
            defer { console.close() }
            #expect(try console.waitUntilDrawn())
            try console.tmux.resize(width: 80, height: 24)
            let redrawn = try console.tmux.waitFor(timeout: 10) { screen in
                let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
                return lines.first?.hasSuffix("DEMO") == true && (70...80).contains(lines.first?.count ?? 0) && lines.contains { $0.hasPrefix("┌─ 2 Events") || $0.contains("2 Events") }
            }
            #expect(redrawn.matched, "redrawn at 80×24: \(redrawn.screen)")
            try console.tmux.send("q")
            #expect(try console.exitStatus() == 0)
        }
    }
}
