import Foundation
import TaskOpsCore

/// What the service reads from the records the events poller brings, beside the Events pane.
extension StackService {
    /// The billed durations the stack's REPORT lines give, for the footprint of the console's own invocations.
    static func meterBilledDurations(_ events: [TaskEvent], meter: CallMeter) {
        for event in events where event.kind == .lambdaLifecycle {
            if let millis = LambdaReport.billedMillis(in: event.raw) { meter.observeBilledDuration(function: event.source, millis: millis) }
        }
    }

    /// Whether the records the events poller reads can be trusted to report every task change: not
    /// when the stack writes none the console can read (neither the bus's catch-all group nor the
    /// handlers' logs), nor while the events read has failed for longer than its (possibly widened) overlap window.
    static func streamHealth(names: StackNames, events: EventsPoller, store: StackStore,
                             local: @escaping @Sendable () -> Date) -> @Sendable () -> EventStreamHealth {
        let started = local()
        let handlerGroups = ["task_created", "task_updated"].compactMap(names.functionName).map(names.lambdaLogGroup)
        return {
            let missing = Set(events.missingGroups)
            if missing.contains(names.eventsLogGroup), handlerGroups.allSatisfy(missing.contains) {
                return .noRecords("no task records: neither \(names.eventsLogGroup) nor the handlers' logs exist")
            }
            let freshness = store.freshness(.events)
            guard let error = freshness.lastError else { return .vouches }
            let unread = local().timeIntervalSince(freshness.lastSuccess ?? started)
            // The overlap window, widened while ingestion delays grow: within it the next read loses nothing.
            return unread > TimeInterval(events.windowMillis) / 1000 ? .cannotVouch("events unread for \(Saturating.int(unread))s (\(error.code))") : .lagging(error)
        }
    }
}
