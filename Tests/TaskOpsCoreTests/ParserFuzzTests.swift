import Foundation
import Testing
import TaskOpsCore
import TaskOpsTesting

/// Seeded mutation fuzzing of the parsers of remote input in Core: a fixed number of inputs per
/// seed, each parsed (and its result used) without a crash. A failure names its seed and input.
/// The loops yield now and then: tests share a small cooperative thread pool with the simulator.
@Suite struct ParserFuzzTests {
    static let iterations = 2500
    static let seeds: [UInt64] = [1, 2, 3]

    static let dashboardBody = ##"{"widgets":[{"properties":{"metrics":[["AWS/Lambda","Invocations",{"label":"Total Invocations","stat":"Sum"}],[".","Errors",{"label":"Errors","stat":"Sum"}]],"period":300,"region":"us-east-1","stat":"Average","title":"Lambda Metrics Overview","yAxis":{"left":{"label":"Count"}}},"type":"metric"},{"x":0,"y":6,"width":12,"height":3,"properties":{"metrics":[["AWS/ApiGateway","Count","ApiId","abc",{"stat":"Sum","period":60}]],"title":"API"},"type":"metric"},{"properties":{"query":"SOURCE '/aws/lambda/task-manager-create-task-dev'\n| filter @message like /ERROR/\n","region":"us-east-1","title":"Recent Lambda Errors"},"type":"log"},{"type":"text","width":24,"height":2,"properties":{"markdown":"# hi"}},{"type":"alarm","properties":{"alarms":["arn:a"],"title":"A"}}]}"##

    static let jsonBodies = [
        #"{"task": {"taskId": "3f1c", "title": "Ship \u00e9", "ttl": "1803352505", "tags": ["1", 2], "metadata": {"environment": "dev"}}}"#,
        #"{"tasks": [{"taskId": "a", "createdAt": "2026-11-24T10:11:12.123456"}], "count": 1, "lastEvaluatedKey": {"taskId": "a"}}"#,
        #"{"events":[{"eventId":"1","timestamp":1795000000000,"message":"START RequestId: x Version: $LATEST\n","logStreamName":"s"}],"nextToken":"t"}"#,
        #"{"MetricDataResults":[{"Id":"w0r0","Timestamps":[1795000000,1795000060.5],"Values":[1,2.5e3],"StatusCode":"Complete"}]}"#,
        #"{"__type":"com.amazonaws.logs#ThrottlingException","message":"Rate exceeded"}"#,
        dashboardBody, "[1, -0, 1e400, 0.1, true, false, null, \"\\ud83d\\ude00\"]", "\"\\u0000\\u001b]52;c;x\\u0007\"",
    ]

