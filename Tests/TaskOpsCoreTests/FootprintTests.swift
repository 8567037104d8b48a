import Testing
import TaskOpsCore

@Suite struct FootprintTests {
    @Test func taskAPIRequestsAreInvocationsReadUnitsAndLogBytes() {
        var footprint = Footprint()
        footprint.add(CallRecord(service: "tasks", operation: "ListTasks", succeeded: true, responseBytes: 10_000), billedMillis: 120)
        footprint.add(CallRecord(service: "tasks", operation: "GetTask", succeeded: true, responseBytes: 300), billedMillis: 20)
        footprint.add(CallRecord(service: "tasks", operation: "CreateTask", succeeded: true, responseBytes: 300), billedMillis: 20)
        #expect(footprint.taskAPIRequests == 3 && footprint.lambdaInvocations == 3)
        #expect(footprint.dynamoDBReadUnits == 0.5 * 3 + 0.5, "10 KB is three 4 KB units at half a unit each; one item rounds up to one")
        #expect(abs(footprint.lambdaGBSeconds - 0.16 * 0.25) < 1e-12, "billed seconds × 0.25 GB")
        #expect(footprint.logBytesCaused == 3 * Footprint.logBytesPerTaskAPIRequest)
    }

    @Test func cloudWatchBillsMetricsAndRequestsLogsInsightsBillsBytes() {
        var footprint = Footprint()
        footprint.add(CallRecord(service: "monitoring", operation: "GetMetricData", succeeded: true, metricCount: 16), billedMillis: 0)
        footprint.add(CallRecord(service: "monitoring", operation: "DescribeAlarms", succeeded: true), billedMillis: 0)
        footprint.add(CallRecord(service: "logs", operation: "GetQueryResults", succeeded: true, scannedBytes: 1_073_741_824), billedMillis: 0)
        footprint.add(CallRecord(service: "states", operation: "ListExecutions", succeeded: true), billedMillis: 0)
        #expect(footprint.cloudWatchMetrics == 16 && footprint.cloudWatchRequests == 1 && footprint.logsRequests == 1 && footprint.stepFunctionsRequests == 1)
        let cost = Dictionary(uniqueKeysWithValues: footprint.cost().map { ($0.item, $0.usd) })
        #expect(abs((cost["CloudWatch metrics requested"] ?? 0) - 16 * 0.01 / 1000) < 1e-12)
        #expect(abs((cost["CloudWatch API requests"] ?? 0) - 0.01 / 1000) < 1e-12)
        #expect(abs((cost["Logs Insights scanned"] ?? 0) - 0.005) < 1e-12, "one GB scanned")
        #expect(footprint.taskAPIRequests == 0 && cost["API Gateway requests"] == 0)
    }

    @Test func ratesScaleTheSpan() {
        var footprint = Footprint()
        for _ in 0..<3 { footprint.add(CallRecord(service: "tasks", operation: "GetTask", succeeded: true, responseBytes: 100), billedMillis: 100) }
        footprint.span = 600
        let hourly = footprint.rate(per: 3600)
        #expect(hourly.taskAPIRequests == 18 && hourly.span == 3600)
        #expect(abs(hourly.totalCost() - footprint.totalCost() * 6) < 1e-12)
        #expect(Footprint().rate(per: 3600).totalCost() == 0, "no span, no rate")
    }

    @Test func reportLinesGiveTheirBilledDuration() {
        let line = "REPORT RequestId: 6f1c\tDuration: 12.34 ms\tBilled Duration: 13 ms\tMemory Size: 256 MB\tMax Memory Used: 70 MB\t"
        #expect(LambdaReport.billedMillis(in: line) == 13)
        #expect(LambdaReport.billedMillis(in: "START RequestId: 6f1c Version: $LATEST") == nil)
        #expect(LambdaReport.billedMillis(in: "REPORT RequestId: x\tBilled Duration: ms") == nil)
        #expect(LambdaReport.billedMillis(in: "REPORT RequestId: x\tBilled Duration: 99999999999999 ms") == nil, "absurd values are not believed")
    }
}
