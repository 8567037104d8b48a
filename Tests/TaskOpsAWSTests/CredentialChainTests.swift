import Foundation
import Testing
@testable import TaskOpsAWS
import TaskOpsCore

@Suite struct CredentialChainTests {
    @Test func environmentWins() async throws {
        let chain = CredentialChain(environment: ["AWS_ACCESS_KEY_ID": "AKIDENV", "AWS_SECRET_ACCESS_KEY": "s", "AWS_SESSION_TOKEN": "t", "AWS_REGION": "eu-west-1"],
                                    files: SharedConfigFiles(credentials: ["default": ["aws_access_key_id": "AKIDFILE", "aws_secret_access_key": "f"]]), profile: nil)
        let creds = try await chain.credentials()
        #expect(creds.accessKeyId == "AKIDENV")
        #expect(creds.sessionToken == "t")
        #expect(chain.region == "eu-west-1")
    }

    @Test func profilesFromBothFiles() async throws {
        let files = SharedConfigFiles(
            credentials: SharedConfigFiles.parseINI("[ops]\naws_access_key_id = AKIDOPS\naws_secret_access_key = x\n", profilePrefix: false),
            config: SharedConfigFiles.parseINI("[profile ops]\nregion = ap-south-1\n# comment\n[default]\nregion=us-west-2\n", profilePrefix: true))
        let chain = CredentialChain(environment: ["AWS_PROFILE": "ops"], files: files, profile: nil)
        #expect(try await chain.credentials().accessKeyId == "AKIDOPS")
        #expect(chain.region == "ap-south-1")
    }

    @Test func credentialProcessOutputIsRead() async throws {
        let json = #"{"Version": 1, "AccessKeyId": "AKIDPROC", "SecretAccessKey": "p", "SessionToken": "tok", "Expiration": "2099-01-01T00:00:00Z"}"#
        let files = SharedConfigFiles(config: ["default": ["credential_process": "printf '%s' '\(json)'"]])
        let creds = try await CredentialChain(environment: [:], files: files, profile: nil).credentials()
        #expect(creds.accessKeyId == "AKIDPROC")
        #expect(creds.expiration != nil)
        let failing = SharedConfigFiles(config: ["default": ["credential_process": "exit 3"]])
        await #expect(throws: StackError.self) { try await CredentialChain(environment: [:], files: failing, profile: nil).credentials() }
    }

    @Test func missingCredentialsSayWhatToDo() async {
        do {
            _ = try await CredentialChain(environment: [:], files: SharedConfigFiles(), profile: "nope").credentials()
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .auth)
            #expect(error.message.contains("AWS_PROFILE"))
        }
    }

    @Test func endpointOverridesFollowTheCLI() {
        let env = ["AWS_ENDPOINT_URL": "http://all:1", "AWS_ENDPOINT_URL_SFN": "http://sfn:2"]
        let endpoints = StackClients.Endpoints.resolve(region: "us-east-1", override: nil, environment: env)
        #expect(endpoints.stepFunctions == "http://sfn:2")
        #expect(endpoints.logs == "http://all:1")
        #expect(StackClients.Endpoints.resolve(region: "eu-west-1", override: nil, environment: [:]).cloudWatch == "https://monitoring.eu-west-1.amazonaws.com")
    }
}
