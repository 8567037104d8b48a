import TaskOpsCore

/// `taskops tasks` and `taskops task get|create|update|delete`.
public enum TaskCommands {
    public static func list(_ context: CommandContext, status: String?, user: String?, limit: Int?) async -> ExitStatus {
        do {
            let page = try await context.requireTasks().listTasks(status: status, userId: user, limit: limit)
            if context.json {
                let object: JSONObject = [
                    "tasks": .array(page.tasks.map { .object($0.raw) }),
                    "count": .int(page.tasks.count),
                    "mayBeTruncated": .bool(page.mayBeTruncated),
                ]
                context.output.print(JSONWriter.compact(.object(object)))
            } else {
                context.output.print(taskTable(page.tasks).render(context.measure))
                if page.mayBeTruncated {
                    context.output.error("taskops: showing \(page.tasks.count) tasks; the API stopped at its limit and cannot page, so more may exist (raise --limit)")
                }
            }
            return .ok
        } catch {
            return context.fail(error)
        }
    }

    public static func get(_ context: CommandContext, id: String) async -> ExitStatus {
        do {
            let task = try await context.requireTasks().getTask(id: id)
            show(task, context)
            return .ok
        } catch {
            return context.fail(error)
        }
    }

    public static func create(_ context: CommandContext, draft: TaskDraft) async -> ExitStatus {
        do {
            try context.requireWrite()
            let task = try await context.requireTasks().createTask(draft)
            show(task, context)
            return .ok
        } catch {
            return context.fail(error)
        }
    }

    public static func update(_ context: CommandContext, id: String, changes: TaskChanges) async -> ExitStatus {
        guard !changes.isEmpty else { return context.fail("nothing to update: give --title, --description, --status, --priority or --tag", .usage) }
        do {
            try context.requireWrite()
            let task = try await context.requireTasks().updateTask(id: id, changes: changes)
            show(task, context)
            return .ok
        } catch {
            return context.fail(error)
        }
    }

    public static func delete(_ context: CommandContext, id: String) async -> ExitStatus {
        do {
            try context.requireWrite()
            try await context.requireTasks().deleteTask(id: id)
            if context.json {
                context.output.print(JSONWriter.compact(.object(["deleted": .string(id)])))
            } else {
                context.output.print("Deleted task \(context.measure.sanitize(id))")
            }
            return .ok
        } catch {
            return context.fail(error)
        }
    }

    static func show(_ task: TaskItem, _ context: CommandContext) {
        if context.json {
            context.output.print(JSONWriter.compact(.object(task.raw)))
            return
        }
        var table = TextTable(columns: [TextTable.Column("FIELD", maxWidth: 20), TextTable.Column("VALUE", maxWidth: 200)])
        let known = ["taskId", "title", "description", "status", "priority", "userId", "createdAt", "updatedAt", "ttl", "tags", "metadata"]
        for key in known { if let value = task.raw[key] { table.add([key, value.displayText]) } }
        for (key, value) in task.raw where !known.contains(key) { table.add([key, value.displayText]) }
        context.output.print(table.render(context.measure))
    }

    static func taskTable(_ tasks: [TaskItem]) -> TextTable {
        var table = TextTable(columns: [
            TextTable.Column("ID", maxWidth: 36), TextTable.Column("TITLE", maxWidth: 40), TextTable.Column("STATUS", maxWidth: 18),
            TextTable.Column("PRIORITY", maxWidth: 10), TextTable.Column("USER", maxWidth: 20), TextTable.Column("CREATED", maxWidth: 26),
            TextTable.Column("UPDATED", maxWidth: 26),
        ])
        for task in tasks {
            table.add([task.taskId, task.title, task.status, task.priority, task.userId, task.createdAt, task.updatedAt])
        }
        return table
    }
}
