import Foundation
import TaskOpsAWS
import TaskOpsCLI
import TaskOpsCore
import TaskOpsService
import TaskOpsUI

/// Wires clients → polling service → console and runs it until the user quits.
enum ConsoleLauncher {
    struct Settings {
        var mode: String
        var colorMode: String
        var ascii: Bool
        var theme: String
        var charts: ChartGlyphs?
        var intervals: ServiceSettings
    }

    static func run(target: StackTarget, clients: StackClients, meter: CallMeter, settings: Settings) async {
        HeapPolicy.giveBackLargeBlocksWhenFreed()
        var serviceSettings = settings.intervals
        serviceSettings.readonly = target.readonly
        serviceSettings.who = ApprovalDecider.caller(environment: CommandWiring.environment)
        serviceSettings.auditLogPath = serviceSettings.auditLogPath ?? AuditLog.defaultPath(environment: CommandWiring.environment)
        let service = StackService(names: target.names, apiId: target.apiID, dashboardName: target.dashboardName, stateMachineArn: target.stateMachineArn,
                                   tasks: clients.tasks, cloudWatch: clients.cloudWatch, logs: clients.logs, stepFunctions: clients.stepFunctions,
                                   clock: clients.clock, meter: meter, settings: serviceSettings)
        await service.start()
        let endpoint = target.apiURL ?? target.endpointURL ?? "aws"
        let header = HeaderInfo(stack: target.names.project + "-" + target.names.env, region: target.names.region, endpoint: endpoint,
                                mode: target.readonly ? "\(settings.mode) READ-ONLY" : settings.mode)
        let clock = clients.clock
        let loadTheme: @Sendable (String) -> (Theme, [String]) = { name in
            Theme.load(name: name, environment: CommandWiring.environment, shippedDirectory: DisplayOptions.shippedThemes)
        }
        let (theme, themeWarnings) = loadTheme(settings.theme)
        let (keyMap, keyProblems) = KeyBindingsFile.load(path: KeyBindingsFile.defaultPath(environment: CommandWiring.environment))
        let keyMessage = keyProblems.first.map { "\($0)" + (keyProblems.count > 1 ? " (+\(keyProblems.count - 1) more: taskops keys)" : "") }
        let runner = ConsoleRunner(
            header: header, options: ConsoleRunner.Options(colorMode: settings.colorMode, ascii: settings.ascii, readonly: target.readonly,
                                                           theme: theme, charts: settings.charts, loadTheme: loadTheme,
                                                           message: keyMessage ?? themeWarnings.first, keyMap: keyMap),
            snapshot: { service.snapshot() }, changeCount: { service.store.changeCount }, serverNow: { clock.serverNow() },
            perform: { effect in await perform(effect, service) })
        let wakeOnChange = Task {
            for await _ in service.store.changes() { runner.wake() }
        }
        await runner.run()
        wakeOnChange.cancel()
        await service.stop()
    }

    static func perform(_ effect: ConsoleEffect, _ service: StackService) async -> ConsoleInput? {
        switch effect {
        case .decide(let decision, let ids):
            return .decisions(decision, await service.decide(decision, taskIds: ids))
        case .deleteTask(let id):
            do {
                try await service.deleteTask(id: id)
                return .taskDeleted(id, nil)
            } catch {
                return .taskDeleted(id, error)
            }
        case .createTask(let draft):
            do { return .taskSaved(try await service.createTask(draft), nil) } catch { return .taskSaved(nil, error) }
        case .updateTask(let id, let changes):
            do { return .taskSaved(try await service.updateTask(id: id, changes: changes), nil) } catch { return .taskSaved(nil, error) }
        case .loadExecutionPaths(let arns):
            var paths: [String: ExecutionPathLookup] = [:]
            for arn in arns {
                do { paths[arn] = .path(try await service.executionPath(arn: arn)) } catch { paths[arn] = .failed("\(error.code): \(error.message)") }
            }
            return .executionPaths(paths)
        case .refresh:
            await service.refresh(nil)
            return nil
        case .showDashboard(let source):
            await service.showDashboard(source)
            return nil
        case .quit, .switchTheme:
            return nil
        }
    }
}
