import Foundation
import TaskOpsCore

/// The simulator's resident memory after hours of virtual operator traffic: logs, metrics and
/// executions are kept in bounded windows (the longest, metrics, is 24 h), so past a day it is
/// flat or it leaks. Shows a few hours along the way and, on runs past a day, the growth over
/// the last six hours.
enum SimulatorMemoryFigures {
    static func run(hours: Int, requestsPerSecond: Int = 5) -> [Figure] {
        guard let result = try? ChildProcess.run(BenchSelf.path, ["--child", "sim-memory", String(hours), String(requestsPerSecond)], timeout: 3600),
              case let samples = result.stdoutText.split(separator: " ").compactMap({ Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }),
              samples.count == hours + 1 else {
            return [Figure("simulator RSS after \(hours) h of virtual traffic", measured: "failed to run the child", target: "flat")]
        }
        let shown = hours <= 8 ? Array(1...hours) : [1, 6, 12, 18] + Array(max(19, hours - 6)...hours)
        let perHour = shown.map { "\($0) h: " + Format.megabytes(samples[$0]) }.joined(separator: ", ")
        let last = samples[hours]
        guard hours >= 30 else {
            return [Figure("simulator RSS after each virtual hour of traffic (\(requestsPerSecond) API requests/s, \(hours) h)",
                           measured: perHour, target: "flat once retention windows fill (24 h)", reference: "start: " + Format.megabytes(samples[0]))]
        }
        let sixHoursBefore = samples[hours - 6]
        let growth = (last - sixHoursBefore) / sixHoursBefore * 100
        return [
            Figure("simulator RSS over \(hours) virtual hours of traffic (\(requestsPerSecond) API requests/s)",
                   measured: perHour, target: "flat once retention windows fill (24 h)", reference: "start: " + Format.megabytes(samples[0]),
                   ratio: Format.number(growth) + " % over the last 6 h", meetsTarget: abs(growth) < 2),
        ]
    }
}
