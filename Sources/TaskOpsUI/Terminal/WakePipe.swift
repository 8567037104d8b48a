import Glibc

/// A self-pipe: one thread sleeps in poll(2) on an input descriptor and the pipe, any other
/// thread (or a store change) ends the sleep by writing a byte.
final class WakePipe: @unchecked Sendable {
    enum Outcome: Equatable { case ready, timedOut, terminalGone }

    private let readEnd: Int32
    private let writeEnd: Int32
    /// For signal handlers, which may only write(2).
    var writeDescriptor: Int32 { writeEnd }

    init() {
        var fds: [Int32] = [-1, -1]
        if pipe(&fds) == 0 {
            for fd in fds {
                _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
                _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            }
        }
        readEnd = fds[0]
        writeEnd = fds[1]
    }

    deinit {
        if readEnd >= 0 { close(readEnd) }
        if writeEnd >= 0 { close(writeEnd) }
    }

    /// Never blocks: a full pipe already holds a wake-up.
    func signal() {
        guard writeEnd >= 0 else { return }
        var byte: UInt8 = 1
        _ = write(writeEnd, &byte, 1)
    }

    /// Waits up to `seconds` for input on `fd` or a signal; a hung-up or closed `fd` is reported so
    /// the caller can stop instead of spinning. Signals (resize, quit) end the wait early.
    func wait(forInputOn fd: Int32, seconds: Double) -> Outcome {
        let millis = Int32((max(0, min(seconds, 60)) * 1000).rounded(.up))
        var fds = [pollfd(fd: fd, events: Int16(POLLIN), revents: 0), pollfd(fd: readEnd, events: Int16(POLLIN), revents: 0)]
        let count = poll(&fds, readEnd >= 0 ? 2 : 1, millis)
        if readEnd >= 0, fds[1].revents & Int16(POLLIN) != 0 {
            var sink = [UInt8](repeating: 0, count: 64)
            while read(readEnd, &sink, sink.count) > 0 {}
        }
        if count > 0, fds[0].revents & Int16(POLLIN) == 0, fds[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { return .terminalGone }
        return count > 0 ? .ready : .timedOut
    }
}
