import TaskOpsCore

/// This benchmark's own executable, for the figures that measure in a fresh child process.
enum BenchSelf {
    static let path = ChildProcess.ownExecutable
}
