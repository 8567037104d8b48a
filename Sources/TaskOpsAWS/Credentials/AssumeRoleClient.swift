import AWSSigV4
import Foundation
import TaskOpsCore

/// STS `AssumeRole` (Query protocol: a signed form POST answered in XML).
public struct AssumeRoleClient: Sendable {
    public var endpoint: String
    public var region: String
    public var transport: any HTTPTransport
    public var clock: ServerClockTracker

    /// `endpoint` nil means STS's regional endpoint, `https://sts.{region}.amazonaws.com`.
    public init(region: String, endpoint: String? = nil, transport: any HTTPTransport, clock: ServerClockTracker = ServerClockTracker()) {
        self.region = region
        self.endpoint = endpoint ?? "https://sts.\(region).amazonaws.com"
        self.transport = transport
        self.clock = clock
    }

    public struct Role: Sendable {
        public var arn: String
        public var sessionName: String
        public var externalId: String?
        public var durationSeconds: Int?
        public init(arn: String, sessionName: String, externalId: String? = nil, durationSeconds: Int? = nil) {
            self.arn = arn
            self.sessionName = sessionName
            self.externalId = externalId
            self.durationSeconds = durationSeconds
        }
    }

    public func assumeRole(_ role: Role, using source: AWSCredentials) async throws(StackError) -> AWSCredentials {
        guard let parts = URLComponents(string: endpoint), let host = parts.host else {
            throw StackError(kind: .validation, code: "BadEndpoint", message: "the STS endpoint '\(endpoint)' has no host", service: "sts")
        }
        var form = "Action=AssumeRole&Version=2011-06-15&RoleArn=\(TaskAPIClient.encode(role.arn))&RoleSessionName=\(TaskAPIClient.encode(role.sessionName))"
        if let externalId = role.externalId { form += "&ExternalId=\(TaskAPIClient.encode(externalId))" }
        if let duration = role.durationSeconds { form += "&DurationSeconds=\(duration)" }
        let body = Array(form.utf8)
        var headers: [(name: String, value: String)] = [("Host", parts.port.map { "\(host):\($0)" } ?? host),
                                                         ("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")]
        let path = parts.path.isEmpty ? "/" : parts.path
        headers += SigV4Signer(region: region, service: "sts").sign(SigV4Signer.Request(method: "POST", path: path, headers: headers, body: body),
                                                                    credentials: source, date: clock.serverNow())
        let response = try await transport.send(HTTPRequest(method: "POST", url: endpoint, headers: headers, body: body))
        clock.observe(dateHeader: response.header("Date"))
        guard (200..<300).contains(response.status) else {
            throw AWSErrorMapper.map(status: response.status, body: response.body, service: "sts")
        }
        let text = response.text
        guard let key = AWSErrorMapper.xmlElement("AccessKeyId", in: text), let secret = AWSErrorMapper.xmlElement("SecretAccessKey", in: text) else {
            throw StackError(kind: .malformed, code: "MalformedResponse", message: "AssumeRole answered without credentials",
                             httpStatus: response.status, service: "sts")
        }
        return AWSCredentials(accessKeyId: key, secretAccessKey: secret, sessionToken: AWSErrorMapper.xmlElement("SessionToken", in: text),
                              expiration: AWSErrorMapper.xmlElement("Expiration", in: text).flatMap(StackTime.parse))
    }
}
