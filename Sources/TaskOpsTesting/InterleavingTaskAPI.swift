import Foundation
import TaskOpsCore

/// A Task API that runs `beforeWrite` before its first update: lets another decider slip in
/// between this one's check and its write, the same-instant race no read can rule out.
public final class InterleavingTaskAPI: TaskAPI, @unchecked Sendable {
    let base: any TaskAPI
    private let lock = NSLock()
    private var beforeWrite: (@Sendable () async -> Void)?

    public init(base: any TaskAPI, beforeWrite: @escaping @Sendable () async -> Void) {
        self.base = base
        self.beforeWrite = beforeWrite
    }

    public func listTasks(status: String?, userId: String?, limit: Int?) async throws(StackError) -> TaskPage { try await base.listTasks(status: status, userId: userId, limit: limit) }
    public func getTask(id: String) async throws(StackError) -> TaskItem { try await base.getTask(id: id) }
    public func createTask(_ draft: TaskDraft) async throws(StackError) -> TaskItem { try await base.createTask(draft) }
    public func deleteTask(id: String) async throws(StackError) { try await base.deleteTask(id: id) }
    public func updateTask(id: String, changes: TaskChanges) async throws(StackError) -> TaskItem {
        let hook = lock.withLock { () -> (@Sendable () async -> Void)? in defer { beforeWrite = nil }; return beforeWrite }
        await hook?()
        return try await base.updateTask(id: id, changes: changes)
    }
}
