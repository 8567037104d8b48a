import Foundation
import TaskOpsCore
import TaskOpsSimServer

/// CPU of the console left alone for a minute, from /proc/PID/stat (utime + stime), beside htop
/// idle in the same tmux in the same minute: `taskops demo`'s console process and the simulator it
/// runs as a child, and the console alone against `taskops serve` started here. Also the bytes the
/// demo wrote to its terminal in that minute.
enum IdleCPUFigures {
    static func run(seconds: TimeInterval, warmup: TimeInterval = 10) -> [Figure] {
        let taskops = (BenchSelf.path as NSString).deletingLastPathComponent + "/taskops"
        guard FileManager.default.isExecutableFile(atPath: taskops) else { return [skipped("taskops binary not built beside the benchmark")] }
        guard let panes = TmuxPanes() else { return [skipped("tmux not installed")] }
        defer { panes.kill() }
        guard let server = try? ChildProcess(taskops, ["serve", "--traffic", "2", "--time-scale", "10"], stderr: .discard) else {
            return [skipped("taskops serve did not start")]
        }
        defer { server.stop(grace: 2) }
        guard let endpoint = ServeBanner.read(from: server, timeout: 20).endpoint else { return [skipped("taskops serve printed no endpoint")] }
        let environment = ["TERM": "xterm-256color", "LANG": "C.UTF-8", "AWS_ACCESS_KEY_ID": "AKIDBENCH", "AWS_SECRET_ACCESS_KEY": "bench",
                           "HOME": NSTemporaryDirectory()]
        let bytesFile = NSTemporaryDirectory() + "taskops-bench-demo-\(getpid()).out"
        try? FileManager.default.removeItem(atPath: bytesFile)
        guard let demo = panes.open("\(taskops) demo", environment: environment) else { return [skipped("tmux could not start taskops demo")] }
        panes.record(window: 0, to: bytesFile)
        let console = panes.open("\(taskops) --api-url \(endpoint)/dev --endpoint-url \(endpoint)", environment: environment)
        let htop = ChildProcess.which("htop").flatMap { panes.open($0, environment: environment) }
        Thread.sleep(forTimeInterval: warmup)
        let simulator = childPid(of: demo)
        let pids: [Int32?] = [demo, console, htop, simulator]
        let before = pids.map { $0.flatMap(CPUTime.of(pid:)) }
        let bytesBefore = fileSize(bytesFile)
        let start = CPUTime.wall()
        Thread.sleep(forTimeInterval: seconds)
        let elapsed = CPUTime.wall() - start
        let after = pids.map { $0.flatMap(CPUTime.of(pid:)) }
        let bytes = Double(fileSize(bytesFile) - bytesBefore)
        func share(_ i: Int) -> Double? {
            guard let b = before[i], let a = after[i] else { return nil }
            return (a - b) / elapsed * 100
        }
        let htopText = share(2).map { "htop: " + Format.number($0) + " %" } ?? "htop not installed"
        func figure(_ name: String, _ value: Double?) -> Figure {
            guard let value else { return Figure(name, measured: "did not run", target: "≤ 0.5 % of one core") }
            return Figure(name, measured: Format.number(value) + " % of one core", target: "≤ 0.5 % of one core", reference: htopText,
                          ratio: share(2).map { Format.ratio(value, $0) } ?? "–", meetsTarget: value <= 0.5)
        }
        return [
            figure("CPU of `taskops demo` idle \(Int(seconds)) s (console process only)", share(0)),
            Figure("CPU of the simulator `taskops demo` runs as its child (2 actions/s of traffic, 10× time)",
                   measured: share(3).map { Format.number($0) + " % of one core" } ?? "did not run", target: "–"),
            figure("CPU of the console alone idle \(Int(seconds)) s (against `taskops serve` in another process)", share(1)),
            Figure("bytes `taskops demo` wrote to its terminal per second, idle", measured: Format.number(bytes / elapsed, digits: 0) + " B/s",
                   target: "–"),
        ]
    }

    static func skipped(_ why: String) -> Figure { Figure("idle CPU of taskops demo", measured: "skipped: \(why)", target: "≤ 0.5 % of one core") }

    /// The first child of `pid` (the demo's simulator): the process in /proc whose parent it is.
    static func childPid(of pid: Int32) -> Int32? {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap(Int32.init).sorted().first { candidate in
            ProcFile.statFields(candidate).map { $0.count > 1 && Int32($0[1]) == pid } ?? false
        }
    }

    static func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }
}
