import TaskOpsCore

/// The task list as the console holds it: in the order the API listed it (new tasks after),
/// found by id.
struct HeldTasks: Sendable {
    private(set) var tasks: [TaskItem] = []
    private var index: [String: Int] = [:]

    init(_ tasks: [TaskItem] = []) { replaceAll(tasks) }

    subscript(id: String) -> TaskItem? { index[id].map { tasks[$0] } }

    /// A listed array replaces what is held (a repeated id keeps its first place, its last value).
    mutating func replaceAll(_ listed: [TaskItem]) {
        tasks = []
        tasks.reserveCapacity(listed.count)
        index = [:]
        for task in listed { put(task) }
    }

    /// Adds or replaces one task; false when the same task was held already.
    @discardableResult
    mutating func put(_ task: TaskItem) -> Bool {
        if let at = index[task.taskId] {
            if tasks[at] == task { return false }
            tasks[at] = task
        } else {
            index[task.taskId] = tasks.count
            tasks.append(task)
        }
        return true
    }

    /// Removes the tasks with these ids; false when none was held.
    @discardableResult
    mutating func remove(_ ids: Set<String>) -> Bool {
        guard ids.contains(where: { index[$0] != nil }) else { return false }
        replaceAll(tasks.filter { !ids.contains($0.taskId) })
        return true
    }

    /// Ids whose task differs between `self` and `other` (added, removed or changed).
    func differences(from other: HeldTasks) -> Set<String> {
        var result: Set<String> = []
        for task in tasks where other[task.taskId] != task { result.insert(task.taskId) }
        for task in other.tasks where self[task.taskId] == nil { result.insert(task.taskId) }
        return result
    }
}
