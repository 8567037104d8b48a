import Foundation

/// An access key pair, optionally with a session token. Never printed: descriptions redact secrets.
public struct AWSCredentials: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    public var accessKeyId: String
    public var secretAccessKey: String
    public var sessionToken: String?
    public var expiration: Date?

    public init(accessKeyId: String, secretAccessKey: String, sessionToken: String? = nil, expiration: Date? = nil) {
        self.accessKeyId = accessKeyId
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
        self.expiration = expiration
    }

    public var description: String {
        let key = accessKeyId.count > 4 ? String(repeating: "*", count: 4) + accessKeyId.suffix(4) : "****"
        return "AWSCredentials(accessKeyId: \(key), secretAccessKey: <redacted>\(sessionToken == nil ? "" : ", sessionToken: <redacted>"))"
    }
    public var debugDescription: String { description }
}
