import Foundation
import Glibc

/// A child process started with `posix_spawn` and reaped with `waitpid` on its own pid.
///
/// Foundation's `Process` waits for exit through a shared SIGCHLD handler that can miss a child when
/// several are started at once from different threads, leaving `waitUntilExit()` blocked forever;
/// this type never depends on signals. The child gets pipes (or /dev/null) on 0/1/2 only, default
/// signal handlers and an empty signal mask, so a daemon it forks cannot hold our pipes open.
public final class ChildProcess: @unchecked Sendable {
    public struct Result: Sendable {
        /// The exit status, or 128 + the signal number when a signal ended it.
        public var status: Int32
        public var stdout: [UInt8]
        public var stderr: [UInt8]
        /// True when the deadline passed and the child was killed.
        public var timedOut: Bool
        public var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
        public var stderrText: String { String(decoding: stderr, as: UTF8.self) }
    }

    public enum Output: Sendable { case pipe, discard }

    public struct SpawnError: Error, CustomStringConvertible {
        public let executable: String
        public let errno: Int32
        public var description: String { "cannot start \(executable): \(String(cString: strerror(errno)))" }
    }

    private static let spawnLock = NSLock()
    public let pid: pid_t
    /// Read ends of the child's stdout/stderr when piped (owned here, closed on deinit).
    public private(set) var stdoutFD: Int32 = -1
    public private(set) var stderrFD: Int32 = -1
    private var stdinFD: Int32 = -1
    private let lock = NSLock()
    private var exitStatus: Int32?

    /// Starts `executable` (an absolute path) with `arguments`; `environment` nil inherits ours.
    /// With `ownProcessGroup` the child leads a process group of its own, so the terminal's signals
    /// (Ctrl-C, Ctrl-Z, a hang-up) reach us and not it.
    public init(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
                stdin: Output = .discard, stdout: Output = .pipe, stderr: Output = .pipe, ownProcessGroup: Bool = false) throws {
        // Pipes are made close-on-exec right after creation; holding one lock across creation and
        // spawn keeps a concurrent spawn of ours from inheriting the other's pipe in that instant.
        Self.spawnLock.lock()
        defer { Self.spawnLock.unlock() }
        var fileActions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&fileActions)
        defer { posix_spawn_file_actions_destroy(&fileActions) }
        var childEnds: [Int32] = []
        defer { childEnds.forEach { _ = close($0) } }
        var parentEnds: [Int32] = []

