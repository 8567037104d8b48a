import Foundation

/// The states an execution went through, read from its history, with how it ended.
public struct ExecutionPath: Sendable, Hashable {
    public var states: [String]
    public var succeeded: Bool
    /// How a failed, aborted or timed-out execution ended.
    public var failureError: String?
    public var failureCause: String?
    /// The history had more pages than were read.
    public var truncated: Bool

    public init(events: [ExecutionHistoryEvent], truncated: Bool = false) {
        states = events.filter { $0.type.hasSuffix("StateEntered") }.compactMap(\.stateName)
        succeeded = events.contains { $0.type == "ExecutionSucceeded" }
        self.truncated = truncated
        if let failed = events.last(where: { ["ExecutionFailed", "ExecutionAborted", "ExecutionTimedOut"].contains($0.type) }) {
            failureError = failed.error ?? failed.type
            failureCause = failed.cause
        }
    }

    /// `ValidateTask → CheckPriority → [WaitForManualApproval → CheckApprovalStatus → IsApproved] ×3 → …`:
    /// a block of up to four states repeated back to back is written once with its count.
    public var summary: String {
        var parts: [String] = []
        var index = 0
        while index < states.count {
            var collapsed = false
            for length in 1...4 where index + 2 * length <= states.count {
                let block = Array(states[index..<(index + length)])
                var repeats = 1
                while index + (repeats + 1) * length <= states.count,
                      Array(states[(index + repeats * length)..<(index + (repeats + 1) * length)]) == block { repeats += 1 }
                if repeats >= 2 {
                    parts.append((length == 1 ? block[0] : "[" + block.joined(separator: " → ") + "]") + " ×\(repeats)")
                    index += repeats * length
                    collapsed = true
                    break
                }
            }
            if !collapsed {
                parts.append(states[index])
                index += 1
            }
        }
        var text = parts.joined(separator: " → ")
        if truncated { text += " → …" }
        if succeeded { text += " ✓" }
        if let failureError { text += " ✗ \(failureError)" + (failureCause.map { ": \($0)" } ?? "") }
        return text
    }
}
