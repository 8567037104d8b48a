import AWSSigV4
import Foundation
import Testing
@testable import TaskOpsAWS
import TaskOpsCore

/// Answers every request with one canned response and keeps what it was sent.
final class RecordingTransport: HTTPTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var sent: [HTTPRequest] = []
    let answer: HTTPResponse
    init(status: Int, body: String) { answer = HTTPResponse(status: status, headers: [], body: Array(body.utf8)) }
    var requests: [HTTPRequest] { lock.withLock { sent } }
    func send(_ request: HTTPRequest) async throws(StackError) -> HTTPResponse {
        lock.withLock { sent.append(request) }
        return answer
    }
}

@Suite struct AssumeRoleTests {
    static let answer = """
    <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult><Credentials>\
    <AccessKeyId>ASIAROLE</AccessKeyId><SecretAccessKey>rolesecret</SecretAccessKey><SessionToken>roletoken</SessionToken>\
    <Expiration>2999-01-01T00:00:00Z</Expiration></Credentials></AssumeRoleResult></AssumeRoleResponse>
    """

    @Test func roleProfileAssumesTheRoleWithItsSourceProfileKeys() async throws {
        let transport = RecordingTransport(status: 200, body: Self.answer)
        let files = SharedConfigFiles(
            credentials: SharedConfigFiles.parseINI("[base]\naws_access_key_id = AKIDBASE\naws_secret_access_key = basesecret\n", profilePrefix: false),
            config: SharedConfigFiles.parseINI("[profile admin]\nrole_arn = arn:aws:iam::123456789012:role/ops\nsource_profile = base\nregion = eu-west-1\nexternal_id = ext-1\nrole_session_name = me\n",
                                               profilePrefix: true))
        let chain = CredentialChain(environment: ["AWS_PROFILE": "admin", "AWS_ENDPOINT_URL_STS": "http://127.0.0.1:9"], files: files, profile: nil, transport: transport)
        let credentials = try await chain.credentials()
        #expect(credentials.accessKeyId == "ASIAROLE" && credentials.sessionToken == "roletoken" && credentials.expiration != nil)
        _ = try await chain.credentials()
        #expect(transport.requests.count == 1, "credentials far from expiry are cached")
        let request = try #require(transport.requests.first)
        #expect(request.url == "http://127.0.0.1:9")
        let form = String(decoding: request.body, as: UTF8.self)
        #expect(form.contains("Action=AssumeRole") && form.contains("RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fops"))
        #expect(form.contains("RoleSessionName=me") && form.contains("ExternalId=ext-1"))
        let authorization = request.headers.first { $0.name == "Authorization" }?.value ?? ""
        #expect(authorization.contains("Credential=AKIDBASE/") && authorization.contains("/eu-west-1/sts/aws4_request"))
        #expect(!authorization.contains("basesecret"))
    }

    @Test func concurrentCallersShareOneAssumeRole() async throws {
        let transport = RecordingTransport(status: 200, body: Self.answer)
        let files = SharedConfigFiles(credentials: ["base": ["aws_access_key_id": "AKIDBASE", "aws_secret_access_key": "s"]],
                                      config: ["ops": ["role_arn": "arn:aws:iam::1:role/ops", "source_profile": "base"]])
        let chain = CredentialChain(environment: [:], files: files, profile: "ops", transport: transport)
        let keys = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<20 { group.addTask { try await chain.credentials().accessKeyId } }
            return try await group.reduce(into: [String]()) { $0.append($1) }
        }
        #expect(Set(keys) == ["ASIAROLE"] && keys.count == 20)
        #expect(transport.requests.count == 1, "one STS call for twenty callers")
    }

    @Test func misconfiguredRoleProfilesSayWhy() async {
        let noSource = SharedConfigFiles(config: ["default": ["role_arn": "arn:aws:iam::1:role/x"]])
        let looping = SharedConfigFiles(config: ["a": ["role_arn": "arn:r", "source_profile": "b"], "b": ["role_arn": "arn:r", "source_profile": "a"]])
        for (files, profile, words) in [(noSource, "default", "source_profile"), (looping, "a", "loop")] {
            do {
                _ = try await CredentialChain(environment: [:], files: files, profile: profile, transport: RecordingTransport(status: 500, body: "")).credentials()
                Issue.record("expected a configuration error")
            } catch {
                #expect(error.kind == .auth)
                #expect(error.message.contains(words), "\(error.message)")
            }
        }
    }

    @Test func stsRefusalsMapToTheTaxonomyWithoutSecrets() async {
        let transport = RecordingTransport(status: 403, body: "<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>not allowed</Message></Error></ErrorResponse>")
        do {
            _ = try await AssumeRoleClient(region: "us-east-1", transport: transport)
                .assumeRole(.init(arn: "arn:r", sessionName: "s"), using: AWSCredentials(accessKeyId: "A", secretAccessKey: "hidden-secret"))
            Issue.record("expected a failure")
        } catch {
            #expect(error.kind == .auth && error.code == "AccessDenied" && error.service == "sts")
            #expect(!error.description.contains("hidden-secret"))
        }
        #expect(transport.requests.first?.url == "https://sts.us-east-1.amazonaws.com")
    }
}
