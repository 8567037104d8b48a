import Foundation
import Testing
@testable import TaskOpsAWS

/// Transfers run on threads kept between requests, and never queue behind a slow one.
@Suite struct TransferThreadsTests {
    @Test func sequentialTransfersReuseOneThread() async {
        // An hour: a loaded run can hold this task back for longer than a short lifetime, and the kept
        // thread would then rightly exit (this checks reuse, not the lifetime).
        let threads = TransferThreads(idleLifetime: 3600)
        for _ in 0..<20 {
            await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in threads.run { done.resume() } }
            // The job's caller may run again before the thread is back waiting (a loaded machine):
            // the next request comes once it is, as the console's polls do.
            let deadline = Date().addingTimeInterval(10)
            while threads.idleThreads == 0, Date() < deadline { try? await Task.sleep(nanoseconds: 1_000_000) }
        }
        #expect(threads.threadsStarted == 1)
    }

    /// Holds each job until `count` run at once (only possible on that many threads).
    final class Barrier: @unchecked Sendable {
        let condition = NSCondition()
        let count: Int
        var arrived = 0
        init(count: Int) { self.count = count }
        func arriveAndWait() {
            condition.lock()
            arrived += 1
            condition.broadcast()
            while arrived < count { condition.wait() }
            condition.unlock()
        }
    }

    @Test func concurrentTransfersEachGetAThread() async {
        let threads = TransferThreads(idleLifetime: 30)
        let barrier = Barrier(count: 5)
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<5 {
                group.addTask {
                    await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
                        threads.run {
                            barrier.arriveAndWait()
                            done.resume()
                        }
                    }
                }
            }
        }
        #expect(threads.threadsStarted == 5, "a job never waits for another to finish")
    }

    @Test func idleThreadsExit() async throws {
        let threads = TransferThreads(idleLifetime: 0.05)
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in threads.run { done.resume() } }
        try await Task.sleep(nanoseconds: 300_000_000)
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in threads.run { done.resume() } }
        #expect(threads.threadsStarted == 2, "the first thread left after its idle lifetime")
    }
}
