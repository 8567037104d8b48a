import ArgumentParser
import TaskOpsCLI

/// Options every command that talks to a stack shares.
struct StackOptions: ParsableArguments {
    @Option(help: "Project name (default task-manager).") var project: String?
    @Option(help: "Environment / API stage (default dev).") var env: String?
    @Option(help: "AWS region (default from AWS_REGION, the profile, or us-east-1).") var region: String?
    @Option(help: "AWS profile from ~/.aws/config.") var profile: String?
    @Option(name: .customLong("api-url"), help: "Task API invoke URL including the stage (or TASKOPS_API_URL).") var apiURL: String?
    @Option(name: .customLong("tf-outputs"), help: "JSON file written by `terraform output -json`.") var tfOutputs: String?
    @Option(name: .customLong("endpoint-url"), help: "One endpoint for CloudWatch, Logs and Step Functions (e.g. the simulator).") var endpointURL: String?
    @Option(help: "Config file (default ~/.config/taskops/config.toml).") var config: String?
    @Flag(help: "Refuse every write (create, edit, delete, approve, reject).") var readonly = false

    var flags: StackFlags {
        StackFlags(project: project, env: env, region: region, profile: profile, apiURL: apiURL, tfOutputs: tfOutputs,
                   endpointURL: endpointURL, readonly: readonly)
    }
}

/// `--json` for scriptable output.
struct OutputOptions: ParsableArguments {
    @Flag(help: "Print JSON instead of a table.") var json = false
}
