import Foundation
import TOMLKit
import TaskOpsCore

/// `~/.config/taskops/config.toml`: every key optional; flags and environment override it.
///
/// ```toml
/// project = "task-manager"
/// env = "dev"
/// region = "us-east-1"
/// profile = "ops"
/// api_url = "https://abc123.execute-api.us-east-1.amazonaws.com/dev"
/// api_id = "abc123"
/// tf_outputs = "~/stack/outputs.json"
/// readonly = false
/// theme = "default"
///
/// [poll]          # seconds, 1 s floor
/// tasks = 2
/// events = 2
/// approvals = 2
/// metrics = 60
/// alarms = 60
/// logs_calls_per_second = 1.0
/// reconcile = 300 # the task list kept from records is checked against a full list (30 s floor)
/// ```
public struct ConfigFile: Sendable, Equatable {
    public var project: String?
    public var env: String?
    public var region: String?
    public var profile: String?
    public var apiURL: String?
    public var apiID: String?
    public var tfOutputs: String?
    public var endpointURL: String?
    public var readonly: Bool?
    public var theme: String?
    public var color: String?
    public var ascii: Bool?
    public var auditLog: String?
    public var poll = PollSettings()
    /// Problems that did not stop loading (unknown keys, values raised to a floor).
    public var warnings: [ConfigError] = []

    public init() {}

    public struct PollSettings: Sendable, Equatable {
        public var tasks: Double?
        public var events: Double?
        public var approvals: Double?
        public var metrics: Double?
        public var alarms: Double?
        public var logsCallsPerSecond: Double?
        public var reconcile: Double?
        public init() {}
    }

    static let topKeys: Set<String> = ["project", "env", "region", "profile", "api_url", "api_id", "tf_outputs", "endpoint_url",
                                       "readonly", "theme", "color", "ascii", "audit_log", "poll"]
    static let pollKeys: Set<String> = ["tasks", "events", "approvals", "metrics", "alarms", "logs_calls_per_second", "reconcile"]
    public static let minimumPollSeconds = 1.0
    public static let minimumReconcileSeconds = 30.0

    /// The default location: `$XDG_CONFIG_HOME/taskops/config.toml`, else `~/.config/taskops/config.toml`.
    public static func defaultPath(environment: [String: String]) -> String {
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty { return xdg + "/taskops/config.toml" }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return home + "/.config/taskops/config.toml"
    }

    /// Loads a file; a missing file at the default path is an empty config, a missing explicit file is an error.
    public static func load(path: String, mustExist: Bool) throws(ConfigError) -> ConfigFile {
        guard FileManager.default.fileExists(atPath: path) else {
            if mustExist { throw ConfigError(file: path, message: "file not found") }
            return ConfigFile()
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError(file: path, message: "cannot be read (check its permissions)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(file: path, message: "is not UTF-8 text")
        }
        return try parse(text, file: path)
    }

    public static func parse(_ text: String, file: String) throws(ConfigError) -> ConfigFile {
        let table: TOMLTable
        if let problem = TOMLHeaderCheck.problem(in: text) { throw ConfigError(file: file, line: problem.line, message: problem.message) }
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigError(file: file, line: error.source.begin.line, message: error.description)
        } catch {
            throw ConfigError(file: file, message: "\(error)")
        }
        let reader = TOMLFieldReader(text: text, file: file)
        var config = ConfigFile()
        for key in table.keys where !topKeys.contains(key) {
            config.warnings.append(ConfigError(file: file, line: reader.line(of: key), message: "unknown key '\(key)' ignored"))
        }
        config.project = try reader.string(table, "project")
        config.env = try reader.string(table, "env")
        config.region = try reader.string(table, "region")
        config.profile = try reader.string(table, "profile")
        config.apiURL = try reader.string(table, "api_url")
        config.apiID = try reader.string(table, "api_id")
        config.tfOutputs = try reader.string(table, "tf_outputs")
        config.endpointURL = try reader.string(table, "endpoint_url")
        config.readonly = try reader.bool(table, "readonly")
        config.theme = try reader.string(table, "theme")
        config.color = try reader.string(table, "color")
        config.ascii = try reader.bool(table, "ascii")
        config.auditLog = try reader.string(table, "audit_log")
        if let pollValue = table["poll"] {
            guard let poll = pollValue.table else {
                throw ConfigError(file: file, line: reader.line(of: "poll"), message: "'poll' must be a table ([poll])")
            }
            for key in poll.keys where !pollKeys.contains(key) {
                config.warnings.append(ConfigError(file: file, line: reader.line(of: key), message: "unknown key 'poll.\(key)' ignored"))
            }
            config.poll.tasks = try reader.seconds(poll, "tasks", warnings: &config.warnings)
            config.poll.events = try reader.seconds(poll, "events", warnings: &config.warnings)
            config.poll.approvals = try reader.seconds(poll, "approvals", warnings: &config.warnings)
            config.poll.metrics = try reader.seconds(poll, "metrics", warnings: &config.warnings)
            config.poll.alarms = try reader.seconds(poll, "alarms", warnings: &config.warnings)
            config.poll.reconcile = try reader.seconds(poll, "reconcile", minimum: minimumReconcileSeconds, warnings: &config.warnings)
            if let rate = try reader.number(poll, "logs_calls_per_second") {
                guard rate > 0, rate <= 5 else {
                    throw ConfigError(file: file, line: reader.line(of: "logs_calls_per_second"),
                                      message: "'poll.logs_calls_per_second' must be above 0 and at most 5 (the account limit)")
                }
                config.poll.logsCallsPerSecond = rate
            }
        }
        return config
    }
}
