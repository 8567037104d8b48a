import Foundation
import TaskOpsUI

/// State → cell grid for one 200×60 frame, with few and with many tasks and events loaded.
enum RenderFigures {
    static let width = 200, height = 60

    static func run(repeats: Int) -> [Figure] {
        let small = LoadedState.state(tasks: 1000, events: 1000)
        let large = LoadedState.state(tasks: 100_000, events: 100_000)
        var sorted = LoadedState.state(tasks: 100_000, events: 100_000)
        sorted.taskSort = .title
        var filtered = LoadedState.state(tasks: 100_000, events: 100_000)
        filtered.filters[.tasks] = "service 42"
        filtered.filters[.events] = "in_progress"
        let costs = frameCosts([small, large, sorted, filtered], repeats: repeats)
        let (reference, measured, sortedCost, filteredCost) = (costs[0], costs[1], costs[2], costs[3])
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

    /// Thread CPU seconds per frame for each state, sampled in turn so that load from elsewhere on
    /// the machine falls on all of them alike; each sample averages a batch of frames. The first
    /// frame (which may build caches) is left out: it is paid once per new snapshot, not per frame.
    static func frameCosts(_ states: [ConsoleState], repeats: Int, batch: Int = 10) -> [Samples] {
        for state in states { _ = ConsoleRenderer.render(state, width: width, height: height, now: LoadedState.now) }
        var samples = Array(repeating: Samples(), count: states.count)
        for _ in 0..<repeats {
            for (i, state) in states.enumerated() {
                let start = CPUTime.thread()
                for _ in 0..<batch { _ = ConsoleRenderer.render(state, width: width, height: height, now: LoadedState.now) }
                samples[i].add((CPUTime.thread() - start) / Double(batch))
            }
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
