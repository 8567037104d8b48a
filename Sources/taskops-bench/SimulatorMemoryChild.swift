import Foundation
import TaskOpsSim

/// The child side of the simulator memory figure: runs the stack on a manual clock with operator
/// traffic for `hours` virtual hours and prints its resident size at the start and after each hour.
enum SimulatorMemoryChild {
    static func run(hours: Int, requestsPerSecond: Int) {
        let clock = ManualSimClock(start: Date(timeIntervalSince1970: 1_795_000_000))
        let stack = SimStackFactory.make(.init(seed: 9), clock: clock)
        let traffic = TrafficGenerator(stack: stack, seed: 9)
        ResidentMemoryChild.returnFreedHeap()
        var samples = [ProcFile.residentBytes() ?? 0]
        for _ in 0..<hours {
            for _ in 0..<3600 {
                for _ in 0..<requestsPerSecond { traffic.step() }
                clock.advance(by: 1)
                stack.runDue()
            }
            ResidentMemoryChild.returnFreedHeap()
            samples.append(ProcFile.residentBytes() ?? 0)
        }
        print(samples.map(String.init).joined(separator: " "))
    }
}
