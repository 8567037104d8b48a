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
        let foldSmall = snapshotCost(small, repeats: max(3, repeats / 3))
        let foldLarge = snapshotCost(large, repeats: max(3, repeats / 3))
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
            Figure("new tasks + events snapshot folded in and drawn (sort included), 100k", measured: Format.minMedian(foldLarge, scale: 1000, unit: "ms", digits: 1),
                   target: "once per poll, not per frame", reference: "1k: " + Format.minMedian(foldSmall, scale: 1000, unit: "ms", digits: 1),
                   ratio: Format.ratio(foldLarge.median, foldSmall.median)),
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

    /// Thread CPU seconds to fold a snapshot with a new task list into the state and draw it: the
    /// frame after each tasks poll, which sorts once.
    static func snapshotCost(_ state: ConsoleState, repeats: Int) -> Samples {
        var samples = Samples()
        for _ in 0..<repeats {
            var snapshot = state.snapshot
            snapshot.tasks.tasks = snapshot.tasks.tasks.map { $0 }
            let start = CPUTime.thread()
            let next = ConsoleReducer.reduce(state, .snapshot(snapshot)).0
            _ = ConsoleRenderer.render(next, width: width, height: height, now: LoadedState.now)
            samples.add(CPUTime.thread() - start)
        }
        return samples
    }
}
