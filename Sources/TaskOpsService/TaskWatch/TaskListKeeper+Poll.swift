import Foundation
import TaskOpsCore

extension TaskListKeeper {
    enum Plan {
        case list(reason: String, reconciling: Bool)
        case reads([String: PendingRead])
        /// The waiting tasks through the status index (`?status=pending_approval`).
        case waiting
        case idle
    }

    /// Lists, reads what records asked for, or does nothing; repeats (a few times at most) while
    /// records keep asking, so a change noted during a read is not left for the next tick. While the
    /// records lag, the list is no fresher than they are: the poll reports their error.
    public func poll() async throws(StackError) {
        try await keep()
        if case .lagging(let error) = streamHealth(), watchStatus.mode == .watching { throw error }
    }

    private func keep() async throws(StackError) {
        var listed = false
        for _ in 0..<4 {
            let health = streamHealth()
            let plan = lock.withLock { () -> Plan in
                applyRemovals()
                confirmDrift(now: local())
                return nextPlan(now: local(), health: health)
            }
            switch plan {
            case .idle:
                publish()
                return
            case .list(let reason, let reconciling):
                if listed {
                    publish()
                    return
                }
                try await list(reason: reason, reconciling: reconciling)
                listed = true
            case .reads(let wanted):
                try await read(wanted)
            case .waiting:
                try await readWaiting()
            }
            publish()
            if case .polling = watchStatus.mode { return }
            guard lock.withLock({ !reads.isEmpty || !removals.isEmpty }) else { return }
        }
        publish()
    }

    /// Under the lock.
    private func nextPlan(now: Date, health: EventStreamHealth) -> Plan {
        switch health {
        case .noRecords(let reason):
            status.mode = .polling(reason: reason)
            return .list(reason: reason, reconciling: false)
        case .cannotVouch(let reason):
            status.mode = .polling(reason: reason)
            recoverWithList = true
            return .list(reason: reason, reconciling: false)
        case .vouches, .lagging:
            break
        }
        guard let listedAt else {
            status.mode = .watching
            return .list(reason: "start", reconciling: false)
        }
        let wasWatching = status.mode == .watching
        status.mode = .watching
        if recoverWithList {
            recoverWithList = false
            return .list(reason: "records readable again", reconciling: false)
        }
        if let reason = wantedList {
            wantedList = nil
            return .list(reason: reason, reconciling: wasWatching)
        }
        if now.timeIntervalSince(listedAt) >= settings.reconcileInterval { return .list(reason: "reconcile", reconciling: true) }
        if reads.count > min(settings.burstThreshold, readsWorthAList) { return .list(reason: "\(reads.count) changes at once", reconciling: false) }
        if !reads.isEmpty { return .reads(reads) }
        if let due = waitingCheckDue, due <= now {
            waitingCheckDue = nil
            return .waiting
        }
        return .idle
    }

    /// One read of the waiting tasks, for a stack whose workflow log cannot say when one starts waiting.
    private func readWaiting() async throws(StackError) {
        let page: TaskPage
        do throws(StackError) {
            page = try await api.listTasks(status: TaskStatus.pendingApproval, userId: nil, limit: settings.limit)
        } catch {
            lock.withLock { waitingCheckDue = waitingCheckDue ?? local() }
            throw error
        }
        lock.withLock {
            status.lists += 1
            for task in page.tasks where !deleted.contains(task.taskId) && held.put(task) { heldVersion += 1 }
        }
    }

    /// Under the lock: the number of single reads that cost the stack as much as one list (each request
    /// an API Gateway request and an invocation; a list's scan bills read units for every item).
    var readsWorthAList: Int {
        let prices = StackPrices.usEast1
        let request = prices.httpAPIPerMillionRequests / 1e6 + prices.lambdaPerMillionRequests / 1e6
            + Footprint.assumedBilledMillis / 1000 * Footprint.lambdaMemoryGB * prices.lambdaPerGBSecond
        let unit = prices.dynamoDBPerMillionReadUnits / 1e6
        let listUnits = 0.5 * Double((listBytes + Footprint.readUnitBytes - 1) / Footprint.readUnitBytes)
        let list = request * (mayBeTruncated ? 2 : 1) + listUnits * unit
        let read = request + 0.5 * unit
        return max(1, Int((list / read).rounded(.up)))
    }

    /// Under the lock: deletions the records reported.
    private func applyRemovals() {
        guard !removals.isEmpty else { return }
        if held.remove(removals) { heldVersion += 1 }
        removals = []
    }

    /// Under the lock: differences no record explained, within the grace period and once every group
    /// has been read past the list, are drift.
    private func confirmDrift(now: Date) {
        guard !suspects.isEmpty else { return }
        let readThrough = recordsReadThrough() ?? .min
        let settling = Int64(settings.listSettling * 1000)
        let lost = suspects.filter { now.timeIntervalSince($0.value.at) >= settings.driftGrace && readThrough >= $0.value.listedAt + settling }
        guard !lost.isEmpty else { return }
        status.drift += lost.count
        for id in lost.keys { suspects[id] = nil }
    }

