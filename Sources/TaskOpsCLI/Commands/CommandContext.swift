import TaskOpsCore

/// What every scriptable command needs: the target, the clients, where to write, how.
public struct CommandContext: Sendable {
    public var target: StackTarget
    public var tasks: (any TaskAPI)?
    public var cloudWatch: (any CloudWatchAPI)?
    public var logs: (any LogsAPI)?
    public var stepFunctions: (any StepFunctionsAPI)?
    public var output: CommandOutput
    public var json: Bool
    public var measure: TextMeasure
    /// The server's clock as learned from answers (time windows are computed on it).
    public var clock: any ServerClock = SystemTimeSource()

    public init(target: StackTarget, tasks: (any TaskAPI)?, cloudWatch: (any CloudWatchAPI)?, logs: (any LogsAPI)?,
                stepFunctions: (any StepFunctionsAPI)?, output: CommandOutput, json: Bool, measure: TextMeasure) {
        self.target = target
        self.tasks = tasks
        self.cloudWatch = cloudWatch
        self.logs = logs
        self.stepFunctions = stepFunctions
        self.output = output
        self.json = json
        self.measure = measure
    }

    /// Reports a failure as one line on standard error and returns its exit status.
    public func fail(_ error: StackError) -> ExitStatus {
        output.error("taskops: \(measure.sanitize(error.description))\(hint(for: error))")
        return ExitStatus.of(error)
    }

    public func fail(_ message: String, _ status: ExitStatus) -> ExitStatus {
        output.error("taskops: \(message)")
        return status
    }

    func requireTasks() throws(StackError) -> any TaskAPI {
        guard let tasks else {
            throw StackError(kind: .validation, code: "NoApiUrl",
                             message: "no Task API URL: set --api-url, TASKOPS_API_URL, --tf-outputs or api_url in the config file")
        }
        return tasks
    }

    func requireWrite() throws(StackError) {
        if target.readonly {
            throw StackError(kind: .readOnly, code: "ReadOnly", message: "refused: taskops is read-only (--readonly)")
        }
    }

    private func hint(for error: StackError) -> String {
        switch error.kind {
        case .auth: return " — check the AWS profile/credentials (AWS_PROFILE, ~/.aws/credentials)"
        case .throttled, .server, .network: return " — transient; try again"
        default: return ""
        }
    }
}
