import AWSSigV4
import Foundation
import TaskOpsCore

/// Credentials resolved as the AWS CLI resolves them: environment variables, then the profile's
/// role (STS AssumeRole with `source_profile` or `credential_source = Environment`), static keys or
/// `credential_process`. Results with an expiration are refreshed 5 minutes before it.
public final class CredentialChain: CredentialsProvider, @unchecked Sendable {
    let environment: [String: String]
    let files: SharedConfigFiles
    let profile: String
    let transport: any HTTPTransport
    private let lock = NSLock()
    private var cached: AWSCredentials?
    private var inFlight: Task<Result<AWSCredentials, StackError>, Never>?

    public init(environment: [String: String], files: SharedConfigFiles, profile: String?, transport: any HTTPTransport = CurlTransport()) {
        self.environment = environment
        self.files = files
        self.profile = profile ?? environment["AWS_PROFILE"] ?? "default"
        self.transport = transport
    }

    /// The region as the CLI picks it: `AWS_REGION`, `AWS_DEFAULT_REGION`, then the profile's `region`.
    public var region: String? {
        environment["AWS_REGION"] ?? environment["AWS_DEFAULT_REGION"] ?? files.value("region", profile: profile)
    }

    /// Cached credentials while they are more than five minutes from expiry; otherwise one
    /// resolution shared by every caller waiting at that moment (pollers must not stampede STS).
    public func credentials() async throws(StackError) -> AWSCredentials {
        let (fresh, running) = lock.withLock { () -> (AWSCredentials?, Task<Result<AWSCredentials, StackError>, Never>?) in
            if let cached, cached.expiration.map({ $0.timeIntervalSinceNow > 300 }) ?? true { return (cached, nil) }
            if let inFlight { return (nil, inFlight) }
            let task = Task { () -> Result<AWSCredentials, StackError> in
                do throws(StackError) { return .success(try await self.resolve()) } catch { return .failure(error) }
            }
            inFlight = task
            return (nil, task)
        }
        if let fresh { return fresh }
        guard let running else { throw StackError(kind: .auth, code: "NoCredentials", message: "credentials could not be resolved") }
        let result = await running.value
        lock.withLock {
            if case .success(let resolved) = result { cached = resolved }
            if inFlight == running { inFlight = nil }
        }
        return try result.get()
    }

    func resolve() async throws(StackError) -> AWSCredentials {
        if let key = environment["AWS_ACCESS_KEY_ID"], let secret = environment["AWS_SECRET_ACCESS_KEY"], !key.isEmpty, !secret.isEmpty {
            return environmentCredentials(key: key, secret: secret)
        }
        if let found = try await profileCredentials(profile, depth: 0) { return found }
        throw StackError(kind: .auth, code: "NoCredentials",
                         message: "no AWS credentials: set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or AWS_PROFILE (profile '\(profile)' has none)")
    }

    private func environmentCredentials(key: String, secret: String) -> AWSCredentials {
        AWSCredentials(accessKeyId: key, secretAccessKey: secret, sessionToken: environment["AWS_SESSION_TOKEN"].flatMap { $0.isEmpty ? nil : $0 })
    }

    /// A profile's own credentials: a role it assumes (from `source_profile` or `credential_source`),
    /// then static keys, then `credential_process`, as the AWS CLI orders them.
    private func profileCredentials(_ name: String, depth: Int) async throws(StackError) -> AWSCredentials? {
        if let roleArn = files.value("role_arn", profile: name) {
            guard depth < 5 else {
                throw StackError(kind: .auth, code: "InvalidConfig", message: "profile '\(name)': source_profile chain is longer than 5 (a loop?)")
            }
            return try await assume(roleArn, profile: name, source: try await roleSource(of: name, depth: depth))
        }
        if let key = files.value("aws_access_key_id", profile: name), let secret = files.value("aws_secret_access_key", profile: name) {
            return AWSCredentials(accessKeyId: key, secretAccessKey: secret, sessionToken: files.value("aws_session_token", profile: name))
        }
        if let command = files.value("credential_process", profile: name) { return try CredentialProcess.run(command) }
        return nil
    }

    private func roleSource(of name: String, depth: Int) async throws(StackError) -> AWSCredentials {
        if let sourceProfile = files.value("source_profile", profile: name) {
            // A profile naming itself as source uses its own static keys (the CLI allows this).
            if sourceProfile == name, let key = files.value("aws_access_key_id", profile: name), let secret = files.value("aws_secret_access_key", profile: name) {
                return AWSCredentials(accessKeyId: key, secretAccessKey: secret, sessionToken: files.value("aws_session_token", profile: name))
            }
            guard let source = try await profileCredentials(sourceProfile, depth: depth + 1) else {
                throw StackError(kind: .auth, code: "NoCredentials", message: "profile '\(name)': its source_profile '\(sourceProfile)' has no credentials")
            }
            return source
        }
        if files.value("credential_source", profile: name) == "Environment",
           let key = environment["AWS_ACCESS_KEY_ID"], let secret = environment["AWS_SECRET_ACCESS_KEY"] {
            return environmentCredentials(key: key, secret: secret)
        }
        throw StackError(kind: .auth, code: "InvalidConfig",
                         message: "profile '\(name)' has role_arn but neither source_profile nor credential_source = Environment (the only sources taskops supports)")
    }

    private func assume(_ roleArn: String, profile name: String, source: AWSCredentials) async throws(StackError) -> AWSCredentials {
        let region = environment["AWS_REGION"] ?? environment["AWS_DEFAULT_REGION"] ?? files.value("region", profile: name) ?? "us-east-1"
        let endpoint = [environment["AWS_ENDPOINT_URL_STS"], environment["AWS_ENDPOINT_URL"]].compactMap { $0 }.first { !$0.isEmpty }
        let role = AssumeRoleClient.Role(arn: roleArn, sessionName: files.value("role_session_name", profile: name) ?? "taskops-\(Int(Date().timeIntervalSince1970))",
                                         externalId: files.value("external_id", profile: name),
                                         durationSeconds: files.value("duration_seconds", profile: name).flatMap { Int($0) })
        return try await AssumeRoleClient(region: region, endpoint: endpoint, transport: transport).assumeRole(role, using: source)
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
