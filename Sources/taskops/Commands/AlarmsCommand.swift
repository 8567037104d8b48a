import ArgumentParser
import TaskOpsCLI

struct AlarmsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "alarms", abstract: "The stack's CloudWatch alarms with state and reason.")
    @OptionGroup var stack: StackOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let context = try await CommandWiring.context(stack, json: output.json)
        try CommandWiring.exit(await AlarmCommands.list(context))
    }
}
