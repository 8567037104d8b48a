import Foundation

/// Checks SigV4 signatures as AWS does (for the simulator's `--auth`).
public struct SigV4Verifier: Sendable {
    public struct Failure: Error, Sendable, Equatable {
        /// AWS's error code (`UnrecognizedClientException`, `InvalidSignatureException`, …).
        public var code: String
        public var message: String
    }

    public let secrets: [String: String]
    public let maxSkew: TimeInterval = 300

    public init(secrets: [String: String]) { self.secrets = secrets }

    public func verify(_ request: SigV4Signer.Request, now: Date) -> Failure? {
        guard let authorization = request.headers.first(where: { $0.name.lowercased() == "authorization" })?.value else {
            return Failure(code: "MissingAuthenticationTokenException", message: "Missing Authentication Token")
        }
        guard authorization.hasPrefix("AWS4-HMAC-SHA256 ") else {
            return Failure(code: "IncompleteSignatureException", message: "Authorization header requires 'Credential', 'Signature' and 'SignedHeaders'")
        }
        var fields: [String: String] = [:]
        for part in authorization.dropFirst("AWS4-HMAC-SHA256 ".count).split(separator: ",") {
            let pair = part.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1).map(String.init)
            if pair.count == 2 { fields[pair[0]] = pair[1] }
        }
        guard let credential = fields["Credential"], let signedHeaders = fields["SignedHeaders"], let signature = fields["Signature"] else {
            return Failure(code: "IncompleteSignatureException", message: "Authorization header requires 'Credential', 'Signature' and 'SignedHeaders'")
        }
        let scope = credential.split(separator: "/").map(String.init)
        guard scope.count == 5, scope[4] == "aws4_request" else {
            return Failure(code: "IncompleteSignatureException", message: "Credential should be scoped to a valid region and service")
        }
        guard let secret = secrets[scope[0]] else {
            return Failure(code: "UnrecognizedClientException", message: "The security token included in the request is invalid.")
        }
        guard let amzDate = request.headers.first(where: { $0.name.lowercased() == "x-amz-date" })?.value,
              let signedAt = Self.parseAmzDate(amzDate) else {
            return Failure(code: "IncompleteSignatureException", message: "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.")
        }
        if abs(signedAt.timeIntervalSince(now)) > maxSkew {
            return Failure(code: "InvalidSignatureException",
                           message: "Signature expired: \(amzDate) is now earlier than \(SigV4Signer.amzDate(now.addingTimeInterval(-maxSkew))) (\(SigV4Signer.amzDate(now)) - 5 min.)")
        }
        let wanted = Set(signedHeaders.split(separator: ";").map(String.init))
        let headers = request.headers.filter { wanted.contains($0.name.lowercased()) }
        let signer = SigV4Signer(region: scope[2], service: scope[3])
        let expected = signer.authorizationHeader(SigV4Signer.Request(method: request.method, path: request.path, query: request.query,
                                                                      headers: headers, body: request.body),
                                                  credentials: AWSCredentials(accessKeyId: scope[0], secretAccessKey: secret), amzDate: amzDate)
        guard expected.hasSuffix("Signature=\(signature)"), scope[1] == String(amzDate.prefix(8)) else {
            return Failure(code: "InvalidSignatureException",
                           message: "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.")
        }
        return nil
    }

    static func parseAmzDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.date(from: text)
    }
}
