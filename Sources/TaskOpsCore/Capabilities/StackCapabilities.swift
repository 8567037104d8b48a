import Foundation

/// The Task API's five routes.
public protocol TaskAPI: Sendable {
    func listTasks(status: String?, userId: String?, limit: Int?) async throws(StackError) -> TaskPage
    func getTask(id: String) async throws(StackError) -> TaskItem
    func createTask(_ draft: TaskDraft) async throws(StackError) -> TaskItem
    func updateTask(id: String, changes: TaskChanges) async throws(StackError) -> TaskItem
    func deleteTask(id: String) async throws(StackError)
}

/// CloudWatch Logs reads.
public protocol LogsAPI: Sendable {
    func filterLogEvents(_ request: FilterLogEventsRequest) async throws(StackError) -> FilterLogEventsPage
    func describeLogGroups(prefix: String?, nextToken: String?) async throws(StackError) -> (groups: [LogGroupInfo], nextToken: String?)
    /// Starts a Logs Insights query over the groups; times in epoch seconds. Returns the query id.
    func startQuery(logGroupNames: [String], queryString: String, startTime: Int64, endTime: Int64, limit: Int?) async throws(StackError) -> String
    func getQueryResults(queryId: String) async throws(StackError) -> InsightsQueryResults
}

/// CloudWatch metrics, alarms and dashboards.
public protocol CloudWatchAPI: Sendable {
    func getMetricData(_ request: GetMetricDataRequest) async throws(StackError) -> GetMetricDataPage
    func getDashboard(name: String) async throws(StackError) -> DashboardInfo
    func listDashboards(prefix: String?) async throws(StackError) -> [String]
    func describeAlarms(prefix: String?, maxRecords: Int?, nextToken: String?) async throws(StackError) -> DescribeAlarmsPage
    func describeAlarmHistory(alarmName: String?, maxRecords: Int?, nextToken: String?) async throws(StackError) -> (items: [AlarmHistoryItem], nextToken: String?)
}

/// Step Functions reads.
public protocol StepFunctionsAPI: Sendable {
    func listStateMachines(nextToken: String?) async throws(StackError) -> (machines: [StateMachineInfo], nextToken: String?)
    func listExecutions(stateMachineArn: String, status: ExecutionStatus?, maxResults: Int?, nextToken: String?) async throws(StackError) -> ListExecutionsPage
    func describeExecution(arn: String) async throws(StackError) -> ExecutionInfo
    func getExecutionHistory(arn: String, maxResults: Int?, nextToken: String?) async throws(StackError) -> ExecutionHistoryPage
}

/// The server's idea of now, learned from the `Date` headers of its answers, so that time windows
/// are computed on the server's clock (a skewed client, or a simulator running faster than real time).
public protocol ServerClock: Sendable {
    func serverNow() -> Date
}

/// Where "now" comes from; injectable so tests and the simulator run on virtual time.
public protocol TimeSource: Sendable {
    func now() -> Date
}

public struct SystemTimeSource: TimeSource, ServerClock {
    public init() {}
    public func now() -> Date { Date() }
    public func serverNow() -> Date { Date() }
}
