import ArgumentParser
import TaskOpsCLI
import TaskOpsUI

struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Print the console's keys: the defaults with ~/.config/taskops/keys.toml applied.",
        discussion: "Problems in the file are printed with their line, and the exit status is then 78; the actions concerned keep their defaults.")

    @OptionGroup var output: OutputOptions
    @Option(help: "The key bindings file (default $XDG_CONFIG_HOME/taskops/keys.toml or ~/.config/taskops/keys.toml).") var file: String?
    @Flag(help: "Show the keys as read-only mode has them: without the actions that write.") var readonly = false

    func run() throws {
        let path = file ?? KeyBindingsFile.defaultPath(environment: CommandWiring.environment)
        let (map, problems) = KeyBindingsFile.load(path: path, mustExist: file != nil)
        try CommandWiring.exit(KeyCommands.list(map, problems: problems, file: path, readonly: readonly, json: output.json,
                                                output: .standard, measure: CommandWiring.measure))
    }
}