    static let logLines: [(group: String, message: String)] = [
        ("/aws/lambda/task-manager-create-task-dev", "START RequestId: 6f1e Version: $LATEST"),
        ("/aws/lambda/task-manager-create-task-dev", "REPORT RequestId: 6f1e\tDuration: 12.34 ms\tBilled Duration: 13 ms\tMemory Size: 256 MB\tMax Memory Used: 80 MB\tXRAY TraceId: 1-2-3"),
        ("/aws/lambda/task-manager-create-task-dev", "Published TaskCreated event for task 3f1c"),
        ("/aws/lambda/task-manager-task-created-handler-dev", #"Received TaskCreated event: {"detail-type": "TaskCreated", "detail": {"taskId": "3f1c", "priority": "high"}}"#),
        ("/aws/lambda/task-manager-task-updated-handler-dev", "Task 3f1c updated: pending -> completed"),
        ("/aws/events/task-manager-dev", #"{"version":"0","id":"e","detail-type":"TaskApproved","source":"task-manager","time":"2026-11-24T10:11:12Z","detail":{"taskId":"3f1c","status":"approved"}}"#),
        ("/aws/vendedlogs/states/task-manager-task-approval-dev", #"{"id":"3","type":"TaskStateEntered","details":{"name":"WaitForApproval","input":"{}"},"execution_arn":"arn:x","event_timestamp":"1795000000000"}"#),
        ("/aws/apigateway/task-manager-dev", #"{"httpMethod":"POST","status":"201","routeKey":"POST /tasks","requestId":"r","responseLength":"300"}"#),
        ("/aws/lambda/task-manager-create-task-dev", "[ERROR] KeyError: 'title'\nTraceback (most recent call last):"),
    ]

    @Test func jsonParser() async {
        for seed in Self.seeds {
            var mutator = InputMutator(seed: seed, corpus: Self.jsonBodies)
            for iteration in 0..<Self.iterations {
                if iteration % 100 == 0 { await Task.yield() }
                let input = mutator.next()
                if let value = try? JSONParser.parse(input) {
                    // Whatever parses must write and parse back the same.
                    #expect((try? JSONParser.parse(JSONWriter.compact(value))) == value, "seed \(seed): \(String(decoding: input, as: UTF8.self))")
                    _ = value.displayText
                    _ = value.objectValue.flatMap(TaskItem.init(json:))
                }
            }
        }
    }

    @Test func jsonParserRefusesDeepNestingWithoutOverflowingTheStack() {
        for opener in ["[", "{\"a\":", "[{\"a\":"] {
            let deep = String(repeating: opener, count: 200_000)
            #expect(throws: JSONParseError.self) { _ = try JSONParser.parse(deep) }
        }
    }

    @Test func logLineParser() async {
        for seed in Self.seeds {
            var mutator = InputMutator(seed: seed, corpus: Self.logLines.map(\.message))
            for index in 0..<Self.iterations {
                if index % 100 == 0 { await Task.yield() }
                let group = Self.logLines[index % Self.logLines.count].group
                var rng = mutator.generator
                let timestamp = Int64(bitPattern: rng.next()) >> (index % 64)
                let event = LogLineParser.parse(LogEvent(eventId: "\(index)", logGroup: group, logStream: "s", timestamp: timestamp,
                                                         ingestionTime: timestamp, message: mutator.nextString()))
                #expect(event.id == "\(index)")
            }
        }
    }

    @Test func dashboardBodyParserAndLayout() async {
        for seed in Self.seeds {
            var mutator = InputMutator(seed: seed, corpus: [Self.dashboardBody, BuiltInDashboards.deployedBody(StackNames())])
            for iteration in 0..<Self.iterations {
                if iteration % 100 == 0 { await Task.yield() }
                guard let body = try? DashboardBodyParser.parse(mutator.nextString()) else { continue }
                let placed = DashboardGridLayout.place(body.widgets)
                #expect(placed.count == body.widgets.count)
                for widget in placed { #expect(widget.x >= 0 && widget.x + widget.width <= DashboardGridLayout.columns) }
            }
        }
    }

    /// Whatever parses writes a form that parses back to the same instant (to the microsecond the
    /// format keeps), and dates outside the writable years are written as its nearest end.
    @Test func timestampsAndDates() async {
        var mutator = InputMutator(seed: 9, corpus: ["2026-11-24T10:11:12.123456", "2026-11-24T10:11:12Z", "2026-11-24T10:11:12.123+02:00",
                                                     "Tue, 24 Nov 2026 10:11:12 GMT", "1795000000"])
        var parsed = 0, parsedHTTP = 0
        for iteration in 0..<Self.iterations {
            if iteration % 100 == 0 { await Task.yield() }
            let text = mutator.nextString()
            if let date = StackTime.parse(text) {
                parsed += 1
                let written = StackTime.pythonISO(date)
                let back = StackTime.parse(written)
                #expect(back.map { abs($0.timeIntervalSince(date)) < 2e-6 } == true || !Self.writable(date), "\(text) → \(written)")
                #expect(StackTime.parse(StackTime.isoMillisZ(date)).map { abs($0.timeIntervalSince(date)) < 2e-3 } == true || !Self.writable(date))
            }
            if let date = StackTime.parseHTTPDate(text) {
                parsedHTTP += 1
                let written = StackTime.httpDate(date)
                #expect(StackTime.parseHTTPDate(written) == date, "\(text) → \(written)")
            }
        }
        // Seed 9 parses 47 ISO and 15 HTTP dates: the round trips above are exercised, not skipped.
        #expect(parsed >= 40 && parsedHTTP >= 10, "the mutations still parse now and then: \(parsed), \(parsedHTTP)")
        let ends: [(Double, String, String)] = [(1e300, "9999-12-31T23:59:59", "99991231T235959Z"), (-1e300, "0001-01-01T00:00:00", "00010101T000000Z"),
                                                (.infinity, "9999-12-31T23:59:59", "99991231T235959Z"), (-.infinity, "0001-01-01T00:00:00", "00010101T000000Z"),
                                                (.nan, "1970-01-01T00:00:00", "19700101T000000Z"), (9.3e18, "9999-12-31T23:59:59", "99991231T235959Z"),
                                                (-9.3e18, "0001-01-01T00:00:00", "00010101T000000Z"), (1e15, "9999-12-31T23:59:59", "99991231T235959Z")]
        for (seconds, iso, amz) in ends {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(StackTime.pythonISO(date) == iso, "\(seconds)")
            #expect(StackTime.isoMillisZ(date) == iso + ".000Z", "\(seconds)")
            #expect(StackTime.amzDate(date) == amz, "\(seconds)")
            #expect(StackTime.parseHTTPDate(StackTime.httpDate(date)) == StackTime.parse(iso), "\(seconds)")
        }
    }

    static func writable(_ date: Date) -> Bool {
        (-62_135_596_800.0...253_402_300_799.0).contains(date.timeIntervalSince1970)
    }
}
