import Foundation
import TaskOpsCore

/// The approval state machine (STANDARD): ValidateTask → CheckPriority → WaitForApproval →
/// WaitForManualApproval (300 s) → CheckApprovalStatus → IsApproved, looping until a decision.
extension SimStack {
    public static let approvalWaitSeconds: TimeInterval = 300

    /// Starts an execution; nil when one with the same name exists (`ExecutionAlreadyExists`).
    func startExecution(name: String, input: JSONObject) -> String? {
        let arn = "arn:aws:states:\(names.region):\(names.account):execution:\(names.stateMachineName):\(name)"
        guard executions[arn] == nil else { return nil }
        let now = currentTime
        executions.add(SimExecution(arn: arn, name: name, status: .running, start: now, input: input))
        metrics?.executionStarted(at: now)
        record(arn, "ExecutionStarted", state: nil, at: now, details: ["input": .string(JSONWriter.compact(.object(input))),
                                                                       "roleArn": .string("arn:aws:iam::\(names.account):role/\(names.project)-step-functions-role-\(names.env)")])
        schedule(after: 0.05) { [unowned self] in self.validateTask(arn) }
        return arn
    }

    private func validateTask(_ arn: String) {
        let now = currentTime
        enterTask(arn, "ValidateTask", at: now)
        if originalIAM {
            let cause = "User: arn:aws:sts::\(names.account):assumed-role/\(names.project)-step-functions-role-\(names.env)/\(rng.hex(16)) is not authorized to perform: lambda:InvokeFunction on resource: \(names.functionArn(names.functionName("get_task") ?? "")) because no identity-based policy allows the lambda:InvokeFunction action (Service: Lambda, Status Code: 403)"
            record(arn, "TaskFailed", state: nil, at: now, details: ["error": .string("Lambda.AWSLambdaException"), "cause": .string(cause)])
            record(arn, "TaskStateExited", state: "ValidateTask", at: now)
            fail(arn, state: "TaskValidationFailed", at: now)
            return
        }
        invoke("get_task", at: now, lines: [])
        record(arn, "TaskSucceeded", state: nil, at: now)
        record(arn, "TaskStateExited", state: "ValidateTask", at: now)
        let priority = executions[arn]?.input["detail"]?["priority"]?.stringValue
        record(arn, "ChoiceStateEntered", state: "CheckPriority", at: now)
        record(arn, "ChoiceStateExited", state: "CheckPriority", at: now)
        if priority == "high" {
            enterTask(arn, "WaitForApproval", at: now)
            if let id = executions[arn]?.taskId, var item = table.item(id: id) {
                item["status"] = .string(TaskStatus.pendingApproval)
                table.put(item)
            }
            record(arn, "TaskSucceeded", state: nil, at: now)
            record(arn, "TaskStateExited", state: "WaitForApproval", at: now)
            waitForManualApproval(arn, at: now)
        } else {
            enterTask(arn, "AutoApproveTask", at: now)
            if let id = executions[arn]?.taskId {
                var lines: [String] = []
                _ = updateTask(id: id, body: "{\"status\": \"approved\"}", at: now, lines: &lines)
                invoke("update_task", at: now, lines: lines)
            }
            record(arn, "TaskSucceeded", state: nil, at: now)
            record(arn, "TaskStateExited", state: "AutoApproveTask", at: now)
            processDecision(arn, approved: true, at: now)
        }
    }

    private func waitForManualApproval(_ arn: String, at now: Date) {
        record(arn, "WaitStateEntered", state: "WaitForManualApproval", at: now)
        schedule(after: Self.approvalWaitSeconds) { [unowned self] in self.checkApprovalStatus(arn) }
    }

    private func checkApprovalStatus(_ arn: String) {
        let now = currentTime
        guard executions[arn]?.status == .running else { return }
        record(arn, "WaitStateExited", state: "WaitForManualApproval", at: now)
        enterTask(arn, "CheckApprovalStatus", at: now)
        invoke("get_task", at: now, lines: [])
        let status = executions[arn].flatMap { table.item(id: $0.taskId)?["status"]?.stringValue }
        record(arn, "TaskSucceeded", state: nil, at: now)
        record(arn, "TaskStateExited", state: "CheckApprovalStatus", at: now)
        record(arn, "ChoiceStateEntered", state: "IsApproved", at: now)
        record(arn, "ChoiceStateExited", state: "IsApproved", at: now)
        switch status {
        case "approved": processDecision(arn, approved: true, at: now)
        case "rejected": processDecision(arn, approved: false, at: now)
        default: waitForManualApproval(arn, at: now)
        }
    }

