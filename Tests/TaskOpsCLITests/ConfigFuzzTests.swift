import Foundation
import Testing
import TaskOpsCLI
import TaskOpsCore
import TaskOpsTesting

/// Seeded mutation fuzzing of the files a user or Terraform hands the CLI: every input is parsed
/// to a value or a `ConfigError` naming the file, never a crash.
@Suite struct ConfigFuzzTests {
    static let iterations = 2000

    static let config = """
        project = "task-manager"
        env = "dev"
        region = "us-east-1"
        api_url = "https://abc123.execute-api.us-east-1.amazonaws.com/dev"
        profile = "ops"
        readonly = false
        theme = "light"

        [poll]
        tasks = 2
        events = 1.5
        approvals = 2
        metrics = 60
        alarms = 60
        logs_calls_per_second = 1.0
        """

    static let outputs = """
        {"api_gateway_url": {"sensitive": false, "type": "string", "value": "https://abc123.execute-api.us-east-1.amazonaws.com"},
         "api_gateway_id": {"sensitive": false, "type": "string", "value": "abc123"},
         "dynamodb_table_name": {"sensitive": false, "type": "string", "value": "task-manager-tasks-dev"},
         "step_function_arn": {"sensitive": false, "type": "string", "value": "arn:aws:states:us-east-1:123456789012:stateMachine:task-manager-task-approval-dev"},
         "cloudwatch_dashboard_name": {"sensitive": false, "type": "string", "value": "task-manager-dashboard-dev"},
         "lambda_functions": {"sensitive": false, "type": ["object", {"create_task": "string"}],
           "value": {"create_task": "arn:aws:lambda:us-east-1:123456789012:function:task-manager-create-task-dev"}},
         "sns_topic_arn": {"sensitive": false, "type": "string", "value": ""}}
        """

    @Test(arguments: [UInt64(1), 2, 3])
    func configTOML(seed: UInt64) async {
        var mutator = InputMutator(seed: seed, corpus: [Self.config], extraTokens: ["[poll]", "[[poll]]", "= 1e999", "= -1", "= inf", "= nan", "\"\"\"", "= {", "= ["])
        for iteration in 0..<Self.iterations {
            if iteration % 100 == 0 { await Task.yield() }
            let text = mutator.nextString()
            do { _ = try ConfigFile.parse(text, file: "config.toml") } catch {
                #expect(error.file == "config.toml", "\(error)")
            }
        }
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func terraformOutputs(seed: UInt64) async {
        var mutator = InputMutator(seed: seed, corpus: [Self.outputs])
        for iteration in 0..<Self.iterations {
            if iteration % 100 == 0 { await Task.yield() }
            let text = mutator.nextString()
            do {
                let outputs = try TerraformOutputs.parse(text, file: "outputs.json")
                _ = outputs.lambdaFunctions.count
            } catch {
                #expect(error.file == "outputs.json", "\(error)")
            }
        }
    }
}
