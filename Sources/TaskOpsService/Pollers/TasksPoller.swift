import TaskOpsCore

/// Reads the task list (one call; the API cannot page, so it asks for a large limit).
public struct TasksPoller: SourcePoller {
    public let source = SourceID.tasks
    let api: any TaskAPI
    let store: StackStore
    let limit: Int

    public init(api: any TaskAPI, store: StackStore, limit: Int = 1000) {
        self.api = api
        self.store = store
        self.limit = limit
    }

    public func poll() async throws(StackError) {
        let page = try await api.listTasks(status: nil, userId: nil, limit: limit)
        // Unchanged: keep the held array (and the console's sorted order of it) and draw nothing.
        let held = store.current().tasks
        if held.tasks == page.tasks && held.mayBeTruncated == page.mayBeTruncated { return }
        store.update { snapshot in
            snapshot.tasks.tasks = page.tasks
            snapshot.tasks.mayBeTruncated = page.mayBeTruncated
            snapshot.tasks.generation += 1
        }
    }
}