        func wire(_ mode: Output, target: Int32, childReads: Bool) throws -> Int32 {
            switch mode {
            case .discard:
                posix_spawn_file_actions_addopen(&fileActions, target, "/dev/null", childReads ? O_RDONLY : O_WRONLY, 0)
                return -1
            case .pipe:
                var fds: [Int32] = [-1, -1]
                guard pipe(&fds) == 0, fcntl(fds[0], F_SETFD, FD_CLOEXEC) == 0, fcntl(fds[1], F_SETFD, FD_CLOEXEC) == 0 else {
                    parentEnds.forEach { _ = close($0) }
                    throw SpawnError(executable: executable, errno: errno)
                }
                let (childEnd, parentEnd) = childReads ? (fds[0], fds[1]) : (fds[1], fds[0])
                childEnds.append(childEnd)
                parentEnds.append(parentEnd)
                posix_spawn_file_actions_adddup2(&fileActions, childEnd, target)
                return parentEnd
            }
        }
        stdinFD = try wire(stdin, target: 0, childReads: true)
        stdoutFD = try wire(stdout, target: 1, childReads: false)
        stderrFD = try wire(stderr, target: 2, childReads: false)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGCHLD, SIGTSTP, SIGTTIN, SIGTTOU, SIGWINCH] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var flags = POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF
        if ownProcessGroup {
            flags |= POSIX_SPAWN_SETPGROUP
            posix_spawnattr_setpgroup(&attributes, 0)
        }
        posix_spawnattr_setflags(&attributes, Int16(flags))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let environmentStrings = (environment ?? ProcessInfo.processInfo.environment).map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { environmentStrings.forEach { free($0) } }
        var child: pid_t = 0
        let result = posix_spawn(&child, executable, &fileActions, &attributes, argv, environmentStrings)
        guard result == 0 else {
            parentEnds.forEach { _ = close($0) }
            throw SpawnError(executable: executable, errno: result)
        }
        pid = child
    }

    deinit {
        for fd in [stdinFD, stdoutFD, stderrFD] where fd >= 0 { close(fd) }
    }

    /// Writes `bytes` to the child's stdin (when piped) and closes it.
    public func closeStdin(after bytes: [UInt8] = []) {
        guard stdinFD >= 0 else { return }
        Self.ignoreBrokenPipes
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(stdinFD, $0.baseAddress, $0.count) }
            if written < 0 { if errno == EINTR { continue } else { break } }
            offset += written
        }
        close(stdinFD)
        stdinFD = -1
    }

    /// The exit status if the child has ended (reaps it), nil while it runs.
    public func poll() -> Int32? {
        lock.withLock {
            if let exitStatus { return exitStatus }
            var status: Int32 = 0
            let answer = waitpid(pid, &status, WNOHANG)
            if answer == pid {
                exitStatus = Self.decode(status)
            } else if answer < 0 && errno == ECHILD {
                exitStatus = -1
            }
            return exitStatus
        }
    }

    public var isRunning: Bool { poll() == nil }

    public func signal(_ signal: Int32) {
        if isRunning { kill(pid, signal) }
    }

    /// Waits for exit until `timeout` (nil: forever); on timeout sends SIGKILL and returns nil.
    @discardableResult
    public func wait(timeout: TimeInterval? = nil) -> Int32? {
        let deadline = timeout.map { Date().addingTimeInterval($0) }
        var pause: useconds_t = 1_000
        while true {
            if let status = poll() { return status }
            if let deadline, Date() >= deadline {
                kill(pid, SIGKILL)
                _ = wait(timeout: 5)
                return nil
            }
            usleep(pause)
            pause = min(pause * 2, 50_000)
        }
    }

    /// Asks the child to stop (SIGTERM), then kills it if it is still there after `grace` seconds.
    public func stop(grace: TimeInterval = 5) {
        signal(SIGTERM)
        if wait(timeout: grace) == nil { _ = poll() }
    }

    /// Reads the piped stdout/stderr to end of file (or the deadline) and returns what arrived.
    public func readAll(until deadline: Date?) -> (stdout: [UInt8], stderr: [UInt8], complete: Bool) {
        var outputs: [Int32: [UInt8]] = [:]
        var open = [stdoutFD, stderrFD].filter { $0 >= 0 }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while !open.isEmpty {
            var pollFDs = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            let wait: Int32 = deadline.map { Int32(max(0, min(1_000, $0.timeIntervalSinceNow * 1_000))) } ?? 1_000
            if let deadline, Date() >= deadline { break }
            let ready = Glibc.poll(&pollFDs, nfds_t(pollFDs.count), wait)
            if ready < 0 && errno != EINTR { break }
            for entry in pollFDs where entry.revents != 0 {
                let count = buffer.withUnsafeMutableBytes { read(entry.fd, $0.baseAddress, $0.count) }
                if count > 0 {
                    outputs[entry.fd, default: []] += buffer[0..<count]
                } else if count == 0 || errno != EINTR {
                    open.removeAll { $0 == entry.fd }
                }
            }
        }
        return (outputs[stdoutFD] ?? [], outputs[stderrFD] ?? [], open.isEmpty)
    }

    /// Runs a program to completion, feeding `stdin`, with an optional deadline after which it is killed.
    public static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
                           stdin: [UInt8]? = nil, timeout: TimeInterval? = nil) throws -> Result {
        let child = try ChildProcess(executable, arguments, environment: environment, stdin: stdin == nil ? .discard : .pipe)
        let deadline = timeout.map { Date().addingTimeInterval($0) }
        if let stdin { child.closeStdin(after: stdin) }
        let output = child.readAll(until: deadline)
        let status = child.wait(timeout: deadline.map { max(0, $0.timeIntervalSinceNow) })
        return Result(status: status ?? 128 + SIGKILL, stdout: output.stdout, stderr: output.stderr,
                      timedOut: status == nil || !output.complete)
    }

    /// This process's own executable (to start another copy of it as a child).
    public static let ownExecutable: String =
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]

    /// The first executable called `name` on `PATH`.
    public static func which(_ name: String, path: String? = ProcessInfo.processInfo.environment["PATH"]) -> String? {
        for dir in (path ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }

    /// A child that exits without reading its stdin must not kill us with SIGPIPE.
    private static let ignoreBrokenPipes: Void = {
        var current = sigaction()
        sigaction(SIGPIPE, nil, &current)
        if current.__sigaction_handler.sa_handler == nil { Glibc.signal(SIGPIPE, SIG_IGN) }
    }()

    private static func decode(_ status: Int32) -> Int32 {
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }
}
