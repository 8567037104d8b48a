import Foundation
import Testing
import TaskOpsAWS
import TaskOpsCore

@Suite(.serialized) struct MotoClientTests {
    @Test(.enabled(if: MotoServer.unavailableReason == nil, "needs python3 with moto[server] (scripts/setup.sh --test installs it)"))
    func signedCallsWorkAndAWrongSecretIsAnAuthError() async throws {
        let moto = try await MotoServer.start()
        let stack = moto.clients()
        _ = try await stack.logs.client.call("CreateLogGroup", ["logGroupName": .string("/aws/lambda/task-manager-create-task-dev")])
        let groups = try await stack.logs.describeLogGroups(prefix: "/aws/lambda/", nextToken: nil)
        #expect(groups.groups.map(\.name) == ["/aws/lambda/task-manager-create-task-dev"])
        let events = try await stack.logs.filterLogEvents(FilterLogEventsRequest(logGroupName: "/aws/lambda/task-manager-create-task-dev"))
        #expect(events.events.isEmpty)
        let alarms = try await stack.cloudWatch.describeAlarms(prefix: nil, maxRecords: nil, nextToken: nil)
        #expect(alarms.alarms.isEmpty)
        #expect(try await stack.cloudWatch.listDashboards(prefix: nil).isEmpty)
        #expect(try await stack.stepFunctions.listStateMachines(nextToken: nil).machines.isEmpty)
        do {
            _ = try await stack.stepFunctions.describeExecution(arn: "arn:aws:states:us-east-1:123456789012:execution:none:none")
            Issue.record("expected ExecutionDoesNotExist")
        } catch {
            #expect(error.kind == .notFound)
        }
        do {
            _ = try await moto.clients(secret: "wrong-secret").logs.describeLogGroups(prefix: nil, nextToken: nil)
            Issue.record("a wrong secret must be refused")
        } catch {
            #expect(error.kind == .auth)
            #expect(!error.description.contains("wrong-secret"))
            #expect(!error.description.contains(moto.credentials.secretAccessKey))
        }
    }
}
