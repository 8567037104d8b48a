extension SimStack {
    /// Removes a task as DynamoDB's TTL removes an expired item, before its 90 days are up: no event,
    /// no log line (what a console kept from records can only learn by listing again).
    public func expire(taskId: String) { withLock { table.delete(id: taskId) } }
}
