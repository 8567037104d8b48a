import Foundation

/// The sources the polling service reads.
public enum SourceID: String, Sendable, Hashable, CaseIterable {
    case tasks, events, approvals, metrics, alarms
}

/// How fresh a source's data is and why not.
public struct SourceFreshness: Sendable, Hashable {
    public var source: SourceID
    public var lastSuccess: Date?
    public var lastAttempt: Date?
    public var lastError: StackError?
    public var nextPoll: Date?
    public var consecutiveFailures: Int
    /// Current backoff delay after failures (0 when healthy).
    public var backoff: TimeInterval
    public var inFlight: Bool

    public init(source: SourceID, lastSuccess: Date? = nil, lastAttempt: Date? = nil, lastError: StackError? = nil, nextPoll: Date? = nil,
                consecutiveFailures: Int = 0, backoff: TimeInterval = 0, inFlight: Bool = false) {
        self.source = source
        self.lastSuccess = lastSuccess
        self.lastAttempt = lastAttempt
        self.lastError = lastError
        self.nextPoll = nextPoll
        self.consecutiveFailures = consecutiveFailures
        self.backoff = backoff
        self.inFlight = inFlight
    }

    /// Seconds since the last good answer, nil if there never was one.
    public func age(now: Date) -> TimeInterval? { lastSuccess.map { max(0, now.timeIntervalSince($0)) } }
}

/// How the task list is kept: listed once and then kept from the stack's task records, or polled.
public struct TaskWatchStatus: Sendable, Hashable {
    public enum Mode: Sendable, Hashable {
        case starting
        /// Kept current from task records; a full list only to reconcile.
        case watching
        /// Listed every poll, as the records cannot be relied on (the reason says why).
        case polling(reason: String)
    }

    public var mode: Mode = .starting
    /// Full lists made (the first, reconciliations, refreshes, bursts, polls).
    public var lists = 0
    /// Single tasks read because a record said they changed.
    public var reads = 0
    /// Tasks a reconciliation found different from what the records had said: a lost record each.
    public var drift = 0

    public init() {}
}

public struct TasksSnapshot: Sendable {
    public var generation: Int
    public var tasks: [TaskItem]
    /// The API stopped at its limit: there may be more tasks than shown.
    public var mayBeTruncated: Bool
    public var freshness: SourceFreshness
    public var watch = TaskWatchStatus()

    public init(generation: Int = 0, tasks: [TaskItem] = [], mayBeTruncated: Bool = false, freshness: SourceFreshness = SourceFreshness(source: .tasks)) {
        self.generation = generation
        self.tasks = tasks
        self.mayBeTruncated = mayBeTruncated
        self.freshness = freshness
    }
}

public struct EventsSnapshot: Sendable {
    public var generation: Int
    /// Oldest first, merged across log groups by timestamp.
    public var events: [TaskEvent]
    /// Events dropped because the buffer was full (never silent: shown on screen).
    public var dropped: Int
    public var freshness: SourceFreshness
    /// The access-log lines of the console's own Task API requests, folded out of `events` (oldest first, bounded).
    public var ownEvents: [TaskEvent] = []
    /// How many such lines were folded out in all.
    public var ownFolded = 0
    /// Ingestion delay, the overlap window, late arrivals and refused page tokens.
    public var readHealth = EventReadHealth()

    public init(generation: Int = 0, events: [TaskEvent] = [], dropped: Int = 0, freshness: SourceFreshness = SourceFreshness(source: .events)) {
        self.generation = generation
        self.events = events
        self.dropped = dropped
        self.freshness = freshness
    }
}

/// A task waiting for a decision, joined with the executions that wait on it.
public struct PendingApproval: Sendable, Hashable, Identifiable {
    public var task: TaskItem
    /// RUNNING executions whose input's `detail.taskId` is this task (normally two).
    public var executions: [ExecutionInfo]
    /// When the wait began (the earliest execution's start, else the task's creation).
    public var waitingSince: Date?

    public var id: String { task.taskId }

    public init(task: TaskItem, executions: [ExecutionInfo], waitingSince: Date?) {
        self.task = task
        self.executions = executions
        self.waitingSince = waitingSince
    }
}

public enum ApprovalDecision: String, Sendable, Hashable {
    case approve = "approved"
    case reject = "rejected"
}

/// What happened when a decision was attempted.
public enum DecisionOutcome: Sendable, Hashable {
    case ok
    /// The task was no longer `pending_approval`: it holds `currentStatus` now.
    case conflict(currentStatus: String)
    case failed(StackError)
}

public struct ApprovalsSnapshot: Sendable {
    public var generation: Int
    /// Oldest first.
    public var pending: [PendingApproval]
    public var freshness: SourceFreshness
    /// Decisions of this console that raced another, by task id (see `DecisionWatch`).
    public var verdicts: [String: DecisionVerdict] = [:]

    public init(generation: Int = 0, pending: [PendingApproval] = [], freshness: SourceFreshness = SourceFreshness(source: .approvals)) {
        self.generation = generation
        self.pending = pending
        self.freshness = freshness
    }
}

