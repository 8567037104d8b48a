import TaskOpsCore

/// Reads the stack's alarms (DescribeAlarms, every page) and says which can never have data.
public struct AlarmsPoller: SourcePoller {
    public let source = SourceID.alarms
    let cloudWatch: any CloudWatchAPI
    let store: StackStore
    let names: StackNames

    public init(cloudWatch: any CloudWatchAPI, store: StackStore, names: StackNames) {
        self.cloudWatch = cloudWatch
        self.store = store
        self.names = names
    }

    public func poll() async throws(StackError) {
        var alarms: [AlarmInfo] = []
        var token: String?
        var pages = 0
        repeat {
            let page = try await cloudWatch.describeAlarms(prefix: "\(names.project)-", maxRecords: CloudWatchLimits.describeAlarmsPageSize, nextToken: token)
            alarms += page.alarms
            token = page.nextToken
            pages += 1
        } while token != nil && pages < 50
        let mine = alarms.filter { $0.name.hasSuffix("-\(names.env)") }
        let statuses = mine.map { AlarmStatus(alarm: $0, noDataReason: NoDataExplainer.reason(for: $0, names: names)) }
        guard store.current().alarms.alarms != statuses else { return }
        store.update { snapshot in
            snapshot.alarms.alarms = statuses
            snapshot.alarms.generation += 1
        }
    }
}
