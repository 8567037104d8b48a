import Foundation
import TaskOpsCore

/// The simulator's resident memory after hours of virtual operator traffic: logs, metrics and
/// executions are kept in bounded windows, so what grows is the task table itself.
enum SimulatorMemoryFigures {
    static func run(hours: Int, requestsPerSecond: Int = 5) -> [Figure] {
        guard let result = try? ChildProcess.run(BenchSelf.path, ["--child", "sim-memory", String(hours), String(requestsPerSecond)], timeout: 1800),
              case let samples = result.stdoutText.split(separator: " ").compactMap({ Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }),
              samples.count == hours + 1 else {
            return [Figure("simulator RSS after \(hours) h of virtual traffic", measured: "failed to run the child", target: "flat")]
        }
        let perHour = samples.dropFirst().map(Format.megabytes).joined(separator: ", ")
        let last = samples[hours], firstHour = samples[1]
        return [
            Figure("simulator RSS after each virtual hour of traffic (\(requestsPerSecond) API requests/s, \(hours) h)",
                   measured: perHour, target: "flat once retention windows fill", reference: "start: " + Format.megabytes(samples[0]),
                   ratio: Format.ratio(last, firstHour) + " last/first hour"),
        ]
    }
}
