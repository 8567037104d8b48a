import Foundation
import Testing
import TaskOpsCore
@testable import TaskOpsSim

@Suite struct SimAlarmTests {
    func describe(_ stack: SimStack, _ name: String) throws -> JSONValue? {
        let body = Array(JSONWriter.compact(.object(["AlarmNames": .array([.string(name)])])).utf8)
        return try JSONParser.parse(stack.handleAWS(target: "GraniteServiceVersion20100801.DescribeAlarms", body: body, contentType: "application/x-amz-json-1.0").bodyText)["MetricAlarms"]?.arrayValue?.first
    }

    @Test func throttlesDriveTheAlarmIntoAlarmAndBack() throws {
        let clock = ManualSimClock()
        let stack = SimStackFactory.make(.init(seed: 9), clock: clock)
        let name = "task-manager-lambda-throttles-dev"
        #expect(try describe(stack, name)?["StateValue"] == .string("INSUFFICIENT_DATA"))
        stack.setFaults(try SimFaults.parse("lambda-throttles=1"))
        for _ in 0..<8 {
            _ = stack.handleTaskAPI(SimRequest(method: "POST", path: "/dev/tasks", headers: [("Content-Type", "application/json")],
                                               body: Array(#"{"title": "t", "userId": "u"}"#.utf8)))
        }
        clock.advance(by: 300)
        stack.runDue()
        let alarm = try describe(stack, name)
        #expect(alarm?["StateValue"] == .string("ALARM"))
        #expect(alarm?["StateReason"]?.stringValue?.hasPrefix("Threshold Crossed: 1 datapoint [8.0 (") == true)
        stack.setFaults(SimFaults())
        clock.advance(by: 600)
        stack.runDue()
        #expect(try describe(stack, name)?["StateValue"] == .string("OK"))
        let history = try JSONParser.parse(stack.handleAWS(target: "GraniteServiceVersion20100801.DescribeAlarmHistory",
                                                           body: Array(#"{"AlarmName": "task-manager-lambda-throttles-dev"}"#.utf8),
                                                           contentType: "application/x-amz-json-1.0").bodyText)
        let summaries = history["AlarmHistoryItems"]?.arrayValue?.compactMap { $0["HistorySummary"]?.stringValue } ?? []
        #expect(summaries.contains("Alarm updated from ALARM to OK"))
        #expect(summaries.contains("Alarm updated from INSUFFICIENT_DATA to ALARM"))
        #expect(try describe(stack, "task-manager-api-5xx-errors-dev")?["StateValue"] == .string("OK"), "5XXError never has data: stays OK")
    }

    /// SetAlarmState holds until the next evaluation disagrees, is recorded in the history, and
    /// refuses what CloudWatch refuses.
    @Test func setAlarmStateHoldsUntilTheNextEvaluation() throws {
        let clock = ManualSimClock()
        let stack = SimStackFactory.make(.init(seed: 9), clock: clock)
        func set(_ body: String) throws -> JSONValue {
            try JSONParser.parse(stack.handleAWS(target: "GraniteServiceVersion20100801.SetAlarmState", body: Array(body.utf8), contentType: "application/x-amz-json-1.0").bodyText)
        }
        let name = "task-manager-api-latency-dev"
        clock.advance(by: 300)
        stack.runDue()
        #expect(try describe(stack, name)?["StateValue"] == .string("OK"))
        #expect(try set(#"{"AlarmName":"\#(name)","StateValue":"ALARM","StateReason":"drill: paging test"}"#).objectValue?.isEmpty == true)
        let alarm = try describe(stack, name)
        #expect(alarm?["StateValue"] == .string("ALARM") && alarm?["StateReason"] == .string("drill: paging test"))
        #expect(try set(#"{"AlarmName":"nope","StateValue":"OK","StateReason":"x"}"#)["__type"] == .string("ResourceNotFound"))
        #expect(try set(#"{"AlarmName":"\#(name)","StateValue":"RED","StateReason":"x"}"#)["__type"] == .string("ValidationError"))
        #expect(try set(#"{"AlarmName":"\#(name)","StateValue":"OK"}"#)["__type"] == .string("ValidationError"))
        #expect(try set(#"{"AlarmName":"\#(name)","StateValue":"OK","StateReason":"\#(String(repeating: "x", count: 1024))"}"#)["__type"] == .string("ValidationError"))
        #expect(try set(#"{"AlarmName":"\#(name)","StateValue":"OK","StateReason":"x","StateReasonData":"{not json"}"#)["__type"] == .string("InvalidFormat"))
        #expect(try describe(stack, name)?["StateValue"] == .string("ALARM"), "refused calls change nothing")
        clock.advance(by: 60)
        stack.runDue()
        #expect(try describe(stack, name)?["StateValue"] == .string("OK"), "the next evaluation puts it back")
        let history = try JSONParser.parse(stack.handleAWS(target: "GraniteServiceVersion20100801.DescribeAlarmHistory",
                                                           body: Array(#"{"AlarmName": "\#(name)"}"#.utf8), contentType: "application/x-amz-json-1.0").bodyText)
        let summaries = history["AlarmHistoryItems"]?.arrayValue?.compactMap { $0["HistorySummary"]?.stringValue } ?? []
        #expect(summaries.contains("Alarm updated from OK to ALARM") && summaries.contains("Alarm updated from ALARM to OK"))
    }

    @Test func getMetricDataValidatesLikeCloudWatch() throws {
        let stack = SimStackFactory.make(.init(), clock: ManualSimClock())
        func call(_ body: String) throws -> JSONValue {
            try JSONParser.parse(stack.handleAWS(target: "GraniteServiceVersion20100801.GetMetricData", body: Array(body.utf8), contentType: "").bodyText)
        }
        let query = #"{"Id":"%@","MetricStat":{"Metric":{"Namespace":"AWS/Lambda","MetricName":"Invocations"},"Period":300,"Stat":"Sum"}}"#
        let many = (0..<501).map { String(format: query, "q\($0)") }.joined(separator: ",")
        #expect(try call(#"{"MetricDataQueries":[\#(many)],"StartTime":1,"EndTime":2}"#)["__type"] == .string("ValidationError"))
        let upper = String(format: query, "Bad")
        #expect(try call(#"{"MetricDataQueries":[\#(upper)],"StartTime":1,"EndTime":2}"#)["__type"] == .string("ValidationError"))
        let ok = String(format: query, "ok")
        #expect(try call(#"{"MetricDataQueries":[\#(ok)],"StartTime":5,"EndTime":2}"#)["__type"] == .string("ValidationError"))
        #expect(try call(#"{"MetricDataQueries":[\#(ok)],"StartTime":1,"EndTime":2}"#)["MetricDataResults"]?.arrayValue?.count == 1)
        let dashboard = try JSONParser.parse(stack.handleAWS(target: "GraniteServiceVersion20100801.GetDashboard", body: Array(#"{"DashboardName":"nope"}"#.utf8), contentType: "").bodyText)
        #expect(dashboard["__type"] == .string("ResourceNotFound"))
    }
}
