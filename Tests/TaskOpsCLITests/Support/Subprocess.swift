import Foundation
import TaskOpsCore

/// Runs a program to completion and captures its output (tests only).
struct ProcessResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

enum Subprocess {
    /// Runs `executable`; a child still running after `timeout` seconds is killed and reported as status 137.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil, stdin: String? = nil,
                    timeout: TimeInterval = 120) throws -> ProcessResult {
        let result = try ChildProcess.run(executable, arguments, environment: environment, stdin: stdin.map { Array($0.utf8) }, timeout: timeout)
        var stderr = result.stderrText
        if result.timedOut { stderr += "\n[killed after \(Int(timeout)) s]" }
        return ProcessResult(status: result.status, stdout: result.stdoutText, stderr: stderr)
    }

    /// The same, waited for on a thread of its own: a long run does not hold one of Swift's few
    /// cooperative threads, which the in-process simulators of other tests answer on.
    static func runAside(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
                         timeout: TimeInterval = 120) async throws -> ProcessResult {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                do { continuation.resume(returning: try run(executable, arguments, environment: environment, timeout: timeout)) } catch {
                    continuation.resume(throwing: error)
                }
            }
            thread.start()
        }
    }

    /// The `taskops` binary built beside the tests.
    static var taskopsBinary: String {
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let candidates = [".build/debug/taskops", ".build/release/taskops"].map { packageRoot.appendingPathComponent($0).path }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[0]
    }

    static func which(_ name: String) -> String? { ChildProcess.which(name) }
}
