import AWSSigV4
import Foundation
import TaskOpsCore

/// Reports each API call, for the footprint meter.
public protocol CallObserver: Sendable {
    func record(_ call: CallRecord)
}

/// Provides credentials, refreshing them when needed.
public protocol CredentialsProvider: Sendable {
    func credentials() async throws(StackError) -> AWSCredentials
}

public struct StaticCredentialsProvider: CredentialsProvider {
    let value: AWSCredentials
    public init(_ value: AWSCredentials) { self.value = value }
    public func credentials() async throws(StackError) -> AWSCredentials { value }
}

/// A signed AWS JSON-protocol call (`POST /`, `X-Amz-Target`), shared by the CloudWatch, Logs and Step Functions clients.
public struct AWSJSONClient: Sendable {
    public var endpoint: String
    public var region: String
    public var signingName: String
    /// Service name in errors and the call meter (`monitoring`, `logs`, `states`).
    public var serviceLabel: String
    public var targetPrefix: String
    public var contentType: String
    public var extraHeaders: [(name: String, value: String)]
    public var transport: any HTTPTransport
    public var credentials: any CredentialsProvider
    public var clock: ServerClockTracker
    public var observer: (any CallObserver)?
    public var timeout: TimeInterval = 15

    public init(endpoint: String, region: String, signingName: String, targetPrefix: String, contentType: String,
                extraHeaders: [(name: String, value: String)] = [], transport: any HTTPTransport, credentials: any CredentialsProvider,
                clock: ServerClockTracker, observer: (any CallObserver)?) {
        self.endpoint = endpoint
        self.region = region
        self.signingName = signingName
        self.serviceLabel = signingName
        self.targetPrefix = targetPrefix
        self.contentType = contentType
        self.extraHeaders = extraHeaders
        self.transport = transport
        self.credentials = credentials
        self.clock = clock
        self.observer = observer
    }

    /// Calls `operation` with a JSON object body; returns the answer's JSON object.
    public func call(_ operation: String, _ body: JSONObject, metricCount: Int = 0) async throws(StackError) -> JSONObject {
        var result = await attempt(operation, body)
        // The tracker has just learned the server's time from the refusal: sign again with it, once.
        if case .failure(let error) = result, Self.isSkewError(error) { result = await attempt(operation, body) }
        var record = CallRecord(service: serviceLabel, operation: operation, succeeded: false, metricCount: metricCount)
        if case .success(let answer) = result {
            record.succeeded = true
            // Logs Insights bills a query by the bytes it scanned, final once it is complete.
            if answer["status"]?.stringValue == "Complete", let scanned = answer["statistics"]?["bytesScanned"]?.numberValue?.doubleValue {
                record.scannedBytes = Int(exactly: scanned.rounded()) ?? 0
            }
        }
        observer?.record(record)
        return try result.get()
    }

    private func attempt(_ operation: String, _ body: JSONObject) async -> Result<JSONObject, StackError> {
        do { return .success(try await callOnce(operation, body)) } catch { return .failure(error) }
    }

    static func isSkewError(_ error: StackError) -> Bool {
        error.code == "RequestTimeTooSkewed" || (error.code == "InvalidSignatureException" && error.message.contains("Signature expired"))
            || error.code == "SignatureExpired"
    }

    private func callOnce(_ operation: String, _ body: JSONObject) async throws(StackError) -> JSONObject {
        let payload = Array(JSONWriter.compact(.object(body)).utf8)
        guard let host = URLComponents(string: endpoint)?.host else {
            throw StackError(kind: .validation, code: "BadEndpoint", message: "endpoint URL '\(endpoint)' has no host", service: serviceLabel)
        }
        let port = URLComponents(string: endpoint)?.port
        var headers: [(name: String, value: String)] = [
            ("Host", port.map { "\(host):\($0)" } ?? host), ("Content-Type", contentType), ("X-Amz-Target", "\(targetPrefix).\(operation)"),
        ] + extraHeaders
        let creds = try await credentials.credentials()
        let path = URLComponents(string: endpoint)?.path ?? "/"
        let signer = SigV4Signer(region: region, service: signingName)
        headers += signer.sign(SigV4Signer.Request(method: "POST", path: path.isEmpty ? "/" : path, headers: headers, body: payload),
                               credentials: creds, date: clock.serverNow())
        let response = try await transport.send(HTTPRequest(method: "POST", url: endpoint, headers: headers, body: payload, timeout: timeout))
        clock.observe(dateHeader: response.header("Date"))
        guard (200..<300).contains(response.status) else {
            throw AWSErrorMapper.map(status: response.status, body: response.body, service: serviceLabel)
        }
        if response.body.isEmpty { return JSONObject() }
        guard let json = try? JSONParser.parse(response.body), let object = json.objectValue else {
            throw StackError(kind: .malformed, code: "MalformedResponse",
                             message: "\(operation) answered with something that is not a JSON object", httpStatus: response.status, service: serviceLabel)
        }
        return object
    }
}

/// Reading helpers for AWS answers: lenient about types, strict about nothing.
enum AWSRead {
    static func date(_ value: JSONValue?) -> Date? {
        guard let value else { return nil }
        if let number = value.numberValue { return Date(timeIntervalSince1970: number.doubleValue) }
        if let text = value.stringValue { return StackTime.parse(text) ?? Double(text).map { Date(timeIntervalSince1970: $0) } }
        return nil
    }

    static func int64(_ value: JSONValue?) -> Int64 {
        guard let number = value?.numberValue else { return Int64(value?.stringValue ?? "") ?? 0 }
        return Int64(number.literal) ?? Saturating.int64(number.doubleValue)
    }

    static func double(_ value: JSONValue?) -> Double {
        value?.numberValue?.doubleValue ?? Double(value?.stringValue ?? "") ?? 0
    }

    static func string(_ value: JSONValue?) -> String { value?.stringValue ?? value?.displayText ?? "" }
}
