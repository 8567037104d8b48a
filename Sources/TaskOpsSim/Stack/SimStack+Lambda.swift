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
        var stream = warmFunctions[function]
        var t = Self.millis(start)
        if stream == nil {
            let day = StackTime.pythonISO(start).prefix(10).replacingOccurrences(of: "-", with: "/")
            let newStream = "\(day)/[$LATEST]\(rng.hex(32))"
            warmFunctions[function] = newStream
            stream = newStream
            logs.append(group: group, stream: newStream,
                        message: "INIT_START Runtime Version: python:3.12.v38\tRuntime Version ARN: arn:aws:lambda:\(names.region)::runtime:\(rng.hex(64))",
                        timestampMillis: t)
        }
        let streamName = stream ?? ""
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
        let end = Self.millis(start) + Int64(duration)
        logs.append(group: group, stream: streamName, message: "END RequestId: \(requestId)", timestampMillis: end)
        let billed = Int(duration.rounded(.up))
        logs.append(group: group, stream: streamName,
                    message: "REPORT RequestId: \(requestId)\tDuration: \(String(format: "%.2f", duration)) ms\tBilled Duration: \(billed) ms\tMemory Size: 256 MB\tMax Memory Used: \(Int(rng.uniform(68, 92))) MB\t\nXRAY TraceId: 1-\(rng.hex(8))-\(rng.hex(24))\tSegmentId: \(rng.hex(16))\tSampled: true",
                    timestampMillis: end)
        metrics?.lambdaInvocation(function: function, durationMs: duration, crashed: crashed, at: start)
        return duration
    }
}
