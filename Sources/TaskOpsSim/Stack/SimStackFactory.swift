import Foundation
import TaskOpsCore

/// Builds a complete simulated stack: model, logs, metrics, alarms and the CloudWatch service.
public enum SimStackFactory {
    public struct Options: Sendable {
        public var names: StackNames
        public var apiId: String
        public var seed: UInt64
        public var originalIAM: Bool
        public var snsTopicArn: String?
        /// The catch-all rule logging every bus event to `/aws/events/…`, as deployments often add (the original Terraform has none).
        public var eventsLog: Bool
        /// The state machine's logging to its vended log group (a deployment may set its level to OFF).
        public var workflowLog: Bool
        public init(names: StackNames = StackNames(), apiId: String = "a1b2c3d4e5", seed: UInt64 = 1, originalIAM: Bool = false, snsTopicArn: String? = nil,
                    eventsLog: Bool = true, workflowLog: Bool = true) {
            self.names = names
            self.apiId = apiId
            self.seed = seed
            self.originalIAM = originalIAM
            self.snsTopicArn = snsTopicArn
            self.eventsLog = eventsLog
            self.workflowLog = workflowLog
        }
    }

    public static func make(_ options: Options, clock: any SimClock) -> SimStack {
        let metricStore = SimMetricStore()
        let recorder = SimStackMetricsRecorder(names: options.names, apiId: options.apiId, store: metricStore)
        let alarms = SimAlarms(names: options.names, apiId: options.apiId, store: metricStore, snsTopicArn: options.snsTopicArn, createdAt: clock.now())
        let stack = SimStack(names: options.names, apiId: options.apiId, clock: clock, seed: options.seed, originalIAM: options.originalIAM,
                             eventsLog: options.eventsLog, workflowLog: options.workflowLog, metrics: recorder, tickers: [alarms])
        stack.register(SimCloudWatchService(store: metricStore, alarms: alarms,
                                            dashboards: [options.names.dashboardName: BuiltInDashboards.deployedBody(options.names)]))
        return stack
    }
}
