import Foundation
import TaskOpsCore

extension SimStack {
    /// Writes what Lambda writes around one invocation of `function` (INIT_START on a cold start,
    /// START, the handler's lines, END, REPORT) and records its metrics. Returns the duration.
    @discardableResult
    func invoke(_ functionKey: String, at start: Date, crashed: Bool = false, lines: [String]) -> Double {
        let function = names.functionName(functionKey) ?? functionKey
        let group = names.lambdaLogGroup(function)
        let requestId = rng.uuid()
        var t = Self.millis(start)
        let streamName = logStream(of: function, at: start)
        logs.append(group: group, stream: streamName, message: "START RequestId: \(requestId) Version: $LATEST", timestampMillis: t)
        for line in lines {
            t += 1
            logs.append(group: group, stream: streamName, message: line, timestampMillis: t)
        }
        if crashed {
            t += 1
            logs.append(group: group, stream: streamName,
                        message: "[ERROR] Runtime.HandlerError: simulated fault\nTraceback (most recent call last):\n  File \"/var/task/handler.py\", line 1, in handler",
                        timestampMillis: t)
        }
        let duration = rng.uniform(8, 120) + Double(lines.count) * 3
        finish(requestId, function: function, stream: streamName, start: start, duration: duration)
        metrics?.lambdaInvocation(function: function, durationMs: duration, crashed: crashed, at: start)
        return duration
    }

    /// An invocation that runs into the 30 s timeout (an integration timeout: API Gateway answers
    /// 503): START, Lambda's `Task timed out after 30.00 seconds` line, END and REPORT, and an error.
    func invokeTimedOut(_ functionKey: String, at start: Date) {
        let function = names.functionName(functionKey) ?? functionKey
        let requestId = rng.uuid()
        let streamName = logStream(of: function, at: start)
        let group = names.lambdaLogGroup(function)
        logs.append(group: group, stream: streamName, message: "START RequestId: \(requestId) Version: $LATEST", timestampMillis: Self.millis(start))
        let timeout = Self.lambdaTimeoutMillis
        let end = start.addingTimeInterval(timeout / 1000)
        logs.append(group: group, stream: streamName,
                    message: "\(StackTime.isoMillisZ(end)) \(requestId) Task timed out after \(String(format: "%.2f", timeout / 1000)) seconds",
                    timestampMillis: Self.millis(end))
        finish(requestId, function: function, stream: streamName, start: start, duration: timeout)
        metrics?.lambdaInvocation(function: function, durationMs: timeout, crashed: true, at: start)
    }

    /// The functions' timeout (30 s).
    static let lambdaTimeoutMillis = 30_000.0

    /// The function's current log stream, made (with its INIT_START line) on a cold start.
    private func logStream(of function: String, at start: Date) -> String {
        if let stream = warmFunctions[function] { return stream }
        let day = StackTime.pythonISO(start).prefix(10).replacingOccurrences(of: "-", with: "/")
        let stream = "\(day)/[$LATEST]\(rng.hex(32))"
        warmFunctions[function] = stream
        logs.append(group: names.lambdaLogGroup(function), stream: stream,
                    message: "INIT_START Runtime Version: python:3.12.v38\tRuntime Version ARN: arn:aws:lambda:\(names.region)::runtime:\(rng.hex(64))",
                    timestampMillis: Self.millis(start))
        return stream
    }

    /// END and REPORT, stamped when the invocation ended.
    private func finish(_ requestId: String, function: String, stream: String, start: Date, duration: Double) {
        let group = names.lambdaLogGroup(function)
        let end = Self.millis(start) + Int64(duration)
        logs.append(group: group, stream: stream, message: "END RequestId: \(requestId)", timestampMillis: end)
        let billed = Int(duration.rounded(.up))
        logs.append(group: group, stream: stream,
                    message: "REPORT RequestId: \(requestId)\tDuration: \(String(format: "%.2f", duration)) ms\tBilled Duration: \(billed) ms\tMemory Size: 256 MB\tMax Memory Used: \(Int(rng.uniform(68, 92))) MB\t\nXRAY TraceId: 1-\(rng.hex(8))-\(rng.hex(24))\tSegmentId: \(rng.hex(16))\tSampled: true",
                    timestampMillis: end)
    }
}
