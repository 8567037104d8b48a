import Foundation
import Testing
import TaskOpsAWS
import TaskOpsCore

@Suite(.serialized) struct MotoClientTests {
    @Test(.enabled(if: ToolRequirement.moto.runs, "needs python3 with moto[server] (scripts/setup.sh --test installs it)"))
    func signedCallsWorkAndAWrongSecretIsAnAuthError() async throws {
        try ToolRequirement.moto.check()
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

    @Test(.enabled(if: ToolRequirement.moto.runs, "needs python3 with moto[server] (scripts/setup.sh --test installs it)"))
    func roleProfilesAssumeTheRoleThroughSTS() async throws {
        try ToolRequirement.moto.check()
        let moto = try await MotoServer.start()
        let trust = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:AssumeRole"}]}"#
        let allow = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#
        // moto re-encodes the form it parsed to check the signature: encode exactly as botocore does.
        let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        func encoded(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text }
        _ = try await moto.iam(CurlTransport(), "Action=CreateRole&RoleName=ops&AssumeRolePolicyDocument=\(encoded(trust))&Version=2010-05-08")
        _ = try await moto.iam(CurlTransport(), "Action=PutRolePolicy&RoleName=ops&PolicyName=all&PolicyDocument=\(encoded(allow))&Version=2010-05-08")
        let files = SharedConfigFiles(
            credentials: ["base": ["aws_access_key_id": moto.credentials.accessKeyId, "aws_secret_access_key": moto.credentials.secretAccessKey]],
            config: ["ops": ["role_arn": "arn:aws:iam::123456789012:role/ops", "source_profile": "base", "region": "us-east-1"]])
        let chain = CredentialChain(environment: ["AWS_ENDPOINT_URL_STS": moto.endpoint], files: files, profile: "ops")
        let assumed = try await chain.credentials()
        #expect(assumed.sessionToken != nil && assumed.accessKeyId != moto.credentials.accessKeyId)
        let stack = StackClients(region: "us-east-1", endpoints: .resolve(region: "us-east-1", override: moto.endpoint, environment: [:]),
                                 apiURL: nil, credentials: chain)
        #expect(try await stack.logs.describeLogGroups(prefix: nil, nextToken: nil).groups.isEmpty, "calls signed with the role's session work")
    }
}
