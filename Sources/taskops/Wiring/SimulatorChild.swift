import Foundation
import TaskOpsCore
import TaskOpsSimServer

/// `taskops serve` run as a child of the demo console: the same binary, on a free loopback port,
/// in a process group of its own (the terminal's Ctrl-C and Ctrl-Z are the console's to handle).
/// It stops when the console closes its stdin, so it never outlives the console, even one killed.
final class SimulatorChild {
    struct StartError: Error, CustomStringConvertible {
        let description: String
    }

    let process: ChildProcess
    let endpoint: String
    let apiId: String

    /// Starts `taskops serve ARGUMENTS` and reads its banner for the endpoint and API id.
    init(arguments: [String], timeout: TimeInterval = 30) throws {
        let child = try ChildProcess(ChildProcess.ownExecutable, ["serve", "--port", "0", "--exit-when-stdin-closes"] + arguments,
                                     stdin: .pipe, stdout: .pipe, stderr: .discard, ownProcessGroup: true)
        let banner = ServeBanner.read(from: child, timeout: timeout)
        guard banner.complete, let endpoint = banner.endpoint, let apiId = banner.apiId else {
            child.stop(grace: 2)
            throw StartError(description: "the simulator did not start (\(child.poll().map { "exit status \($0)" } ?? "no banner in \(Int(timeout)) s"))")
        }
        process = child
        self.endpoint = endpoint
        self.apiId = apiId
    }

    func stop() { process.stop(grace: 3) }
}
