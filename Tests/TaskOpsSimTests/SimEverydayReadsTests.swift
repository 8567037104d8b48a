import Foundation
import Testing
import TaskOpsCore
@testable import TaskOpsSim

/// The reads everyday tools make against these services (`aws cloudwatch get-metric-statistics`
/// and `list-metrics`, `aws logs describe-log-streams` and `get-log-events`, `aws events
/// list-rules`) are answered, with the stack's rules, buses and targets.
@Suite struct SimEverydayReadsTests {
    let clock = ManualSimClock()
    let stack: SimStack

    init() throws {
        stack = SimStackFactory.make(.init(seed: 6), clock: clock)
        for i in 0..<3 {
            _ = stack.handleTaskAPI(SimRequest(method: "POST", path: "/dev/tasks", headers: [("Content-Type", "application/json")],
                                               body: Array(#"{"title": "t\#(i)", "userId": "u", "priority": "high"}"#.utf8)))
            clock.advance(by: 1)
        }
        clock.advance(by: 60)
        stack.runDue()
    }

    func aws(_ target: String, _ body: JSONObject, json: String = "1.1") throws -> JSONValue {
        try JSONParser.parse(stack.handleAWS(target: target, body: Array(JSONWriter.compact(.object(body)).utf8), contentType: "application/x-amz-json-\(json)").bodyText)
    }

    @Test func eventBridgeListsTheBusRulesAndTargets() throws {
        let bus = JSONValue.string("task-manager-events-dev")
        let buses = try aws("AWSEvents.ListEventBuses", [:])["EventBuses"]?.arrayValue?.compactMap { $0["Name"]?.stringValue }
        #expect(buses == ["default", "task-manager-events-dev"])
        let rules = try aws("AWSEvents.ListRules", ["EventBusName": bus])["Rules"]?.arrayValue ?? []
        #expect(rules.compactMap { $0["Name"]?.stringValue }.prefix(4) == ["task-manager-task-created-dev", "task-manager-task-updated-dev",
                                                                          "task-manager-task-completed-dev", "task-manager-high-priority-task-dev"])
        #expect(rules.first { $0["Name"] == .string("task-manager-high-priority-task-dev") }?["EventPattern"]
                == .string(#"{"detail":{"priority":["high"]},"detail-type":["TaskCreated"],"source":["task-manager"]}"#))
        #expect(try aws("AWSEvents.ListRules", [:])["Rules"]?.arrayValue?.isEmpty == true, "the default bus has none")
        let targets = try aws("AWSEvents.ListTargetsByRule", ["Rule": .string("task-manager-task-created-dev"), "EventBusName": bus])["Targets"]?.arrayValue
        #expect(targets?.first?["Arn"] == .string("arn:aws:lambda:us-east-1:123456789012:function:task-manager-task-created-handler-dev"))
        let workflow = try aws("AWSEvents.ListTargetsByRule", ["Rule": .string("task-manager-high-priority-task-dev"), "EventBusName": bus])["Targets"]?.arrayValue
        #expect(workflow?.first?["Arn"] == .string(stack.names.stateMachineArn))
        #expect(try aws("AWSEvents.DescribeRule", ["Name": .string("nope"), "EventBusName": bus])["__type"] == .string("ResourceNotFoundException"))
        #expect(try aws("AWSEvents.ListRules", ["EventBusName": .string("other")])["__type"] == .string("ResourceNotFoundException"))
    }

    @Test func logStreamsAndTheirEventsCanBeTailed() throws {
        let group = JSONValue.string("/aws/lambda/task-manager-task-created-handler-dev")
        let streams = try aws("Logs_20140328.DescribeLogStreams", ["logGroupName": group, "orderBy": .string("LastEventTime"), "descending": .bool(true)])
        let stream = try #require(streams["logStreams"]?.arrayValue?.first)
        let name = try #require(stream["logStreamName"]?.stringValue)
        #expect(name.contains("[$LATEST]"))
        #expect(stream["lastEventTimestamp"]?.numberValue != nil && stream["firstEventTimestamp"]?.numberValue != nil)
        let head = try aws("Logs_20140328.GetLogEvents", ["logGroupName": group, "logStreamName": .string(name), "startFromHead": .bool(true), "limit": .int(2)])
        #expect(head["events"]?.arrayValue?.first?["message"]?.stringValue?.hasPrefix("INIT_START") == true)
        var token = try #require(head["nextForwardToken"]?.stringValue)
        var messages = head["events"]?.arrayValue?.compactMap { $0["message"]?.stringValue } ?? []
        while true {
            let page = try aws("Logs_20140328.GetLogEvents", ["logGroupName": group, "logStreamName": .string(name), "nextToken": .string(token), "limit": .int(5)])
            messages += page["events"]?.arrayValue?.compactMap { $0["message"]?.stringValue } ?? []
            let next = try #require(page["nextForwardToken"]?.stringValue)
            if next == token { break }
            token = next
        }
        let stored = stack.logs.events(in: "/aws/lambda/task-manager-task-created-handler-dev").filter { $0.stream == name }.map(\.message)
        #expect(messages == stored, "following forward tokens reads the stream once, in order, and the token repeats at the end")
        #expect(messages.filter { $0.hasPrefix("Started Step Functions execution:") }.count == 3)
        let tail = try aws("Logs_20140328.GetLogEvents", ["logGroupName": group, "logStreamName": .string(name), "limit": .int(1)])
        #expect(tail["events"]?.arrayValue?.first?["message"]?.stringValue?.hasPrefix("REPORT") == true, "without startFromHead: the newest")
        #expect(try aws("Logs_20140328.GetLogEvents", ["logGroupName": group, "logStreamName": .string("nope")])["__type"] == .string("ResourceNotFoundException"))
    }

    @Test func metricStatisticsAndTheListOfMetrics() throws {
        let now = Int64(clock.now().timeIntervalSince1970)
        let stats = try aws("GraniteServiceVersion20100801.GetMetricStatistics", [
            "Namespace": .string("AWS/Lambda"), "MetricName": .string("Invocations"), "StartTime": .int(Int(now - 3600)), "EndTime": .int(Int(now + 60)),
            "Period": .int(3600), "Statistics": .array([.string("Sum"), .string("SampleCount")]),
            "Dimensions": .array([.object(["Name": .string("FunctionName"), "Value": .string("task-manager-create-task-dev")])]),
        ], json: "1.0")
        let points = stats["Datapoints"]?.arrayValue ?? []
        #expect(points.compactMap { $0["Sum"]?.numberValue?.doubleValue }.reduce(0, +) == 3, "three create-task invocations")
        #expect(stats["Label"] == .string("Invocations"))
        let listed = try aws("GraniteServiceVersion20100801.ListMetrics", ["Namespace": .string("AWS/Lambda"), "MetricName": .string("Invocations"),
                                                                          "Dimensions": .array([.object(["Name": .string("FunctionName")])])], json: "1.0")
        let functions = listed["Metrics"]?.arrayValue?.compactMap { $0["Dimensions"]?.arrayValue?.first?["Value"]?.stringValue } ?? []
        #expect(functions.contains("task-manager-create-task-dev") && functions.contains("task-manager-task-created-handler-dev"))
        #expect(!functions.contains(""), "a dimension filter leaves out the account-wide series")
        #expect(try aws("GraniteServiceVersion20100801.GetMetricStatistics", ["Namespace": .string("AWS/Lambda"), "MetricName": .string("Invocations"),
                                                                              "StartTime": .int(Int(now)), "EndTime": .int(Int(now + 60)), "Period": .int(60),
                                                                              "Statistics": .array([.string("Median")])], json: "1.0")["__type"]
                == .string("InvalidParameterValue"))
    }
}