/// One series of a metric widget.
public struct MetricSeries: Sendable, Hashable {
    public var label: String
    public var row: DashboardMetricRow
    /// Oldest first.
    public var timestamps: [Date]
    public var values: [Double]
    /// Why this row cannot have data on this stack, when that is known (not merely "no data yet").
    public var noDataReason: String?

    public init(label: String, row: DashboardMetricRow, timestamps: [Date] = [], values: [Double] = [], noDataReason: String? = nil) {
        self.label = label
        self.row = row
        self.timestamps = timestamps
        self.values = values
        self.noDataReason = noDataReason
    }

    public var latest: Double? { values.last }
}

/// A widget's data: series for metric widgets, rows for log widgets.
public struct WidgetData: Sendable, Hashable {
    public var widgetIndex: Int
    public var series: [MetricSeries]
    public var logColumns: [String]
    public var logRows: [[String]]
    /// An error or explanation for the whole widget.
    public var note: String?

    public init(widgetIndex: Int, series: [MetricSeries] = [], logColumns: [String] = [], logRows: [[String]] = [], note: String? = nil) {
        self.widgetIndex = widgetIndex
        self.series = series
        self.logColumns = logColumns
        self.logRows = logRows
        self.note = note
    }
}

/// Which dashboard is shown: the deployed one, or the built-in one with the stack's real dimensions.
public enum DashboardSource: String, Sendable, Hashable {
    case deployed, stack
}

public struct MetricsSnapshot: Sendable {
    public var generation: Int
    public var source: DashboardSource
    public var dashboardName: String
    public var dashboard: DashboardBody
    public var placement: [PlacedWidget]
    public var widgets: [WidgetData]
    /// Why the deployed dashboard could not be read, when the built-in layout stands in.
    public var dashboardNote: String?
    public var freshness: SourceFreshness

    public init(generation: Int = 0, source: DashboardSource = .deployed, dashboardName: String = "", dashboard: DashboardBody = DashboardBody(widgets: []),
                placement: [PlacedWidget] = [], widgets: [WidgetData] = [], dashboardNote: String? = nil,
                freshness: SourceFreshness = SourceFreshness(source: .metrics)) {
        self.generation = generation
        self.source = source
        self.dashboardName = dashboardName
        self.dashboard = dashboard
        self.placement = placement
        self.widgets = widgets
        self.dashboardNote = dashboardNote
        self.freshness = freshness
    }
}

public struct AlarmStatus: Sendable, Hashable {
    public var alarm: AlarmInfo
    /// Why the alarm's metric can never have data on this stack, when known.
    public var noDataReason: String?
    public init(alarm: AlarmInfo, noDataReason: String? = nil) {
        self.alarm = alarm
        self.noDataReason = noDataReason
    }
}

public struct AlarmsSnapshot: Sendable {
    public var generation: Int
    public var alarms: [AlarmStatus]
    public var freshness: SourceFreshness

    public init(generation: Int = 0, alarms: [AlarmStatus] = [], freshness: SourceFreshness = SourceFreshness(source: .alarms)) {
        self.generation = generation
        self.alarms = alarms
        self.freshness = freshness
    }
}

/// The console's own requests, per service, and what they cost the stack it watches.
public struct CallMeterSnapshot: Sendable, Hashable {
    /// Calls per service (`tasks`, `monitoring`, `logs`, `states`) in the last 60 s.
    public var callsLastMinute: [String: Int]
    public var totalCalls: [String: Int]
    /// The last hour's load (or since the start), as a rate per hour.
    public var footprintPerHour: Footprint
    /// What that load costs per hour (USD, `StackPrices.usEast1`).
    public var costPerHour: Double

    public init(callsLastMinute: [String: Int] = [:], totalCalls: [String: Int] = [:], footprintPerHour: Footprint = Footprint(), costPerHour: Double = 0) {
        self.callsLastMinute = callsLastMinute
        self.totalCalls = totalCalls
        self.footprintPerHour = footprintPerHour
        self.costPerHour = costPerHour
    }
}

/// Everything the console shows, as one immutable value.
public struct StackSnapshot: Sendable {
    public var tasks: TasksSnapshot
    public var events: EventsSnapshot
    public var approvals: ApprovalsSnapshot
    public var metrics: MetricsSnapshot
    public var alarms: AlarmsSnapshot
    public var calls: CallMeterSnapshot

    public init(tasks: TasksSnapshot = TasksSnapshot(), events: EventsSnapshot = EventsSnapshot(), approvals: ApprovalsSnapshot = ApprovalsSnapshot(),
                metrics: MetricsSnapshot = MetricsSnapshot(), alarms: AlarmsSnapshot = AlarmsSnapshot(), calls: CallMeterSnapshot = CallMeterSnapshot()) {
        self.tasks = tasks
        self.events = events
        self.approvals = approvals
        self.metrics = metrics
        self.alarms = alarms
        self.calls = calls
    }
}
