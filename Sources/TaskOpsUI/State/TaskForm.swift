import TaskOpsCore

/// The create / edit dialog of the Tasks pane: its fields, which has focus, and the last refusal.
public struct TaskForm: Sendable, Equatable {
    public enum Purpose: Sendable, Equatable {
        case create
        case edit(TaskItem)
    }

    public enum Field: String, Sendable, CaseIterable {
        case title, userId = "user", description, priority, status, tags

        /// Fields chosen from a list (←/→ or space) rather than typed.
        var choices: [String]? {
            switch self {
            case .priority: return TaskPriority.all
            case .status: return TaskStatus.all
            default: return nil
            }
        }
    }

    public var purpose: Purpose
    public var values: [Field: String]
    public var focus: Field
    /// Why the form was refused (locally, or the API's own message).
    public var error: String?
    public var submitting = false

    public static func create() -> TaskForm {
        TaskForm(purpose: .create, values: [.title: "", .userId: "", .description: "", .priority: "medium", .tags: ""], focus: .title)
    }

    public static func edit(_ task: TaskItem) -> TaskForm {
        TaskForm(purpose: .edit(task), values: [.title: task.title, .description: task.description, .priority: task.priority,
                                                .status: task.status, .tags: task.tags.map(\.displayText).joined(separator: ", ")], focus: .title)
    }

    /// The fields in order: the API takes `userId` only on create and `status` only on update.
    public var fields: [Field] {
        switch purpose {
        case .create: return [.title, .userId, .description, .priority, .tags]
        case .edit: return [.title, .description, .priority, .status, .tags]
        }
    }

    public var title: String {
        switch purpose {
        case .create: return "New task"
        case .edit(let task): return "Edit task \(task.taskId)"
        }
    }

    mutating func moveFocus(_ step: Int) {
        let order = fields
        let index = order.firstIndex(of: focus) ?? 0
        focus = order[(index + step + order.count) % order.count]
    }

    mutating func type(_ character: Character) {
        if let choices = focus.choices {
            // Typing the first letter of a choice picks it.
            if let match = choices.first(where: { $0.first == character }) { values[focus] = match }
            return
        }
        values[focus, default: ""].append(character)
    }

    mutating func backspace() {
        guard focus.choices == nil else { return }
        values[focus, default: ""] = String(values[focus, default: ""].dropLast())
    }

    mutating func cycle(_ step: Int) {
        guard let choices = focus.choices else { return }
        let index = choices.firstIndex(of: values[focus] ?? "") ?? 0
        values[focus] = choices[(index + step + choices.count) % choices.count]
    }

    var tags: [String] {
        (values[.tags] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// What the API would refuse, checked in the API's order, before anything is sent.
    public func problem() -> String? {
        switch purpose {
        case .create:
            if (values[.title] ?? "").isEmpty { return "Title is required" }
            if (values[.userId] ?? "").isEmpty { return "userId is required" }
            return nil
        case .edit(let task):
            return changes(from: task) == TaskChanges() ? "Nothing changed (the API refuses an empty update: Request body is required)" : nil
        }
    }

    public var draft: TaskDraft {
        TaskDraft(title: values[.title] ?? "", userId: values[.userId] ?? "", description: (values[.description] ?? "").isEmpty ? nil : values[.description],
                  priority: values[.priority], tags: tags.isEmpty ? nil : tags)
    }

    /// Only the fields that differ from the task, so an update never rewrites what it did not touch.
    public func changes(from task: TaskItem) -> TaskChanges {
        var changes = TaskChanges()
        if values[.title] != task.title { changes.title = values[.title] }
        if values[.description] != task.description { changes.description = values[.description] }
        if values[.priority] != task.priority { changes.priority = values[.priority] }
        if values[.status] != task.status { changes.status = values[.status] }
        if tags != task.tags.map(\.displayText) { changes.tags = tags }
        return changes
    }
}
