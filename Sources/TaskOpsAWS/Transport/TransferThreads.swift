import Foundation

/// Threads for blocking transfers, kept for a while between requests. Transfers must not block
/// Swift's task executor (on Linux it is Dispatch's pool, sized to the cores: blocking it stalls
/// every task in the process), and a thread started per request costs more than the request on
/// loopback. Threads beyond those busy wait `idleLifetime` for work, then exit.
final class TransferThreads: @unchecked Sendable {
    static let shared = TransferThreads()

    let idleLifetime: TimeInterval
    let stackSize: Int
    private let condition = NSCondition()
    private var jobs: [() -> Void] = []
    private var idle = 0
    private var started = 0

    init(idleLifetime: TimeInterval = 30, stackSize: Int = 1 << 20) {
        self.idleLifetime = idleLifetime
        self.stackSize = stackSize
    }

    /// Threads started so far (tests count them).
    var threadsStarted: Int { condition.withLock { started } }

    /// Threads waiting for work now.
    var idleThreads: Int { condition.withLock { idle } }

    /// Runs `job` on an idle thread, or a new one when none is idle: never queues behind a
    /// transfer in progress, so a slow answer cannot hold up another source's poll.
    func run(_ job: @escaping () -> Void) {
        condition.lock()
        jobs.append(job)
        if idle > jobs.count - 1 {
            condition.signal()
            condition.unlock()
            return
        }
        started += 1
        condition.unlock()
        let thread = Thread { [self] in work() }
        thread.stackSize = stackSize
        thread.start()
    }

    private func work() {
        condition.lock()
        while true {
            if !jobs.isEmpty {
                let job = jobs.removeFirst()
                condition.unlock()
                job()
                condition.lock()
                continue
            }
            idle += 1
            let woken = condition.wait(until: Date().addingTimeInterval(idleLifetime))
            idle -= 1
            if !woken && jobs.isEmpty { break }
        }
        condition.unlock()
    }
}
