/// The names of every resource of one deployment of the Task Management stack, derived as its
/// Terraform derives them from `project`, `env` and `region`.
public struct StackNames: Sendable, Hashable {
    public var project: String
    public var env: String
    public var region: String
    public var account: String

    public init(project: String = "task-manager", env: String = "dev", region: String = "us-east-1", account: String = "123456789012") {
        self.project = project
        self.env = env
        self.region = region
        self.account = account
    }

    public var apiName: String { "\(project)-api-\(env)" }
    public var tableName: String { "\(project)-tasks-\(env)" }
    public var eventBusName: String { "\(project)-events-\(env)" }
    public var stateMachineName: String { "\(project)-task-approval-\(env)" }
    public var stateMachineArn: String { "arn:aws:states:\(region):\(account):stateMachine:\(stateMachineName)" }
    public var dashboardName: String { "\(project)-dashboard-\(env)" }
    public var alarmTopicName: String { "\(project)-alarms-\(env)" }
    public var customNamespace: String { "TaskManager/\(env)" }

    public var ruleNames: [String] {
        ["task-created", "task-updated", "task-completed", "high-priority-task"].map { "\(project)-\($0)-\(env)" }
    }

    /// The eight Lambda functions, keyed by the `lambda_functions` output's keys.
    public var functions: [(key: String, name: String)] {
        [
            ("create_task", "\(project)-create-task-\(env)"),
            ("get_task", "\(project)-get-task-\(env)"),
            ("update_task", "\(project)-update-task-\(env)"),
            ("delete_task", "\(project)-delete-task-\(env)"),
            ("list_tasks", "\(project)-list-tasks-\(env)"),
            ("task_created", "\(project)-task-created-handler-\(env)"),
            ("task_updated", "\(project)-task-updated-handler-\(env)"),
            ("task_completed", "\(project)-task-completed-handler-\(env)"),
        ]
    }

    public func functionName(_ key: String) -> String? { functions.first { $0.key == key }?.name }
    public func functionArn(_ name: String) -> String { "arn:aws:lambda:\(region):\(account):function:\(name)" }

    public func lambdaLogGroup(_ functionName: String) -> String { "/aws/lambda/\(functionName)" }
    public var stateMachineLogGroup: String { "/aws/vendedlogs/states/\(stateMachineName)" }
    public var eventsLogGroup: String { "/aws/events/\(project)-\(env)" }
    public var apiAccessLogGroup: String { "/aws/apigateway/\(project)-\(env)" }

    /// Every log group the stack writes to.
    public var allLogGroups: [String] {
        functions.map { lambdaLogGroup($0.name) } + [stateMachineLogGroup, eventsLogGroup, apiAccessLogGroup]
    }

    public var alarmNames: [String] {
        ["lambda-errors", "lambda-throttles", "dynamodb-read-throttles", "dynamodb-write-throttles",
         "api-5xx-errors", "api-latency", "stepfunctions-failures", "lambda-duration"].map { "\(project)-\($0)-\(env)" }
    }
}
