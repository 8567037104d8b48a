import Foundation
import Testing
import TaskOpsCore

extension ProcessDriven {
    /// Secret keys and session tokens never reach standard output, standard error (text or `--json`),
    /// or the audit log — whether the signature is refused, accepted, or credentials cannot be read.
    @Suite(.serialized) struct SecretExposureTests {
        static let rightSecret = "RightSecretKeyExample0123456789abcdefABCDEF"
        static let wrongSecret = "WrongSecretKeyExample9876543210zyxwvuZYXWVU"
        static let sessionToken = "IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKENFwoGZXIvYXdzEBYaDGx2c3RleGFtcGxl"
        static let secrets = [rightSecret, wrongSecret, sessionToken]

        /// Every command that reads or writes the stack, in text and JSON.
        static func commands(taskId: String) -> [[String]] {
            [["alarms"], ["alarms", "--json"], ["metrics"], ["metrics", "--json"], ["events", "--since", "10m"], ["events", "--since", "10m", "--json"],
             ["approvals"], ["approvals", "--json"], ["tasks"], ["tasks", "--json"], ["task", "get", taskId], ["task", "get", taskId, "--json"],
             ["approve", taskId], ["reject", taskId, "--json"], ["task", "get", "no-such-task"]]
        }

        func leaks(in text: String) -> [String] {
            Self.secrets.filter { text.contains($0) || text.contains(String($0.prefix(16))) }
        }

        func run(secret: String, expectAuthFailure: Bool) throws {
            let (server, endpoint, banner) = try ServeProcess.start(["--auth", "AKIDGOOD:\(Self.rightSecret)"])
            defer { server.stop() }
            #expect(leaks(in: banner).isEmpty, "the simulator's banner")
            let home = try ServeProcess.temporaryDirectory()
            let env = ServeProcess.environment(home: home, ["AWS_ACCESS_KEY_ID": "AKIDGOOD", "AWS_SECRET_ACCESS_KEY": secret,
                                                            "AWS_SESSION_TOKEN": Self.sessionToken, "AWS_REGION": "us-east-1"])
            let common = ["--api-url", endpoint + "/dev", "--endpoint-url", endpoint]
            let created = try Subprocess.run(Subprocess.taskopsBinary, ["task", "create", "--title", "secret test", "--user", "ops", "--priority", "high", "--json"] + common,
                                             environment: env)
            let id = try #require(try JSONParser.parse(created.stdout.trimmingCharacters(in: .whitespacesAndNewlines))["taskId"]?.stringValue)
            for arguments in Self.commands(taskId: id) {
                let result = try Subprocess.run(Subprocess.taskopsBinary, arguments + common, environment: env)
                #expect(leaks(in: result.stdout + result.stderr).isEmpty, "\(arguments.joined(separator: " ")) printed a secret")
                if expectAuthFailure && ["alarms", "metrics", "events", "approvals"].contains(arguments[0]) {
                    #expect(result.status == 5, "\(arguments.joined(separator: " ")) is an auth failure: \(result.status) \(result.stderr)")
                }
            }
            let audit = try String(contentsOfFile: home + "/taskops/audit.log", encoding: .utf8)
            #expect(audit.split(separator: "\n").count == 2, "both decisions were audited")
            #expect(leaks(in: audit).isEmpty, "the audit log holds a secret")
        }

        @Test func refusedSignatureWithSessionToken() throws {
            try run(secret: Self.wrongSecret, expectAuthFailure: true)
        }

        @Test func acceptedSignatureWithSessionToken() throws {
            try run(secret: Self.rightSecret, expectAuthFailure: false)
        }

        @Test func failingCredentialProcessOutputIsNotEchoed() throws {
            let home = try ServeProcess.temporaryDirectory()
            try FileManager.default.createDirectory(atPath: home + "/.aws", withIntermediateDirectories: true)
            let failing = "sh -c 'echo \(Self.wrongSecret) >&2; echo \(Self.sessionToken); exit 1'"
            let malformed = "sh -c 'echo {\\\"Version\\\": 2, \\\"SecretAccessKey\\\": \\\"\(Self.wrongSecret)\\\", \\\"SessionToken\\\": \\\"\(Self.sessionToken)\\\"}'"
            try """
                [profile failing]
                credential_process = \(failing)
                [profile malformed]
                credential_process = \(malformed)
                [profile static]
                aws_access_key_id = AKIDSTATIC
                aws_secret_access_key = \(Self.wrongSecret)
                aws_session_token = \(Self.sessionToken)

                """.write(toFile: home + "/.aws/config", atomically: true, encoding: .utf8)
            for profile in ["failing", "malformed", "static"] {
                for json in [false, true] {
                    let env = ServeProcess.environment(home: home, ["AWS_PROFILE": profile, "AWS_REGION": "us-east-1"])
                    // Nothing listens on port 9: the static profile fails to connect after signing.
                    let result = try Subprocess.run(Subprocess.taskopsBinary, ["alarms", "--endpoint-url", "http://127.0.0.1:9"] + (json ? ["--json"] : []),
                                                    environment: env, timeout: 60)
                    #expect(result.status != 0, "\(profile)")
                    #expect(leaks(in: result.stdout + result.stderr).isEmpty, "profile \(profile) printed a secret: \(result.stderr)")
                }
            }
        }
    }
}
