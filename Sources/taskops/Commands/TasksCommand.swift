import ArgumentParser
import TaskOpsCLI

struct TasksCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tasks", abstract: "List tasks (newest first when filtered).")

    @OptionGroup var stack: StackOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "Only tasks with this status (uses StatusIndex).") var status: String?
    @Option(help: "Only tasks of this user (uses UserIdIndex; --status wins).") var user: String?
    @Option(help: "How many to read at most; the API cannot page, so raise it to see more.") var limit: Int?

    func validate() throws {
        if let limit, limit <= 0 { throw ValidationError("--limit must be a positive number") }
    }

    func run() async throws {
        let context = try await CommandWiring.context(stack, json: output.json)
        try CommandWiring.exit(await TaskCommands.list(context, status: status, user: user, limit: limit))
    }
}
