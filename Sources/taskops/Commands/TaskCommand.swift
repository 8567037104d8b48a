import ArgumentParser
import TaskOpsCLI
import TaskOpsCore

struct TaskCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "task", abstract: "Read, create, update or delete one task.",
        subcommands: [Get.self, Create.self, Update.self, Delete.self])

    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show every field of a task.")
        @OptionGroup var stack: StackOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "Task id.") var id: String

        func run() async throws {
            let context = try await CommandWiring.context(stack, json: output.json)
            try CommandWiring.exit(await TaskCommands.get(context, id: id))
        }
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a task (high priority starts the approval workflow).")
        @OptionGroup var stack: StackOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "Title (required).") var title: String
        @Option(help: "User id (required).") var user: String
        @Option(help: "Description.") var description: String?
        @Option(help: "Priority: low, medium or high (default medium).") var priority: String?
        @Option(name: .customLong("tag"), help: "A tag (repeatable).") var tags: [String] = []

        func validate() throws {
            if title.isEmpty { throw ValidationError("--title must not be empty (the API answers 'Title is required')") }
            if user.isEmpty { throw ValidationError("--user must not be empty (the API answers 'userId is required')") }
        }

        func run() async throws {
            let context = try await CommandWiring.context(stack, json: output.json)
            let draft = TaskDraft(title: title, userId: user, description: description, priority: priority, tags: tags.isEmpty ? nil : tags)
            try CommandWiring.exit(await TaskCommands.create(context, draft: draft))
        }
    }

    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change fields of a task.")
        @OptionGroup var stack: StackOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "Task id.") var id: String
        @Option(help: "New title.") var title: String?
        @Option(help: "New description.") var description: String?
        @Option(help: "New status (pending, in_progress, blocked, completed, …).") var status: String?
        @Option(help: "New priority.") var priority: String?
        @Option(name: .customLong("tag"), help: "Replace the tags (repeatable).") var tags: [String] = []

        func run() async throws {
            let context = try await CommandWiring.context(stack, json: output.json)
            let changes = TaskChanges(title: title, description: description, status: status, priority: priority, tags: tags.isEmpty ? nil : tags)
            try CommandWiring.exit(await TaskCommands.update(context, id: id, changes: changes))
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a task.")
        @OptionGroup var stack: StackOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "Task id.") var id: String

        func run() async throws {
            let context = try await CommandWiring.context(stack, json: output.json)
            try CommandWiring.exit(await TaskCommands.delete(context, id: id))
        }
    }
}
