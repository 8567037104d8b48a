import Foundation
import TaskOpsAWS
import TaskOpsCore
import TaskOpsSim

/// Simulator Task API requests per second on loopback: many concurrent clients through libcurl,
/// a read-heavy mix (get by id) with some creates.
enum ThroughputFigures {
    static func run(seconds: TimeInterval, repeats: Int, concurrency: Int = 16) async -> [Figure] {
        guard let h = try? await SimHarness.start(clock: ScaledSimClock(scale: 1)), let api = h.clients.tasks else {
            return [Figure("simulator Task API throughput", measured: "simulator failed to start", target: "≥ 5,000 req/s")]
        }
        var ids: [String] = []
        for i in 0..<200 { if let task = try? await api.createTask(TaskDraft(title: "seed \(i)", userId: "bench")) { ids.append(task.taskId) } }
        let seeded = ids
        var rates = Samples(), cpuPerRequest = Samples()
        var failures = 0
        for _ in 0..<max(1, min(repeats, 5)) {
            let startWall = CPUTime.wall(), startCPU = CPUTime.process()
            let deadline = startWall + seconds
            let counts = await withTaskGroup(of: (Int, Int).self) { group in
                for worker in 0..<concurrency {
                    group.addTask {
                        var done = 0, failed = 0, n = worker
                        while CPUTime.wall() < deadline {
                            n &+= 7
                            do {
                                if n % 10 == 0 { _ = try await api.createTask(TaskDraft(title: "load \(n)", userId: "bench")) }
                                else { _ = try await api.getTask(id: seeded[n % seeded.count]) }
                                done += 1
                            } catch { failed += 1 }
                        }
                        return (done, failed)
                    }
                }
                return await group.reduce((0, 0)) { ($0.0 + $1.0, $0.1 + $1.1) }
            }
            let wall = CPUTime.wall() - startWall
            rates.add(Double(counts.0) / wall)
            cpuPerRequest.add((CPUTime.process() - startCPU) / Double(max(1, counts.0)))
            failures += counts.1
        }
        let wrk = wrkRate(url: "\(h.endpoint)/dev/tasks/\(seeded[0])", seconds: seconds, repeats: repeats, connections: concurrency)
        await h.stop()
        return [wrk,
            Figure("simulator Task API throughput, loopback, \(concurrency) clients (server + libcurl clients in one process)",
                   measured: Format.number(rates.min, digits: 0) + " / " + Format.number(rates.median, digits: 0) + " req/s"
                    + " (" + Format.number(cpuPerRequest.median * 1e6, digits: 0) + " µs CPU/req" + (failures > 0 ? ", \(failures) failed" : "") + ")",
                   target: "≥ 5,000 req/s", meetsTarget: rates.median >= 5000),
        ]
    }

    /// The simulator alone, driven by `wrk` from another process (GET one task), when installed.
    static func wrkRate(url: String, seconds: TimeInterval, repeats: Int, connections: Int) -> Figure {
        let name = "simulator Task API throughput, loopback, wrk \(connections) connections (GET /tasks/{id})"
        guard let wrk = ChildProcess.which("wrk") else { return Figure(name, measured: "skipped: wrk not installed", target: "≥ 5,000 req/s") }
        var rates = Samples()
        for _ in 0..<max(1, min(repeats, 5)) {
            guard let result = try? ChildProcess.run(wrk, ["-t2", "-c\(connections)", "-d\(Int(seconds))s", url], timeout: seconds + 30),
                  let line = result.stdoutText.split(separator: "\n").first(where: { $0.hasPrefix("Requests/sec:") }),
                  let rate = line.split(separator: " ").last.flatMap({ Double($0) }) else { continue }
            rates.add(rate)
        }
        return Figure(name, measured: Format.number(rates.min, digits: 0) + " / " + Format.number(rates.median, digits: 0) + " req/s",
                      target: "≥ 5,000 req/s", meetsTarget: rates.median >= 5000)
    }
}
