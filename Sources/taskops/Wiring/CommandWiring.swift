import AWSSigV4
import ArgumentParser
import Foundation
import TaskOpsAWS
import TaskOpsCLI
import TaskOpsCore
import TaskOpsService
import TaskOpsUI

/// Builds targets and clients from options; turns exit statuses into process exits.
enum CommandWiring {
    static var environment: [String: String] { ProcessInfo.processInfo.environment }

    static func loadConfig(_ options: StackOptions) throws -> ConfigFile {
        let path = options.config ?? ConfigFile.defaultPath(environment: environment)
        do {
            let config = try ConfigFile.load(path: path, mustExist: options.config != nil)
            for warning in config.warnings { CommandOutput.standard.error("taskops: warning: \(warning)") }
            return config
        } catch {
            CommandOutput.standard.error("taskops: \(error)")
            throw ExitCode(ExitStatus.config.rawValue)
        }
    }

    static func target(_ options: StackOptions) throws -> (StackTarget, ConfigFile) {
        let config = try loadConfig(options)
        do {
            return (try StackTargetResolver.resolve(flags: options.flags, environment: environment, config: config), config)
        } catch {
            CommandOutput.standard.error("taskops: \(error)")
            throw ExitCode(ExitStatus.config.rawValue)
        }
    }

    /// Clients for a target: AWS's endpoints (or the target's override) with the CLI's credential chain.
    static func clients(_ target: StackTarget, meter: CallMeter? = nil) -> (StackClients, CredentialChain) {
        let files = SharedConfigFiles.load(environment: environment)
        let profile = target.profile ?? environment["AWS_PROFILE"] ?? "default"
        // As the AWS CLI: AWS_CA_BUNDLE, then the profile's ca_bundle, replace the system's authorities.
        let transport = CurlTransport(caBundle: environment["AWS_CA_BUNDLE"] ?? files.value("ca_bundle", profile: profile))
        let chain = CredentialChain(environment: environment, files: files, profile: target.profile, transport: transport)
        let region = target.names.region
        let endpoints = StackClients.Endpoints.resolve(region: region, override: target.endpointURL, environment: environment)
        let clients = StackClients(region: region, endpoints: endpoints, apiURL: target.apiURL, credentials: chain, transport: transport,
                                   observer: meter.map(MeterObserver.init))
        return (clients, chain)
    }

    static func context(_ options: StackOptions, json: Bool) async throws -> CommandContext {
        let (target, _) = try target(options)
        let (clients, _) = clients(target)
        var context = CommandContext(target: target, tasks: clients.tasks, cloudWatch: clients.cloudWatch, logs: clients.logs,
                                     stepFunctions: clients.stepFunctions, output: .standard, json: json, measure: measure)
        context.clock = clients.clock
        return context
    }

    static let measure = TextMeasure(sanitize: { Sanitizer.clean($0) }, width: { DisplayWidth.of($0) })

    static func exit(_ status: ExitStatus) throws {
        if status != .ok { throw ExitCode(status.rawValue) }
    }
}

/// Feeds the AWS clients' call reports into the service's call meter.
struct MeterObserver: CallObserver {
    let meter: CallMeter
    init(_ meter: CallMeter) { self.meter = meter }
    func record(_ call: CallRecord) { meter.record(call) }
}
