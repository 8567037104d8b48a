import Foundation
import TaskOpsUI

/// State → cell grid for one 200×60 frame, with few and with many tasks and events loaded.
enum RenderFigures {
    static let width = 200, height = 60

    static func run(repeats: Int) -> [Figure] {
        let small = LoadedState.state(tasks: 1000, events: 1000)
        let large = LoadedState.state(tasks: 100_000, events: 100_000)
        let reference = frameCost(small, repeats: repeats)
        let measured = frameCost(large, repeats: repeats)
        var sorted = large
        sorted.taskSort = .title
        let sortedCost = frameCost(sorted, repeats: repeats)
        var filtered = large
        filtered.filters[.tasks] = "service 42"
        filtered.filters[.events] = "in_progress"
        let filteredCost = frameCost(filtered, repeats: repeats)
        let target = "≤ 1 ms, flat"
        return [
            Figure("render 200×60, 100k tasks + 100k events (CPU)", measured: Format.minMedian(measured, scale: 1000, unit: "ms", digits: 3),
                   target: target, reference: "1k: " + Format.minMedian(reference, scale: 1000, unit: "ms", digits: 3),
                   ratio: Format.ratio(measured.median, reference.median), meetsTarget: measured.median <= 0.001 && measured.median <= reference.median * 1.5),
            Figure("render, 100k tasks sorted by title", measured: Format.minMedian(sortedCost, scale: 1000, unit: "ms", digits: 3),
                   target: target, reference: "1k: " + Format.minMedian(reference, scale: 1000, unit: "ms", digits: 3),
                   ratio: Format.ratio(sortedCost.median, reference.median), meetsTarget: sortedCost.median <= 0.001),
            Figure("render, 100k tasks + events with filters set", measured: Format.minMedian(filteredCost, scale: 1000, unit: "ms", digits: 3),
                   target: target, reference: "1k: " + Format.minMedian(reference, scale: 1000, unit: "ms", digits: 3),
                   ratio: Format.ratio(filteredCost.median, reference.median), meetsTarget: filteredCost.median <= 0.001),
        ]
    }

    /// Thread CPU seconds per frame; each sample averages a batch of frames. The first frame
    /// (which may build caches) is left out: it is paid once per new snapshot, not per frame.
    static func frameCost(_ state: ConsoleState, repeats: Int, batch: Int = 10) -> Samples {
        _ = ConsoleRenderer.render(state, width: width, height: height, now: LoadedState.now)
        var samples = Samples()
        for _ in 0..<repeats {
            let start = CPUTime.thread()
            for _ in 0..<batch { _ = ConsoleRenderer.render(state, width: width, height: height, now: LoadedState.now) }
            samples.add((CPUTime.thread() - start) / Double(batch))
        }
        return samples
    }
}
