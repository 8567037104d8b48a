import AWSSigV4
import Foundation
import TaskOpsCore

/// Credentials resolved as the AWS CLI resolves them: environment variables, then the profile's
/// static keys, then its `credential_process`. Results with an expiration are refreshed 5 minutes
/// before it.
public final class CredentialChain: CredentialsProvider, @unchecked Sendable {
    let environment: [String: String]
    let files: SharedConfigFiles
    let profile: String
    private let lock = NSLock()
    private var cached: AWSCredentials?

    public init(environment: [String: String], files: SharedConfigFiles, profile: String?) {
        self.environment = environment
        self.files = files
        self.profile = profile ?? environment["AWS_PROFILE"] ?? "default"
    }

    /// The region as the CLI picks it: `AWS_REGION`, `AWS_DEFAULT_REGION`, then the profile's `region`.
    public var region: String? {
        environment["AWS_REGION"] ?? environment["AWS_DEFAULT_REGION"] ?? files.value("region", profile: profile)
    }

    public func credentials() async throws(StackError) -> AWSCredentials {
        if let cached = lock.withLock({ cached }), cached.expiration.map({ $0.timeIntervalSinceNow > 300 }) ?? true { return cached }
        let resolved = try resolve()
        lock.withLock { cached = resolved }
        return resolved
    }

    func resolve() throws(StackError) -> AWSCredentials {
        if let key = environment["AWS_ACCESS_KEY_ID"], let secret = environment["AWS_SECRET_ACCESS_KEY"], !key.isEmpty, !secret.isEmpty {
            return AWSCredentials(accessKeyId: key, secretAccessKey: secret, sessionToken: environment["AWS_SESSION_TOKEN"].flatMap { $0.isEmpty ? nil : $0 })
        }
        if let key = files.value("aws_access_key_id", profile: profile), let secret = files.value("aws_secret_access_key", profile: profile) {
            return AWSCredentials(accessKeyId: key, secretAccessKey: secret, sessionToken: files.value("aws_session_token", profile: profile))
        }
        if let command = files.value("credential_process", profile: profile) {
            return try CredentialProcess.run(command)
        }
        if files.value("role_arn", profile: profile) != nil {
            throw StackError(kind: .auth, code: "UnsupportedProfile",
                             message: "profile '\(profile)' assumes a role (role_arn); taskops does not call STS yet — export temporary credentials (aws configure export-credentials) instead")
        }
        throw StackError(kind: .auth, code: "NoCredentials",
                         message: "no AWS credentials: set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or AWS_PROFILE (profile '\(profile)' has none)")
    }
}

/// Runs a profile's `credential_process` and reads its JSON (Version 1).
enum CredentialProcess {
    static func run(_ command: String) throws(StackError) -> AWSCredentials {
        let result: ChildProcess.Result
        do { result = try ChildProcess.run("/bin/sh", ["-c", command], timeout: 60) } catch {
            throw StackError(kind: .auth, code: "CredentialProcessFailed", message: "credential_process could not start")
        }
        guard !result.timedOut else {
            throw StackError(kind: .auth, code: "CredentialProcessFailed", message: "credential_process did not finish within 60 s")
        }
        guard result.status == 0 else {
            throw StackError(kind: .auth, code: "CredentialProcessFailed", message: "credential_process exited with status \(result.status)")
        }
        let data = result.stdout
        guard let json = try? JSONParser.parse(Array(data)), json["Version"]?.numberValue?.intValue == 1,
              let key = json["AccessKeyId"]?.stringValue, let secret = json["SecretAccessKey"]?.stringValue else {
            throw StackError(kind: .auth, code: "CredentialProcessFailed", message: "credential_process output is not Version 1 JSON with AccessKeyId and SecretAccessKey")
        }
        return AWSCredentials(accessKeyId: key, secretAccessKey: secret, sessionToken: json["SessionToken"]?.stringValue,
                              expiration: json["Expiration"]?.stringValue.flatMap(StackTime.parse))
    }
}
