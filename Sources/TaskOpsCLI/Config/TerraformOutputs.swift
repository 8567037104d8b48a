import Foundation
import TaskOpsCore

/// What `terraform output -json` says about a deployed stack, and the names derived from it.
public struct TerraformOutputs: Sendable, Equatable {
    public var apiGatewayURL: String?
    public var apiGatewayID: String?
    public var tableName: String?
    public var stateMachineArn: String?
    public var dashboardName: String?
    public var eventBusName: String?
    public var snsTopicArn: String?
    /// `lambda_functions`: output key (`create_task`…) → function ARN.
    public var lambdaFunctions: [String: String] = [:]

    public init() {}

    public static func load(path: String) throws(ConfigError) -> TerraformOutputs {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError(file: path, message: "Terraform outputs file not found or unreadable")
        }
        return try parse(String(decoding: data, as: UTF8.self), file: path)
    }

    /// Parses the JSON of `terraform output -json` (each output wrapped as `{"sensitive", "type", "value"}`);
    /// a plain `{"name": value}` map is accepted too.
    public static func parse(_ text: String, file: String) throws(ConfigError) -> TerraformOutputs {
        let root: JSONValue
        do { root = try JSONParser.parse(text) } catch {
            throw ConfigError(file: file, line: lineNumber(in: text, offset: error.offset), message: "not valid JSON: \(error.message)")
        }
        guard let object = root.objectValue else {
            throw ConfigError(file: file, message: "expected the JSON object printed by `terraform output -json`")
        }
        func value(_ key: String) -> JSONValue? {
            guard let entry = object[key] else { return nil }
            if let wrapped = entry.objectValue, let inner = wrapped["value"], wrapped["type"] != nil || wrapped["sensitive"] != nil { return inner }
            return entry
        }
        func string(_ key: String) throws(ConfigError) -> String? {
            guard let entry = value(key) else { return nil }
            guard let text = entry.stringValue else {
                throw ConfigError(file: file, line: lineNumber(of: "\"\(key)\"", in: text), message: "output '\(key)' must be a string")
            }
            return text.isEmpty ? nil : text
        }
        var outputs = TerraformOutputs()
        outputs.apiGatewayURL = try string("api_gateway_url")
        outputs.apiGatewayID = try string("api_gateway_id")
        outputs.tableName = try string("dynamodb_table_name")
        outputs.stateMachineArn = try string("step_function_arn")
        outputs.dashboardName = try string("cloudwatch_dashboard_name")
        outputs.eventBusName = try string("eventbridge_bus_name")
        outputs.snsTopicArn = try string("sns_topic_arn")
        if let functions = value("lambda_functions") {
            guard let map = functions.objectValue else {
                throw ConfigError(file: file, line: lineNumber(of: "\"lambda_functions\"", in: text), message: "output 'lambda_functions' must be a map")
            }
            for (key, arn) in map { if let arn = arn.stringValue { outputs.lambdaFunctions[key] = arn } }
        }
        if outputs.apiGatewayURL == nil && outputs.stateMachineArn == nil && outputs.tableName == nil {
            throw ConfigError(file: file, message: "no api_gateway_url, step_function_arn or dynamodb_table_name output: is this the Task Management stack's outputs?")
        }
        return outputs
    }

    /// project and env recovered from the table name `{project}-tasks-{env}` or the state machine `{project}-task-approval-{env}`.
    public var projectAndEnv: (project: String, env: String)? {
        if let table = tableName, let range = table.range(of: "-tasks-", options: .backwards) {
            return (String(table[..<range.lowerBound]), String(table[range.upperBound...]))
        }
        if let name = stateMachineArn?.split(separator: ":").last, let range = name.range(of: "-task-approval-", options: .backwards) {
            return (String(name[..<range.lowerBound]), String(name[range.upperBound...]))
        }
        return nil
    }

    /// Region and account from the state machine ARN (`arn:aws:states:REGION:ACCOUNT:stateMachine:NAME`).
    public var regionAndAccount: (region: String, account: String)? {
        let arn = stateMachineArn ?? lambdaFunctions.values.sorted().first
        guard let parts = arn?.split(separator: ":", omittingEmptySubsequences: false), parts.count >= 6 else { return nil }
        return (String(parts[3]), String(parts[4]))
    }

    static func lineNumber(in text: String, offset: Int) -> Int {
        1 + text.utf8.prefix(offset).filter { $0 == UInt8(ascii: "\n") }.count
    }

    static func lineNumber(of needle: String, in text: String) -> Int? {
        guard let range = text.range(of: needle) else { return nil }
        return 1 + text[..<range.lowerBound].filter { $0 == "\n" }.count
    }
}