    private func processDecision(_ arn: String, approved: Bool, at now: Date) {
        let state = approved ? "ProcessApprovedTask" : "TaskRejected"
        enterTask(arn, state, at: now)
        let id = executions[arn]?.taskId ?? ""
        publish(approved ? "TaskApproved" : "TaskRejected",
                detail: [("status", .string(approved ? "approved" : "rejected")), ("taskId", .string(id)), ("timestamp", .string(StackTime.isoMillisZ(now)))],
                at: now)
        record(arn, "TaskSucceeded", state: nil, at: now)
        record(arn, "TaskStateExited", state: state, at: now)
        if approved {
            record(arn, "SucceedStateEntered", state: "TaskApprovalComplete", at: now)
            record(arn, "SucceedStateExited", state: "TaskApprovalComplete", at: now)
            finish(arn, .succeeded, at: now)
            executions[arn]?.output = "{}"
            record(arn, "ExecutionSucceeded", state: nil, at: now)
        } else {
            fail(arn, state: "TaskRejectionComplete", at: now)
        }
    }

    /// Ends the execution in the Fail state `state`, with the error and cause the definition gives it.
    private func fail(_ arn: String, state: String, at now: Date) {
        let (error, cause) = StateMachineDefinition.failState(state, names: names)
        record(arn, "FailStateEntered", state: state, at: now)
        finish(arn, .failed, at: now)
        executions[arn]?.error = error
        executions[arn]?.cause = cause
        var details = JSONObject()
        if let error { details["error"] = .string(error) }
        if let cause { details["cause"] = .string(cause) }
        record(arn, "ExecutionFailed", state: nil, at: now, details: details)
    }

    private func finish(_ arn: String, _ status: ExecutionStatus, at now: Date) {
        guard var execution = executions[arn] else { return }
        execution.status = status
        execution.stop = now
        executions[arn] = execution
        metrics?.executionFinished(status, durationMs: now.timeIntervalSince(execution.start) * 1000, at: now)
    }

    private func enterTask(_ arn: String, _ state: String, at now: Date) {
        record(arn, "TaskStateEntered", state: state, at: now)
        record(arn, "TaskScheduled", state: nil, at: now)
    }

    /// Appends a history event and the vended log record Step Functions writes at level ALL.
    private func record(_ arn: String, _ type: String, state: String?, at now: Date, details: JSONObject = JSONObject()) {
        guard var execution = executions[arn] else { return }
        let id = execution.history.count + 1
        let cause = details["cause"]?.stringValue
        execution.history.append(ExecutionHistoryEvent(id: id, previousEventId: id - 1, type: type, timestamp: now, stateName: state,
                                                        error: details["error"]?.stringValue, cause: cause))
        executions[arn] = execution
        var logDetails = details
        if let state { logDetails["name"] = .string(state) }
        if type == "ExecutionStarted" || type.hasSuffix("StateEntered") {
            logDetails["input"] = .string(JSONWriter.compact(.object(execution.input)))
        }
        let record = JSONObject([
            ("id", .string(String(id))), ("type", .string(type)), ("details", .object(logDetails)),
            ("previous_event_id", .string(String(id - 1))), ("event_timestamp", .string(String(Self.millis(now)))), ("execution_arn", .string(arn)),
        ])
        guard workflowLog else { return }
        logs.append(group: names.stateMachineLogGroup, stream: "states/\(names.stateMachineName)/\(StackTime.amzDate(execution.start))/\(execution.name)",
                    message: JSONWriter.compact(.object(record)), timestampMillis: Self.millis(now))
    }

    /// Read access for the Step Functions service (called under the lock).
    var executionList: [SimExecution] { executions.all }
    func execution(arn: String) -> SimExecution? { executions[arn] }
}
