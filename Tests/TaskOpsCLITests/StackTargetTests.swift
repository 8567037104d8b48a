import Testing
@testable import TaskOpsCLI

@Suite struct StackTargetTests {
    static let outputsJSON = """
        {
          "api_gateway_id": {"sensitive": false, "type": "string", "value": "abc123"},
          "api_gateway_url": {"sensitive": false, "type": "string", "value": "https://abc123.execute-api.eu-west-1.amazonaws.com"},
          "cloudwatch_dashboard_name": {"sensitive": false, "type": "string", "value": "shop-dashboard-prod"},
          "dynamodb_table_name": {"sensitive": false, "type": "string", "value": "shop-tasks-prod"},
          "lambda_functions": {"sensitive": false, "type": ["object", {}], "value": {"create_task": "arn:aws:lambda:eu-west-1:210987654321:function:shop-create-task-prod"}},
          "sns_topic_arn": {"sensitive": false, "type": "string", "value": ""},
          "step_function_arn": {"sensitive": false, "type": "string", "value": "arn:aws:states:eu-west-1:210987654321:stateMachine:shop-task-approval-prod"}
        }
        """

    @Test func terraformOutputsDeriveTheNames() throws {
        let target = try StackTargetResolver.resolve(
            flags: StackFlags(tfOutputs: "outputs.json"), environment: [:], config: ConfigFile(),
            loadOutputs: { path throws(ConfigError) in try TerraformOutputs.parse(Self.outputsJSON, file: path) })
        #expect(target.names.project == "shop")
        #expect(target.names.env == "prod")
        #expect(target.names.region == "eu-west-1")
        #expect(target.names.account == "210987654321")
        #expect(target.apiURL == "https://abc123.execute-api.eu-west-1.amazonaws.com/prod", "the output has no stage")
        #expect(target.apiID == "abc123")
        #expect(target.dashboardName == "shop-dashboard-prod")
        #expect(target.isConfigured)
    }

    @Test func flagsBeatEnvironmentBeatConfig() throws {
        var config = ConfigFile()
        config.project = "fromfile"
        config.region = "ap-south-1"
        config.apiURL = "https://file.example/dev"
        let target = try StackTargetResolver.resolve(
            flags: StackFlags(project: "fromflag"),
            environment: ["AWS_REGION": "us-west-2", "TASKOPS_API_URL": "https://xyz.execute-api.us-west-2.amazonaws.com/dev/"],
            config: config)
        #expect(target.names.project == "fromflag")
        #expect(target.names.region == "us-west-2")
        #expect(target.apiURL == "https://xyz.execute-api.us-west-2.amazonaws.com/dev")
        #expect(target.apiID == "xyz")
    }

    @Test func nothingConfiguredIsReported() throws {
        let target = try StackTargetResolver.resolve(flags: StackFlags(), environment: [:], config: ConfigFile())
        #expect(!target.isConfigured)
    }

    @Test func badOutputsNameTheProblem() {
        #expect(throws: ConfigError.self) { try TerraformOutputs.parse("{\"api_gateway_url\": {\"value\": 5, \"type\": \"string\"}}", file: "o.json") }
        #expect(throws: ConfigError.self) { try TerraformOutputs.parse("[1,2]", file: "o.json") }
        #expect(throws: ConfigError.self) { try TerraformOutputs.parse("{\"other\": 1}", file: "o.json") }
        #expect {
            try TerraformOutputs.parse("{\n\"a\": ,\n}", file: "o.json")
        } throws: { ($0 as? ConfigError)?.line == 2 }
    }
}
