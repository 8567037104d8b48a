import ArgumentParser

@main
struct TaskOps: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "taskops",
        abstract: "Terminal operations console for the serverless Task Management stack.",
        discussion: """
            With no subcommand, opens the console on the configured stack (flags, TASKOPS_API_URL, \
            AWS_PROFILE/AWS_REGION, --tf-outputs, ~/.config/taskops/config.toml). `taskops demo` runs \
            the console against the embedded simulator; `taskops serve` runs the simulator alone.

            Exit codes: 0 ok, 1 failure, 3 not found, 4 conflict, 5 auth, 6 transient (throttled, \
            5xx, network), 7 refused by --readonly, 64 usage, 78 configuration.
            """,
        subcommands: [
            ConsoleCommand.self, DemoCommand.self, ServeCommand.self,
            TasksCommand.self, TaskCommand.self, ApprovalsCommand.self, ApproveCommand.self, RejectCommand.self,
            EventsCommand.self, MetricsCommand.self, AlarmsCommand.self, FootprintCommand.self, KeysCommand.self,
        ],
        defaultSubcommand: ConsoleCommand.self)
}
