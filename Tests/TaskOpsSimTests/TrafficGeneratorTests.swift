import Foundation
import Testing
import TaskOpsCore
@testable import TaskOpsSim

/// The generated traffic must not grow the stack without bound: the table stays near its
/// population, waiting tasks get decided, and their executions finish rather than pile up.
@Suite struct TrafficGeneratorTests {
    @Test func theTableAndTheRunningExecutionsStayBounded() throws {
        let clock = ManualSimClock()
        let stack = SimStackFactory.make(.init(seed: 3), clock: clock)
        let traffic = TrafficGenerator(stack: stack, seed: 3)
        func executions(_ status: String) throws -> Int {
            let body = Array(JSONWriter.compact(.object(["stateMachineArn": .string(stack.names.stateMachineArn), "statusFilter": .string(status),
                                                          "maxResults": .int(1000)])).utf8)
            let answer = try JSONParser.parse(stack.handleAWS(target: "AWSStepFunctions.ListExecutions", body: body, contentType: "application/x-amz-json-1.0").bodyText)
            return answer["executions"]?.arrayValue?.count ?? -1
        }
        func tasks() throws -> Int {
            try JSONParser.parse(stack.handleTaskAPI(SimRequest(method: "GET", path: "/dev/tasks", query: "limit=1000")).bodyText)["tasks"]?.arrayValue?.count ?? -1
        }
        var running: [Int] = [], held: [Int] = []
        // Forty virtual minutes at two actions a second: past the approver's patience, the
        // workflow's 300 s loop and the 15 minutes before a finished task is deleted.
        for second in 1...2400 {
            traffic.step()
            traffic.step()
            clock.advance(by: 1)
            stack.runDue()
            if second % 300 == 0 {
                running.append(try executions("RUNNING"))
                held.append(try tasks())
            }
        }
        #expect(held.allSatisfy { $0 <= traffic.population + 1 } && held.last ?? 0 > 50, "tasks held every 5 minutes: \(held)")
        #expect(try executions("SUCCEEDED") > 20, "decided tasks' executions finish")
        // The running executions level off instead of growing with every task ever created.
        #expect(running.suffix(3).max() ?? 0 <= (running.dropLast(3).max() ?? 0) + 10 && (running.max() ?? 0) < 150,
                "running executions every 5 minutes: \(running)")
    }
}
