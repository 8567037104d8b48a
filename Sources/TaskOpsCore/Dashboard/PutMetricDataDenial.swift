/// Recognizes the lines the task-updated and task-completed handlers log when their role may not
/// put the custom metrics (`Error publishing CloudWatch metric: … AccessDenied …`, `Error
/// publishing metrics: … AccessDenied …`): proof that the `TaskManager/{env}` metrics stay empty.
public enum PutMetricDataDenial {
    public static func isDenial(_ event: TaskEvent, names: StackNames) -> Bool {
        guard handlerLogGroups(names).contains(event.logGroup) else { return false }
        let raw = event.raw
        return (raw.hasPrefix("Error publishing CloudWatch metric:") || raw.hasPrefix("Error publishing metrics:"))
            && raw.contains("AccessDenied") && raw.contains("PutMetricData")
    }

    public static func handlerLogGroups(_ names: StackNames) -> Set<String> {
        Set(["task_updated", "task_completed"].compactMap(names.functionName).map(names.lambdaLogGroup))
    }

    /// Whether any of `events` is such a line.
    public static func seen(in events: [TaskEvent], names: StackNames) -> Bool {
        let groups = handlerLogGroups(names)
        return events.contains { groups.contains($0.logGroup) && isDenial($0, names: names) }
    }
}
