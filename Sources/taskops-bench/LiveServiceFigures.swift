import Foundation
import TaskOpsCore
import TaskOpsService
import TaskOpsSim
import TaskOpsUI

/// The console's polling service at its default settings against the simulator over loopback, in
/// real time with generated traffic: start to first full frame, task-created → visible in Events,
/// and FilterLogEvents calls per second over the span.
enum LiveServiceFigures {
    static func run(span: TimeInterval, repeats: Int, alsoAtAccountLimit: Bool = false) async -> [Figure] {
        var firstFrames = Samples(), firstFrameCPU = Samples()
        var result: [Figure] = []
        for attempt in 0..<max(1, min(repeats, 3)) {
            guard let h = try? await SimHarness.start(clock: ScaledSimClock(scale: 1), seed: UInt64(11 + attempt)) else {
                return [Figure("live service against the simulator", measured: "simulator failed to start", target: "–")]
            }
            let generator = TrafficGenerator(stack: h.stack, seed: 5)
            for _ in 0..<20 { generator.step() }
            let startWall = CPUTime.wall(), startCPU = CPUTime.process()
            let service = makeService(h)
            await service.start()
            guard await waitForFullFrame(service) else {
                await service.stop(); await h.stop()
                return [Figure("start to first full frame", measured: "no full frame within 30 s", target: "≤ 150 ms")]
            }
            firstFrames.add(CPUTime.wall() - startWall)
            firstFrameCPU.add(CPUTime.process() - startCPU)
            if attempt == 0 { result += await steadyState(h, service, generator: generator, span: span) }
            await service.stop()
            await h.stop()
        }
        if alsoAtAccountLimit, let h = try? await SimHarness.start(clock: ScaledSimClock(scale: 1), seed: 21) {
            // The same latency with the FilterLogEvents budget raised to the account's limit.
            let generator = TrafficGenerator(stack: h.stack, seed: 5)
            let service = makeService(h, logsCallsPerSecond: 5)
            await service.start()
            if await waitForFullFrame(service) {
                result += await steadyState(h, service, generator: generator, span: span, budgetLabel: "logs_calls_per_second = 5", budget: 5)
            }
            await service.stop()
            await h.stop()
        }
        let startup = Figure("start to first full frame (service start → all 5 sources → rendered)",
                             measured: Format.minMedian(firstFrames, scale: 1000, unit: "ms", digits: 0)
                                + " (CPU " + Format.number(firstFrameCPU.median * 1000, digits: 0) + " ms)",
                             target: "≤ 150 ms", meetsTarget: firstFrames.median <= 0.150)
        return [startup] + result
    }

    static func makeService(_ h: SimHarness, logsCallsPerSecond: Double = ServiceSettings().logsCallsPerSecond) -> StackService {
        var settings = ServiceSettings()
        settings.logsCallsPerSecond = logsCallsPerSecond
        settings.who = "bench"
        return StackService(names: StackNames(), apiId: h.stack.apiId, dashboardName: nil, stateMachineArn: nil, tasks: h.clients.tasks,
                            cloudWatch: h.clients.cloudWatch, logs: h.clients.logs, stepFunctions: h.clients.stepFunctions,
                            clock: h.clients.clock, meter: h.counter.meter, settings: settings)
    }

    /// Waits until every source has answered once, then renders that frame.
    static func waitForFullFrame(_ service: StackService, timeout: TimeInterval = 30) async -> Bool {
        let deadline = CPUTime.wall() + timeout
        while CPUTime.wall() < deadline {
            let snapshot = service.snapshot()
            let sources = [snapshot.tasks.freshness, snapshot.events.freshness, snapshot.approvals.freshness,
                           snapshot.metrics.freshness, snapshot.alarms.freshness]
            if sources.allSatisfy({ $0.lastSuccess != nil }) {
                let state = ConsoleReducer.reduce(ConsoleState(header: LoadedState.header()), .snapshot(snapshot)).0
                _ = ConsoleRenderer.render(state, width: 200, height: 60, now: Date())
                return true
            }
            try? await Task.sleep(nanoseconds: 2_000_000)
        }
        return false
    }

    /// Creates tasks one at a time while traffic runs, timing each until it shows in the events.
    static func steadyState(_ h: SimHarness, _ service: StackService, generator: TrafficGenerator, span: TimeInterval,
                            budgetLabel: String = "defaults", budget: Double = 1) async -> [Figure] {
        let traffic = Task.detached {
            while !Task.isCancelled {
                try? await Task.sleep(nanoseconds: 500_000_000)
                generator.step()
            }
        }
        defer { traffic.cancel() }
        let start = CPUTime.wall()
        var anyEvent = Samples(), createdEvent = Samples()
        var missed = 0
        let interval = ServiceSettings().eventsInterval
        while CPUTime.wall() - start < span {
            // A random moment in the poll cycle, so the samples are not all taken just after a poll.
            try? await Task.sleep(nanoseconds: UInt64(Double.random(in: 0..<interval) * 1_000_000_000))
            guard let api = h.clients.tasks, let task = try? await api.createTask(TaskDraft(title: "bench latency", userId: "bench", priority: "low")) else { break }
            let created = CPUTime.wall()
            var sawAny = false
            while CPUTime.wall() - created < 15 {
                let events = service.snapshot().events.events.suffix(2000).filter { $0.taskId == task.taskId }
                if !sawAny, !events.isEmpty { anyEvent.add(CPUTime.wall() - created); sawAny = true }
                if events.contains(where: { $0.kind == .taskCreated }) { createdEvent.add(CPUTime.wall() - created); break }
                try? await Task.sleep(nanoseconds: 5_000_000)
            }
            if !sawAny { missed += 1 }
        }
        let elapsed = CPUTime.wall() - start
        // The window closes at the next poll after the span (at most one interval more).
        try? await Task.sleep(nanoseconds: UInt64((interval + 0.5) * 1_000_000_000))
        let rate = h.counter.rate("FilterLogEvents", from: start, to: start + elapsed, pollGap: interval / 2)
        let limit = "≤ one poll interval (\(Format.number(interval, digits: 0)) s) + 50 ms"
        return [
            Figure("event latency: task created → first row about it in Events (\(budgetLabel))", measured: Format.minMedian(anyEvent, scale: 1000, unit: "ms", digits: 0)
                   + ", max " + Format.number(anyEvent.max * 1000, digits: 0) + " ms" + (missed > 0 ? " (\(missed) not seen in 15 s)" : ""), target: limit, meetsTarget: anyEvent.max <= interval + 0.05),
            Figure("event latency: task created → its TaskCreated event in Events (\(budgetLabel))", measured: Format.minMedian(createdEvent, scale: 1000, unit: "ms", digits: 0)
                   + ", max " + Format.number(createdEvent.max * 1000, digits: 0) + " ms", target: limit, meetsTarget: createdEvent.max <= interval + 0.05),
            Figure("FilterLogEvents calls/s, all groups, \(budgetLabel) (\(Int(elapsed)) s with traffic)", measured: Format.number(rate) + " /s",
                   target: "≤ \(Format.number(budget, digits: 0)) /s (the budget)", reference: "account limit 5 /s", ratio: Format.ratio(rate, 5),
                   meetsTarget: rate <= budget + 0.0001),
        ]
    }
}
