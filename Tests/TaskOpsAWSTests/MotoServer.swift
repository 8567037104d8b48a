import AWSSigV4
import Foundation
@testable import TaskOpsAWS
import TaskOpsCore

/// `python3 -m moto.server` on a loopback port with request-signature checking on: the first three
/// calls (IAM user, its access key, an allow-all policy) run unauthenticated; every later call must
/// be signed with the key they created (`INITIAL_NO_AUTH_ACTION_COUNT=3`).
final class MotoServer: @unchecked Sendable {
    let process: ChildProcess
    let endpoint: String
    var credentials = AWSCredentials(accessKeyId: "", secretAccessKey: "")

    /// Why moto cannot run here (nil when it can).
    static let unavailableReason: String? = {
        guard let python = ChildProcess.which("python3") else { return "python3 is not installed" }
        let probe = try? ChildProcess.run(python, ["-c", "import moto.server, flask"], timeout: 60)
        return probe?.status == 0 ? nil : "moto[server] is not installed for python3"
    }()

    init(port: Int) throws {
        var environment = ProcessInfo.processInfo.environment
        environment["INITIAL_NO_AUTH_ACTION_COUNT"] = "3"
        process = try ChildProcess(ChildProcess.which("python3") ?? "/usr/bin/python3", ["-m", "moto.server", "-H", "127.0.0.1", "-p", String(port)],
                                   environment: environment, stdout: .discard, stderr: .discard)
        endpoint = "http://127.0.0.1:\(port)"
    }

    deinit { process.stop() }

    static func start() async throws -> MotoServer {
        let server = try MotoServer(port: Int.random(in: 20_000...60_000))
        let transport = CurlTransport()
        var ready = false
        for _ in 0..<150 where !ready {
            if let answer = try? await transport.send(HTTPRequest(method: "GET", url: server.endpoint + "/moto-api/data.json", timeout: 2)), answer.status == 200 {
                ready = true
            } else {
                try await Task.sleep(nanoseconds: 100_000_000)
            }
        }
        guard ready else { throw StackError(kind: .network, code: "MotoNotReady", message: "moto_server did not start") }
        _ = try await server.iam(transport, "Action=CreateUser&UserName=ops&Version=2010-05-08")
        let key = try await server.iam(transport, "Action=CreateAccessKey&UserName=ops&Version=2010-05-08")
        let policy = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#
        let encoded = policy.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? policy
        _ = try await server.iam(transport, "Action=PutUserPolicy&UserName=ops&PolicyName=all&PolicyDocument=\(encoded)&Version=2010-05-08")
        guard let id = AWSErrorMapper.xmlElement("AccessKeyId", in: key), let secret = AWSErrorMapper.xmlElement("SecretAccessKey", in: key) else {
            throw StackError(kind: .malformed, code: "NoKey", message: "CreateAccessKey answered without a key")
        }
        server.credentials = AWSCredentials(accessKeyId: id, secretAccessKey: secret)
        return server
    }

    /// An IAM Query call during set-up (signed with a throwaway key, not checked while the allowance lasts),
    /// or with the created key once set-up is done.
    func iam(_ transport: CurlTransport, _ form: String) async throws -> String {
        let body = Array(form.utf8)
        var headers: [(name: String, value: String)] = [("Host", String(endpoint.dropFirst("http://".count))), ("Content-Type", "application/x-www-form-urlencoded")]
        headers += SigV4Signer(region: "us-east-1", service: "iam").sign(SigV4Signer.Request(method: "POST", path: "/", headers: headers, body: body),
                                                                         credentials: credentials.accessKeyId.isEmpty ? AWSCredentials(accessKeyId: "AKIDSETUP", secretAccessKey: "setup") : credentials,
                                                                         date: Date())
        let answer = try await transport.send(HTTPRequest(method: "POST", url: endpoint + "/", headers: headers, body: body))
        guard answer.status == 200 else { throw StackError(kind: .server, code: "IAMSetup", message: answer.text, httpStatus: answer.status) }
        return answer.text
    }

    func clients(secret: String? = nil) -> StackClients {
        var creds = credentials
        if let secret { creds.secretAccessKey = secret }
        return StackClients(region: "us-east-1", endpoints: .resolve(region: "us-east-1", override: endpoint, environment: [:]),
                            apiURL: nil, credentials: StaticCredentialsProvider(creds))
    }
}
