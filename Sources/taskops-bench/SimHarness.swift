import AWSSigV4
import Foundation
import TaskOpsAWS
import TaskOpsCore
import TaskOpsService
import TaskOpsSim
import TaskOpsSimServer

/// Counts calls by operation and feeds the console's call meter, as the console's observer does.
final class OperationCounter: CallObserver, @unchecked Sendable {
    let meter: CallMeter
    private let lock = NSLock()
    private var counts: [String: Int] = [:]
    private var times: [String: [Double]] = [:]

    init(meter: CallMeter = CallMeter()) { self.meter = meter }

    func record(_ call: CallRecord) {
        meter.record(call)
        let now = CPUTime.wall()
        lock.withLock {
            counts[call.operation, default: 0] += 1
            times[call.operation, default: []].append(now)
        }
    }

    func count(_ operation: String) -> Int { lock.withLock { counts[operation] ?? 0 } }

    /// Calls per second between the first poll at or after `from` and the first at or after `to`: a
    /// window of whole poll cycles, so the calls of one poll are not split by either edge. A poll's
    /// first call is one that follows a gap of at least `pollGap` seconds.
    func rate(_ operation: String, from: Double, to: Double, pollGap: Double) -> Double {
        let stamps = lock.withLock { times[operation] ?? [] }
        func pollStart(atOrAfter time: Double) -> Int? {
            stamps.indices.first { stamps[$0] >= time && ($0 == 0 || stamps[$0] - stamps[$0 - 1] >= pollGap) }
        }
        guard let first = pollStart(atOrAfter: from), let last = pollStart(atOrAfter: to), last > first else { return .nan }
        return Double(last - first) / (stamps[last] - stamps[first])
    }
}

/// The simulator on a loopback port and the console's real clients (libcurl, SigV4) aimed at it.
struct SimHarness {
    let stack: SimStack
    let server: SimServer
    let endpoint: String
    let clients: StackClients
    let counter: OperationCounter

    static func start(clock: any SimClock, seed: UInt64 = 7) async throws -> SimHarness {
        let stack = SimStackFactory.make(.init(seed: seed), clock: clock)
        let server = SimServer(stack: stack)
        let port = try await server.start()
        let endpoint = "http://127.0.0.1:\(port)"
        let counter = OperationCounter()
        let clients = StackClients(region: "us-east-1", endpoints: .resolve(region: "us-east-1", override: endpoint, environment: [:]),
                                   apiURL: endpoint + "/dev", credentials: StaticCredentialsProvider(AWSCredentials(accessKeyId: "AKIDBENCH", secretAccessKey: "bench")),
                                   observer: counter)
        return SimHarness(stack: stack, server: server, endpoint: endpoint, clients: clients, counter: counter)
    }

    func stop() async { await server.stop() }
}
