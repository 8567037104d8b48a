import Foundation
import TaskOpsCore

/// The whole simulated stack: table, Task API, bus, handlers, approval workflow, logs. Every
/// operation runs under one lock; work due later (async handlers, the workflow's waits) is queued
/// on the virtual clock and run in time order whenever the stack is touched or ticked.
public final class SimStack: @unchecked Sendable {
    public let names: StackNames
    public let apiId: String
    public let clock: any SimClock
    public let originalIAM: Bool
    /// Whether a catch-all rule logs every bus event to the events log group.
    public let eventsLog: Bool
    /// Whether the state machine logs to its vended log group (level ALL with execution data).
    public let workflowLog: Bool
    public let logs: SimLogStore
    let metrics: (any SimMetricsRecording)?
    let tickers: [any SimTicking]
    let lock = NSLock()
    var rng: SeededRandom
    var table = TaskTable()
    var faults = SimFaults()
    var queue = SimWorkQueue()
    var warmFunctions: [String: String] = [:]
    var executions = ExecutionStore()
    var services: [String: any SimAWSService] = [:]
    /// While queued work runs, the virtual time it was due at: work it schedules counts from there.
    var workTime: Date?

    public init(names: StackNames = StackNames(), apiId: String = "a1b2c3d4e5", clock: any SimClock, seed: UInt64 = 1,
                originalIAM: Bool = false, eventsLog: Bool = true, workflowLog: Bool = true, logs: SimLogStore = SimLogStore(), metrics: (any SimMetricsRecording)? = nil,
                tickers: [any SimTicking] = []) {
        self.names = names
        self.apiId = apiId
        self.clock = clock
        self.originalIAM = originalIAM
        self.eventsLog = eventsLog
        self.workflowLog = workflowLog
        self.logs = logs
        self.metrics = metrics
        self.tickers = tickers
        self.rng = SeededRandom(seed: seed)
        let created = Self.millis(clock.now())
        for group in names.allLogGroups where (eventsLog || group != names.eventsLogGroup) && (workflowLog || group != names.stateMachineLogGroup) {
            logs.createGroup(group, at: created)
        }
        register(SimLogsService(store: logs))
        register(SimEventBridgeService(names: names, catchAllLog: eventsLog))
        register(SimStepFunctionsService(stack: self))
    }

    /// Adds an AWS JSON service answering `POST /` for its `X-Amz-Target` prefix.
    public func register(_ service: any SimAWSService) {
        services[service.targetPrefix] = service
    }

    public func service(forTarget target: String) -> (any SimAWSService)? {
        guard let prefix = target.split(separator: ".").first else { return nil }
        return services[String(prefix)]
    }

    /// Runs `body` under the stack's lock after running the work that has come due.
    public func withLock<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        runDueLocked()
        return try body()
    }

    /// Runs everything due by now (the server calls this on a timer so work happens without requests).
    public func runDue() { withLock {} }

    public var now: Date { clock.now() }

    /// The model's current time: the due time of the work being run, else the clock.
    var currentTime: Date { workTime ?? clock.now() }

    public func setFaults(_ faults: SimFaults) {
        withLock {
            self.faults = faults
            logs.setIngestionDelay(typicalMillis: faults.ingestDelayMs)
        }
    }
    public func currentFaults() -> SimFaults { withLock { faults } }

    /// Answers an AWS JSON protocol request for the registered service.
    public func handleAWS(target: String, body: [UInt8], contentType: String) -> SimResponse {
        withLock {
            let operation = target.split(separator: ".").dropFirst().joined(separator: ".")
            guard let service = service(forTarget: target), !operation.isEmpty else {
                return AWSJSON.error("UnknownOperationException", "Unknown operation \(target)", contentType: "application/x-amz-json-1.0")
            }
            if let fault = injectedAWSFault(contentType: contentType) { return fault }
            return service.handle(operation: operation, body: body, contentType: contentType, now: clock.now())
        }
    }

    /// The answer an injected AWS fault gives instead of the work, if one is rolled (lock held).
    private func injectedAWSFault(contentType: String) -> SimResponse? {
        let type = contentType.isEmpty ? "application/x-amz-json-1.0" : contentType
        if rng.chance(faults.awsThrottle) { return AWSJSON.error("ThrottlingException", "Rate exceeded", contentType: type) }
        if rng.chance(faults.aws5xx) {
            return rng.chance(0.5) ? AWSJSON.error("ServiceUnavailable", "Service is unavailable", status: 503, contentType: type)
                                   : AWSJSON.error("InternalFailure", "An internal error occurred", status: 500, contentType: type)
        }
        return nil
    }

    func schedule(after seconds: TimeInterval, _ work: @escaping () -> Void) {
        queue.push(due: currentTime.addingTimeInterval(seconds), work)
    }

    private var nextExpirySweep = Date.distantPast

    private func runDueLocked() {
        let now = clock.now()
        var guardCount = 0
        while guardCount < 100_000, let (due, work) = queue.popDue(now: now) {
            workTime = due
            work()
            guardCount += 1
        }
        workTime = nil
        for ticker in tickers { ticker.tick(now: now) }
        // DynamoDB removes expired items "within days"; a sweep per virtual minute is plenty and
        // keeps an O(items) scan off every request.
        if now >= nextExpirySweep {
            table.expire(nowEpoch: Int(now.timeIntervalSince1970))
            nextExpirySweep = now.addingTimeInterval(60)
        }
    }

    static func millis(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded(.down)) }
}

/// Work ordered by due time, then by the order it was queued.
struct SimWorkQueue {
    private var items: [(due: Date, sequence: Int, work: () -> Void)] = []
    private var sequence = 0

    var count: Int { items.count }

    mutating func push(due: Date, _ work: @escaping () -> Void) {
        sequence += 1
        let entry = (due: due, sequence: sequence, work: work)
        let index = items.firstIndex { $0.due > due } ?? items.count
        items.insert(entry, at: index)
    }

    mutating func popDue(now: Date) -> (due: Date, work: () -> Void)? {
        guard let first = items.first, first.due <= now else { return nil }
        items.removeFirst()
        return (first.due, first.work)
    }
}
