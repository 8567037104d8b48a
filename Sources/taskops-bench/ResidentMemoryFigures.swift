import Foundation
import TaskOpsCore

/// Resident memory of a process holding 100k tasks and 100k events, against an empty console.
enum ResidentMemoryFigures {
    static func run(repeats: Int) -> [Figure] {
        var loaded = Samples(), loadedTrimmed = Samples(), empty = Samples()
        for _ in 0..<max(1, min(repeats, 3)) {
            guard let full = measure(tasks: 100_000, events: 100_000), let none = measure(tasks: 0, events: 0) else {
                return [Figure("RSS with 100k events + 100k tasks", measured: "failed to run the child", target: "≤ 60 MiB")]
            }
            loaded.add(full.resident)
            loadedTrimmed.add(full.trimmed)
            empty.add(none.resident)
        }
        return [
            Figure("RSS with 100k events + 100k tasks held", measured: Format.megabytes(loaded.min) + " / " + Format.megabytes(loaded.median)
                   + " (" + Format.decimalMegabytes(loaded.median) + "; " + Format.megabytes(loadedTrimmed.median) + " after malloc_trim)",
                   target: "≤ 60 MiB", reference: "empty: " + Format.megabytes(empty.median), ratio: Format.ratio(loaded.median, empty.median),
                   meetsTarget: loaded.median <= 60 * 1_048_576),
        ]
    }

    static func measure(tasks: Int, events: Int) -> (resident: Double, trimmed: Double)? {
        guard let result = try? ChildProcess.run(BenchSelf.path, ["--child", "rss", String(tasks), String(events)], timeout: 300) else { return nil }
        let fields = result.stdoutText.split(separator: " ").compactMap { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        guard fields.count >= 2 else { return nil }
        return (fields[0], fields[1])
    }
}
