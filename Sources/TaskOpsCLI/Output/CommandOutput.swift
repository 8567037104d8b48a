import Foundation

/// Where a command writes: standard output for results, standard error for messages.
public final class CommandOutput: @unchecked Sendable {
    private let lock = NSLock()
    private let writeOut: @Sendable (String) -> Void
    private let writeErr: @Sendable (String) -> Void

    public init(out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void) {
        self.writeOut = out
        self.writeErr = err
    }

    public static let standard = CommandOutput(
        out: { text in FileHandle.standardOutput.write(Data(text.utf8)) },
        err: { text in FileHandle.standardError.write(Data(text.utf8)) })

    public func print(_ text: String) {
        lock.lock(); defer { lock.unlock() }
        writeOut(text.hasSuffix("\n") ? text : text + "\n")
    }

    public func error(_ text: String) {
        lock.lock(); defer { lock.unlock() }
        writeErr(text.hasSuffix("\n") ? text : text + "\n")
    }
}

/// Collects output in memory (tests).
public final class CapturedOutput: @unchecked Sendable {
    private let lock = NSLock()
    private var outText = ""
    private var errText = ""
    public init() {}
    public var stdout: String { lock.lock(); defer { lock.unlock() }; return outText }
    public var stderr: String { lock.lock(); defer { lock.unlock() }; return errText }
    public var output: CommandOutput {
        CommandOutput(out: { [self] text in lock.lock(); outText += text; lock.unlock() },
                      err: { [self] text in lock.lock(); errText += text; lock.unlock() })
    }
}
