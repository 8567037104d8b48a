import Foundation
import TaskOpsCore

/// Appends one JSON line per approval decision: who, what, which task, when, and the result.
public final class AuditLog: @unchecked Sendable {
    public let path: String
    private let lock = NSLock()

    public init(path: String) { self.path = path }

    /// `$XDG_STATE_HOME/taskops/audit.log`, else `~/.local/state/taskops/audit.log`.
    public static func defaultPath(environment: [String: String]) -> String {
        if let state = environment["XDG_STATE_HOME"], !state.isEmpty { return state + "/taskops/audit.log" }
        return (environment["HOME"] ?? NSHomeDirectory()) + "/.local/state/taskops/audit.log"
    }

    public func append(who: String, decision: ApprovalDecision, taskId: String, at: Date, outcome: DecisionOutcome) {
        var result: JSONObject = [:]
        switch outcome {
        case .ok: result["result"] = .string("ok")
        case .conflict(let current):
            result["result"] = .string("conflict")
            result["currentStatus"] = .string(current)
        case .failed(let error):
            result["result"] = .string("error")
            result["error"] = .string("\(error.code): \(error.message)")
        }
        write(who: who, decision: decision, taskId: taskId, at: at, result: result)
    }

    /// Records what a decision's race came to, found after the attempt itself was recorded.
    public func append(who: String, verdict: DecisionVerdict, at: Date) {
        let (result, status, other) = verdict.auditResult
        write(who: who, decision: verdict.decision, taskId: verdict.taskId, at: at,
              result: ["result": .string(result), "otherDecision": .string(status), "otherUpdatedAt": .string(other)])
    }

    private func write(who: String, decision: ApprovalDecision, taskId: String, at: Date, result: JSONObject) {
        var line: JSONObject = ["time": .string(StackTime.isoMillisZ(at)), "who": .string(who), "action": .string(decision == .approve ? "approve" : "reject"),
                                "taskId": .string(taskId)]
        for (key, value) in result { line[key] = value }
        let text = JSONWriter.compact(.object(line)) + "\n"
        lock.withLock {
            let url = URL(fileURLWithPath: path)
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            if !FileManager.default.fileExists(atPath: path) {
                _ = FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
            }
            guard let handle = FileHandle(forWritingAtPath: path) else { return }
            defer { try? handle.close() }
            _ = try? handle.seekToEnd()
            try? handle.write(contentsOf: Data(text.utf8))
        }
    }

    public func lines() -> [String] {
        lock.withLock { ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init) }
    }
}
