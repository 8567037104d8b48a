import Testing
@testable import TaskOpsCore

@Suite struct DashboardTests {
    static let appendix = #"{"widgets":[{"properties":{"metrics":[["AWS/Lambda","Invocations",{"label":"Total Invocations","stat":"Sum"}],[".","Errors",{"label":"Errors","stat":"Sum"}],[".","Throttles",{"label":"Throttles","stat":"Sum"}],[".","Duration",{"label":"Avg Duration","stat":"Average"}]],"period":300,"region":"us-east-1","stat":"Average","title":"Lambda Metrics Overview","yAxis":{"left":{"label":"Count"}}},"type":"metric"},{"properties":{"metrics":[["AWS/DynamoDB","ConsumedReadCapacityUnits",{"label":"Read Capacity","stat":"Sum"}],[".","ConsumedWriteCapacityUnits",{"label":"Write Capacity","stat":"Sum"}],[".","UserErrors",{"label":"User Errors","stat":"Sum"}],[".","SystemErrors",{"label":"System Errors","stat":"Sum"}]],"period":300,"region":"us-east-1","stat":"Average","title":"DynamoDB Metrics"},"type":"metric"},{"properties":{"metrics":[["AWS/ApiGateway","Count",{"label":"Total Requests","stat":"Sum"}],[".","4XXError",{"label":"4XX Errors","stat":"Sum"}],[".","5XXError",{"label":"5XX Errors","stat":"Sum"}],[".","Latency",{"label":"Latency","stat":"Average"}]],"period":300,"region":"us-east-1","stat":"Average","title":"API Gateway Metrics"},"type":"metric"},{"properties":{"metrics":[["AWS/States","ExecutionsStarted",{"label":"Executions Started","stat":"Sum"}],[".","ExecutionsSucceeded",{"label":"Executions Succeeded","stat":"Sum"}],[".","ExecutionsFailed",{"label":"Executions Failed","stat":"Sum"}],[".","ExecutionTime",{"label":"Avg Execution Time","stat":"Average"}]],"period":300,"region":"us-east-1","stat":"Average","title":"Step Functions Metrics"},"type":"metric"},{"properties":{"query":"SOURCE '/aws/lambda/task-manager-create-task-dev'\n| fields @timestamp, @message\n| filter @message like /ERROR/\n| sort @timestamp desc\n| limit 20\n","region":"us-east-1","title":"Recent Lambda Errors"},"type":"log"}]}"#

    @Test func deployedBodyIsTheAppendixByteForByte() {
        #expect(BuiltInDashboards.deployedBody(StackNames()) == Self.appendix)
    }

    @Test func parsesAndExpandsDotRows() throws {
        let body = try DashboardBodyParser.parse(Self.appendix)
        #expect(body.widgets.count == 5)
        #expect(body.widgets[0].metrics.map(\.namespace) == Array(repeating: "AWS/Lambda", count: 4))
        #expect(body.widgets[0].metrics[3].stat == "Average")
        #expect(body.widgets[0].metrics[0].stat == "Sum")
        #expect(body.widgets[0].yAxisLeftLabel == "Count")
        #expect(body.widgets[4].kind == .log)
        #expect(body.widgets[4].query?.contains("/ERROR/") == true)
    }

    @Test func parsesDimensionsAndPositions() throws {
        let body = try DashboardBodyParser.parse(##"{"widgets":[{"type":"metric","x":12,"y":0,"width":12,"height":4,"properties":{"metrics":[["AWS/ApiGateway","Count","ApiId","abc",{"stat":"Sum"}],[".","5xx",".","."]],"period":60}},{"type":"custom"},{"type":"text","properties":{"markdown":"# hi"}}]}"##)
        let rows = body.widgets[0].metrics
        #expect(rows[1].dimensions == [MetricDimension(name: "ApiId", value: "abc")])
        #expect(rows[1].metricName == "5xx")
        #expect(rows[1].period == 60)
        #expect(body.widgets[1].kind == .other)
        #expect(body.widgets[2].markdown == "# hi")
    }

    @Test(arguments: ["", "[]", "{\"widgets\": 3}", "nonsense"])
    func badBodiesAreErrors(_ text: String) {
        #expect(throws: DashboardBodyParser.Failure.self) { try DashboardBodyParser.parse(text) }
    }

    @Test func oddWidgetValuesDoNotCrash() throws {
        let body = try DashboardBodyParser.parse(#"{"widgets":[5, {"type":"metric","x":-4,"y":"a","width":99,"properties":{"metrics":[[1,2],["."],[{"expression":"m1"}],"x"]}}]}"#)
        #expect(body.widgets.count == 2)
        let placed = DashboardGridLayout.place(body.widgets)
        #expect(placed.count == 2)
        #expect(placed.allSatisfy { $0.x >= 0 && $0.x + $0.width <= 24 })
    }

    @Test func autoPlacementFillsRowsOfFour() throws {
        let body = try DashboardBodyParser.parse(Self.appendix)
        let placed = DashboardGridLayout.place(body.widgets)
        #expect(placed.map { [$0.x, $0.y, $0.width, $0.height] } == [[0, 0, 6, 6], [6, 0, 6, 6], [12, 0, 6, 6], [18, 0, 6, 6], [0, 6, 6, 6]])
    }

    @Test func positionedWidgetsAreHonouredAndOthersFlowAround() {
        let positioned = DashboardWidget(kind: .metric, typeName: "metric", x: 0, y: 0, width: 12, height: 3)
        let free = DashboardWidget(kind: .metric, typeName: "metric")
        let placed = DashboardGridLayout.place([free, positioned, free])
        #expect(placed.map { [$0.index, $0.x, $0.y] } == [[0, 12, 0], [1, 0, 0], [2, 18, 0]])
    }

    @Test func explainsRowsThatCanNeverHaveData() throws {
        let names = StackNames()
        let body = try DashboardBodyParser.parse(Self.appendix)
        let reasons = body.widgets.prefix(4).map { $0.metrics.map { NoDataExplainer.reason(for: $0, names: names) != nil } }
        #expect(reasons[0] == [false, false, false, false], "account-wide Lambda data exists")
        #expect(reasons[1] == [true, true, false, true], "only UserErrors can have data")
        #expect(reasons[2] == [true, true, true, true])
        #expect(reasons[3] == [true, true, true, true])
        let stack = BuiltInDashboards.stackDashboard(names, apiId: "abc123")
        #expect(stack.widgets.flatMap(\.metrics).allSatisfy { NoDataExplainer.reason(for: $0, names: names) == nil })
    }
}
