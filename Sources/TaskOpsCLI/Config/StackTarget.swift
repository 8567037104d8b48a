import TaskOpsCore

/// The stack the console or a command talks to, resolved from flags, environment, Terraform
/// outputs and the config file, in that order of precedence.
public struct StackTarget: Sendable, Equatable {
    public enum Mode: String, Sendable, Equatable {
        /// The embedded simulator on loopback.
        case demo = "DEMO"
        case aws = "AWS"
    }

    public var names: StackNames
    /// The Task API invoke URL including the stage (`…amazonaws.com/dev`); nil when unknown.
    public var apiURL: String?
    public var apiID: String?
    public var profile: String?
    /// One endpoint for every AWS service (the simulator, or `AWS_ENDPOINT_URL`); nil for AWS's own.
    public var endpointURL: String?
    public var dashboardName: String
    public var stateMachineArn: String
    public var mode: Mode
    public var readonly: Bool
    /// True when anything named a stack (an API URL, Terraform outputs, project/env).
    public var isConfigured: Bool
    /// Where each setting came from, for `taskops config` style diagnostics.
    public var warnings: [String]

    public init(names: StackNames, apiURL: String? = nil, apiID: String? = nil, profile: String? = nil, endpointURL: String? = nil,
                dashboardName: String? = nil, stateMachineArn: String? = nil, mode: Mode = .aws, readonly: Bool = false,
                isConfigured: Bool = true, warnings: [String] = []) {
        self.names = names
        self.apiURL = apiURL
        self.apiID = apiID
        self.profile = profile
        self.endpointURL = endpointURL
        self.dashboardName = dashboardName ?? names.dashboardName
        self.stateMachineArn = stateMachineArn ?? names.stateMachineArn
        self.mode = mode
        self.readonly = readonly
        self.isConfigured = isConfigured
        self.warnings = warnings
    }
}

/// Flag values as given on the command line (nil when not given).
public struct StackFlags: Sendable, Equatable {
    public var project: String?
    public var env: String?
    public var region: String?
    public var profile: String?
    public var apiURL: String?
    public var tfOutputs: String?
    public var endpointURL: String?
    public var readonly: Bool

    public init(project: String? = nil, env: String? = nil, region: String? = nil, profile: String? = nil, apiURL: String? = nil,
                tfOutputs: String? = nil, endpointURL: String? = nil, readonly: Bool = false) {
        self.project = project
        self.env = env
        self.region = region
        self.profile = profile
        self.apiURL = apiURL
        self.tfOutputs = tfOutputs
        self.endpointURL = endpointURL
        self.readonly = readonly
    }
}

public enum StackTargetResolver {
    /// Resolves the target. Terraform outputs (flag, else config) describe the real stack and win
    /// over the config file's names; explicit flags and environment win over both.
    public static func resolve(flags: StackFlags, environment: [String: String], config: ConfigFile,
                               loadOutputs: (String) throws(ConfigError) -> TerraformOutputs = TerraformOutputs.load) throws(ConfigError) -> StackTarget {
        func env(_ key: String) -> String? { environment[key].flatMap { $0.isEmpty ? nil : $0 } }
        var outputs: TerraformOutputs?
        if let path = flags.tfOutputs ?? env("TASKOPS_TF_OUTPUTS") ?? config.tfOutputs {
            outputs = try loadOutputs(expandHome(path, environment: environment))
        }
        let derived = outputs?.projectAndEnv
        let project = flags.project ?? env("TASKOPS_PROJECT") ?? derived?.project ?? config.project ?? "task-manager"
        let stage = flags.env ?? env("TASKOPS_ENV") ?? derived?.env ?? config.env ?? "dev"
        let region = flags.region ?? env("AWS_REGION") ?? env("AWS_DEFAULT_REGION") ?? outputs?.regionAndAccount?.region ?? config.region ?? "us-east-1"
        let account = outputs?.regionAndAccount?.account ?? "123456789012"
        let names = StackNames(project: project, env: stage, region: region, account: account)

        var apiURL = flags.apiURL ?? env("TASKOPS_API_URL") ?? outputs?.apiGatewayURL.map { withStage($0, stage) } ?? config.apiURL
        apiURL = apiURL.map { trimSlash($0) }
        let apiID = outputs?.apiGatewayID ?? config.apiID ?? apiURL.flatMap(apiIDFromURL)
        let profile = flags.profile ?? env("AWS_PROFILE") ?? config.profile
        let endpoint = flags.endpointURL ?? config.endpointURL
        let readonly = flags.readonly || env("TASKOPS_READONLY").map { ["1", "true", "yes"].contains($0.lowercased()) } == true || config.readonly == true
        let configured = apiURL != nil || outputs != nil || flags.project != nil || flags.env != nil || config.project != nil || config.env != nil
        var warnings: [String] = []
        if apiURL == nil && configured { warnings.append("No Task API URL: set --api-url, TASKOPS_API_URL or --tf-outputs to see tasks.") }
        return StackTarget(names: names, apiURL: apiURL, apiID: apiID, profile: profile, endpointURL: endpoint,
                           dashboardName: outputs?.dashboardName, stateMachineArn: outputs?.stateMachineArn,
                           mode: .aws, readonly: readonly, isConfigured: configured, warnings: warnings)
    }

    /// `api_gateway_url` has no stage; a URL without it answers 404, so add `/{env}` unless present.
    static func withStage(_ url: String, _ stage: String) -> String {
        let trimmed = trimSlash(url)
        return trimmed.hasSuffix("/" + stage) ? trimmed : trimmed + "/" + stage
    }

    static func trimSlash(_ url: String) -> String {
        var text = url
        while text.hasSuffix("/") { text.removeLast() }
        return text
    }

    /// `https://abc123.execute-api.us-east-1.amazonaws.com/dev` → `abc123`.
    static func apiIDFromURL(_ url: String) -> String? {
        guard let hostStart = url.range(of: "://")?.upperBound else { return nil }
        let host = url[hostStart...].prefix { $0 != "/" && $0 != ":" }
        guard host.contains(".execute-api.") else { return nil }
        return host.split(separator: ".").first.map(String.init)
    }

    static func expandHome(_ path: String, environment: [String: String]) -> String {
        guard path.hasPrefix("~/"), let home = environment["HOME"] else { return path }
        return home + path.dropFirst(1)
    }
}