    private func list(reason: String, reconciling: Bool) async throws(StackError) {
        let started = local()
        let askedBefore = lock.withLock { noted }
        var listed: HeldTasks
        var truncated = false
        do throws(StackError) {
            let page = try await api.listTasks(status: nil, userId: nil, limit: settings.limit)
            listed = HeldTasks(page.tasks)
            truncated = page.mayBeTruncated
            // Past the limit a scan stops anywhere: the waiting tasks come from the status index, so the
            // approval queue misses none.
            if truncated {
                for task in try await api.listTasks(status: TaskStatus.pendingApproval, userId: nil, limit: settings.limit).tasks { listed.put(task) }
            }
        } catch {
            resumeWaiters(error)
            throw error
        }
        // The server's time as its answer gave it (the clock has just learned it from the Date header;
        // before the first answer it may be this machine's, however far off): records stamped before it,
        // less the settling time, are in the list.
        let fromMillis = Saturating.int64(serverNow().timeIntervalSince1970 * 1000)
        lock.withLock {
            listed.remove(removals)
            removals = []
            if reconciling {
                for id in listed.differences(from: held) where reads[id] == nil { suspects[id] = (started, fromMillis) }
            }
            if listed.tasks != held.tasks { heldVersion += 1 }
            held = listed
            listBytes = Self.estimatedBytes(listed.tasks)
            mayBeTruncated = truncated
            listedAt = started
            listedFromServerMillis = fromMillis
            // A record's read is still wanted only if the list does not hold what it said (a creation the
            // list found, an update it has; an index read may miss the newest writes); the console's own
            // read-backs asked for before the list began are in it.
            reads = reads.filter { id, pending in
                pending.change.map { Self.needsRead($0, held: listed[id]) } ?? (pending.sequence > askedBefore)
            }
            status.lists += 1
        }
        resumeWaiters(nil)
    }

    /// The size of the tasks as the API answers them, from a sample of at most 64.
    static func estimatedBytes(_ tasks: [TaskItem]) -> Int {
        guard !tasks.isEmpty else { return 0 }
        let step = max(1, tasks.count / 64)
        let sample = stride(from: 0, to: tasks.count, by: step).map { tasks[$0] }
        let bytes = sample.reduce(0) { $0 + $1.rawText.utf8.count }
        return bytes * tasks.count / sample.count
    }

    private func read(_ wanted: [String: PendingRead]) async throws(StackError) {
        let ids = Array(wanted.keys)
        let width = max(1, settings.readConcurrency)
        var results: [(String, Result<TaskItem, StackError>)] = []
        // A few at a time: a burst is a list instead, so this is at most a handful.
        for start in stride(from: 0, to: ids.count, by: width) {
            let batch = ids[start..<min(ids.count, start + width)]
            results += await withTaskGroup(of: (String, Result<TaskItem, StackError>).self) { group in
                for id in batch { group.addTask { (id, await self.fetch(id)) } }
                var batchResults: [(String, Result<TaskItem, StackError>)] = []
                for await result in group { batchResults.append(result) }
                return batchResults
            }
        }
        var failure: StackError?
        lock.withLock {
            for (id, result) in results {
                switch result {
                case .success(let task):
                    status.reads += 1
                    if !deleted.contains(id), held.put(task) { heldVersion += 1 }
                case .failure(let error) where error.kind == .notFound:
                    // Deleted before it could be read: expected, not an error.
                    status.reads += 1
                    deleted.insert(id)
                    if held.remove([id]) { heldVersion += 1 }
                case .failure(let error):
                    failure = failure ?? error
                    continue
                }
                if reads[id]?.sequence == wanted[id]?.sequence { reads[id] = nil }
            }
        }
        if let failure { throw failure }
    }

    private func fetch(_ id: String) async -> Result<TaskItem, StackError> {
        do throws(StackError) { return .success(try await api.getTask(id: id)) } catch { return .failure(error) }
    }

    /// Puts the held tasks in the store when they (or how they are kept) changed.
    func publish() {
        let (tasks, truncated, watch, changed, handler) = lock.withLock {
            let changed = heldVersion != publishedVersion
            publishedVersion = heldVersion
            return (held.tasks, mayBeTruncated, status, changed, onTasksChanged)
        }
        let current = store.current().tasks
        guard changed || current.watch != watch || current.mayBeTruncated != truncated else { return }
        store.update { snapshot in
            if changed {
                snapshot.tasks.tasks = tasks
                snapshot.tasks.generation += 1
            }
            snapshot.tasks.mayBeTruncated = truncated
            snapshot.tasks.watch = watch
        }
        if changed { handler?() }
    }
}
