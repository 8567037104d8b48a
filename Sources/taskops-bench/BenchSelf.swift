import Foundation

/// This benchmark's own executable, for the figures that measure in a fresh child process.
enum BenchSelf {
    static let path: String = {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }()
}
