import Foundation
import TaskOpsCore
import TaskOpsService

/// `taskops events [--since 15m] [--follow]`: the stack's log groups merged by time, typed.
public enum EventCommands {
    /// `15m`, `2h`, `30s`, `1d` → seconds.
    public static func parseDuration(_ text: String) -> TimeInterval? {
        guard let unit = text.last, let value = Double(text.dropLast()), value >= 0 else { return nil }
        switch unit {
        case "s": return value
        case "m": return value * 60
        case "h": return value * 3600
        case "d": return value * 86400
        default: return nil
        }
    }

    public static func run(_ context: CommandContext, since: TimeInterval, follow: Bool, clock: any ServerClock,
                           shouldStop: @escaping @Sendable () -> Bool = { false }) async -> ExitStatus {
        guard let logs = context.logs else { return context.fail("no CloudWatch Logs client configured", .config) }
        var buffer = EventBuffer(capacity: 200_000)
        var printedThrough = 0
        var start = Saturating.int64((clock.serverNow().timeIntervalSince1970 - since) * 1000)
        repeat {
            let windowStart = start
            var newest = windowStart
            for group in context.target.names.allLogGroups {
                var request = FilterLogEventsRequest(logGroupName: group, startTime: max(0, windowStart))
                do {
                    var pages = 0
                    repeat {
                        let page = try await logs.filterLogEvents(request)
                        buffer.insert(LogLineParser.parse(page.events))
                        newest = max(newest, page.events.map(\.timestamp).max() ?? newest)
                        request.nextToken = page.nextToken
                        pages += 1
                    } while request.nextToken != nil && pages < 1000
                } catch where error.kind == .notFound {
                    continue
                } catch {
                    return context.fail(error)
                }
            }
            let events = buffer.events
            // Events already printed stay printed; late arrivals older than the last printed are still shown once.
            for event in events.dropFirst(printedThrough) { emit(event, context) }
            printedThrough = events.count
            start = newest - 120_000
            if follow { try? await Task.sleep(nanoseconds: 2_000_000_000) }
        } while follow && !shouldStop()
        return .ok
    }

    static func emit(_ event: TaskEvent, _ context: CommandContext) {
        let time = StackTime.isoMillisZ(Date(timeIntervalSince1970: Double(event.timestamp) / 1000))
        if context.json {
            var object: JSONObject = ["time": .string(time), "eventId": .string(event.id), "logGroup": .string(event.logGroup),
                                      "source": .string(event.source), "kind": .string(event.kind.rawValue), "message": .string(event.raw)]
            if let id = event.taskId { object["taskId"] = .string(id) }
            context.output.print(JSONWriter.compact(.object(object)))
        } else {
            context.output.print("\(time)  \(context.measure.pad(event.source, to: 22))  \(context.measure.pad(event.kind.rawValue, to: 13))  \(context.measure.sanitize(event.summary))")
        }
    }
}
