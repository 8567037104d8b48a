import Foundation

/// How many invocations of each function, and of all functions, overlap an invocation's start:
/// Lambda's `ConcurrentExecutions` (the count of invocations running at that moment, the new one
/// included). Invocations are noted in time order, as the stack's work queue runs them.
struct LambdaConcurrency {
    /// End times of the invocations still running, by function.
    private var running: [String: [Date]] = [:]

    /// Notes an invocation of `function` from `start` for `durationMs`; returns the concurrency of
    /// the function and of the account at its start.
    mutating func start(_ function: String, at start: Date, durationMs: Double) -> (function: Int, account: Int) {
        for (name, ends) in running {
            let live = ends.filter { $0 > start }
            running[name] = live.isEmpty ? nil : live
        }
        running[function, default: []].append(start.addingTimeInterval(max(0, durationMs) / 1000))
        return (running[function]?.count ?? 0, running.values.reduce(0) { $0 + $1.count })
    }
}
