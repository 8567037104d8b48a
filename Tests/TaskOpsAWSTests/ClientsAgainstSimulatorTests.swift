import Foundation
import Testing
import TaskOpsAWS
import TaskOpsCore
import TaskOpsSim
import TaskOpsSimServer
import AWSSigV4

@Suite struct ClientsAgainstSimulatorTests {
    @Test func taskAPIClientRoundTripsOverLoopback() async throws {
        let sim = try await SimulatorFixture.start()
        defer { Task { await sim.stop() } }
        let api = try #require(sim.clients.tasks)
        let created = try await api.createTask(TaskDraft(title: "Rotate keys 🔑", userId: "ops", priority: "low", tags: ["sec"]))
        #expect(created.status == "pending")
        #expect(created.raw["ttl"]?.numberValue != nil)
        let fetched = try await api.getTask(id: created.taskId)
        #expect(fetched.title == "Rotate keys 🔑")
        #expect(fetched.ttl == created.ttl, "a number on create, a string on get: same text")
        let updated = try await api.updateTask(id: created.taskId, changes: TaskChanges(status: "in_progress"))
        #expect(updated.status == "in_progress")
        let page = try await api.listTasks(status: "in_progress", userId: nil, limit: 10)
        #expect(page.tasks.map(\.taskId) == [created.taskId])
        try await api.deleteTask(id: created.taskId)
        await #expect(throws: StackError.self) { try await api.getTask(id: created.taskId) }
        do {
            _ = try await api.getTask(id: created.taskId)
        } catch {
            #expect(error.kind == .notFound)
            #expect(error.message == "Task not found")
        }
    }

    @Test func getMetricDataPagesAtMaxDatapointsAndThePagesAddUp() async throws {
        let sim = try await SimulatorFixture.start()
        defer { Task { await sim.stop() } }
        let api = try #require(sim.clients.tasks)
        let start = sim.clock.now()
        for minute in 0..<6 {
            _ = try await api.createTask(TaskDraft(title: "t\(minute)", userId: "u"))
            sim.clock.advance(by: 60)
            sim.stack.runDue()
        }
        let queries = ["Invocations", "Duration"].map {
            MetricDataQuery(id: $0.lowercased(), namespace: "AWS/Lambda", metricName: $0, dimensions: [], period: 60, stat: "Sum", label: nil)
        }
        let window = (start.addingTimeInterval(-120), sim.clock.now().addingTimeInterval(60))
        let whole = try await sim.clients.cloudWatch.getMetricData(GetMetricDataRequest(queries: queries, startTime: window.0, endTime: window.1))
        #expect(whole.nextToken == nil && whole.results.allSatisfy { $0.statusCode == "Complete" })
        let total = whole.results.map(\.values.count).reduce(0, +)
        #expect(total >= 10)
        var merged: [String: [Double]] = [:]
        var token: String?
        var pages = 0
        repeat {
            let page = try await sim.clients.cloudWatch.getMetricData(GetMetricDataRequest(queries: queries, startTime: window.0, endTime: window.1,
                                                                                          nextToken: token, maxDatapoints: 3))
            #expect(page.results.map(\.values.count).reduce(0, +) <= 3)
            if page.nextToken != nil { #expect(page.results.contains { $0.statusCode == "PartialData" }) }
            for result in page.results { merged[result.id, default: []] += result.values }
            token = page.nextToken
            pages += 1
        } while token != nil && pages < 100
        #expect(pages == (total + 2) / 3)
        #expect(merged == Dictionary(uniqueKeysWithValues: whole.results.map { ($0.id, $0.values) }), "the pages add up to the whole")
    }

    @Test func apiRefusalsKeepTheirMessages() async throws {
        let sim = try await SimulatorFixture.start()
        defer { Task { await sim.stop() } }
        let api = try #require(sim.clients.tasks)
        do {
            _ = try await api.createTask(TaskDraft(title: "", userId: "u"))
            Issue.record("expected a refusal")
        } catch {
            #expect(error.kind == .validation)
            #expect(error.message == "Title is required")
        }
        sim.stack.setFaults(try SimFaults.parse("api-throttle=1"))
        do {
            _ = try await api.listTasks(status: nil, userId: nil, limit: nil)
            Issue.record("expected throttling")
        } catch {
            #expect(error.kind == .throttled)
            #expect(error.isTransient)
        }
    }

    @Test func logsAndStepFunctionsClientsReadTheSimulator() async throws {
        let sim = try await SimulatorFixture.start()
        defer { Task { await sim.stop() } }
        let api = try #require(sim.clients.tasks)
        let task = try await api.createTask(TaskDraft(title: "Deploy", userId: "ops", priority: "high"))
        sim.clock.advance(by: 2)
        sim.stack.runDue()
        var messages: [String] = []
        var token: String?
        repeat {
            let page = try await sim.clients.logs.filterLogEvents(FilterLogEventsRequest(logGroupName: sim.stack.names.lambdaLogGroup("task-manager-task-created-handler-dev"), nextToken: token))
            messages += page.events.map(\.message)
            token = page.nextToken
        } while token != nil
        #expect(messages.contains("Task \(task.taskId) created by user ops with priority high"))
        let running = try await sim.clients.stepFunctions.listExecutions(stateMachineArn: sim.stack.names.stateMachineArn, status: .running, maxResults: nil, nextToken: nil)
        #expect(running.executions.count == 2)
        let described = try await sim.clients.stepFunctions.describeExecution(arn: running.executions[0].executionArn)
        #expect(described.input?.contains(task.taskId) == true)
        let history = try await sim.clients.stepFunctions.getExecutionHistory(arn: described.executionArn, maxResults: nil, nextToken: nil)
        #expect(history.events.compactMap(\.stateName).contains("WaitForManualApproval"))
        let groups = try await sim.clients.logs.describeLogGroups(prefix: "/aws/lambda/", nextToken: nil)
        #expect(groups.groups.count == 8)
        do {
            _ = try await sim.clients.logs.filterLogEvents(FilterLogEventsRequest(logGroupName: "/nope"))
            Issue.record("expected not found")
        } catch {
            #expect(error.kind == .notFound)
            #expect(error.code == "ResourceNotFoundException")
        }
    }

    @Test func serverClockIsLearnedFromTheDateHeader() async throws {
        let skewed = Date().addingTimeInterval(-6 * 3600)
        let sim = try await SimulatorFixture.start(clockStart: skewed)
        defer { Task { await sim.stop() } }
        _ = try await sim.clients.tasks?.listTasks(status: nil, userId: nil, limit: 1)
        #expect(abs(sim.clients.clock.serverNow().timeIntervalSince(skewed)) < 3)
    }

    @Test func aSkewedClockIsLearnedFromTheRefusalAndTheCallRetriedOnce() async throws {
        let clock = ManualSimClock(start: Date().addingTimeInterval(-6 * 3600))
        let stack = SimStackFactory.make(.init(seed: 3), clock: clock)
        let server = SimServer(stack: stack, configuration: .init(signatureCheck: SignatureCheck.make(accessKey: "AKIDSKEW", secret: "skewsecret", region: "us-east-1")))
        let port = try await server.start()
        defer { Task { await server.stop() } }
        let transport = CountingTransport(CurlTransport())
        let endpoint = "http://127.0.0.1:\(port)"
        let clients = StackClients(region: "us-east-1", endpoints: .resolve(region: "us-east-1", override: endpoint, environment: [:]), apiURL: nil,
                                   credentials: StaticCredentialsProvider(AWSCredentials(accessKeyId: "AKIDSKEW", secretAccessKey: "skewsecret")),
                                   transport: transport)
        let first = try await clients.cloudWatch.describeAlarms(prefix: nil, maxRecords: 100, nextToken: nil)
        #expect(first.alarms.count == 8)
        #expect(transport.count == 2, "refused as expired, then signed again on the server's clock")
        _ = try await clients.cloudWatch.describeAlarms(prefix: nil, maxRecords: 100, nextToken: nil)
        #expect(transport.count == 3, "later calls are signed right the first time")
    }

    @Test func errorBodiesInJSONAndXMLMapToOneTaxonomy() {
        let json = AWSErrorMapper.map(status: 400, body: Array(#"{"__type":"com.amazonaws.logs#ThrottlingException","message":"Rate exceeded"}"#.utf8), service: "logs")
        #expect(json.kind == .throttled)
        #expect(json.code == "ThrottlingException")
        let xml = AWSErrorMapper.map(status: 403, body: Array("<ErrorResponse><Error><Code>SignatureDoesNotMatch</Code><Message>bad sig</Message></Error></ErrorResponse>".utf8), service: "monitoring")
        #expect(xml.kind == .auth)
        #expect(xml.message == "bad sig")
        #expect(AWSErrorMapper.map(status: 400, body: Array(#"{"__type":"ResourceNotFound","message":"Dashboard does not exist"}"#.utf8), service: "monitoring").kind == .notFound)
        #expect(AWSErrorMapper.map(status: 502, body: [], service: "states").kind == .server)
        #expect(AWSErrorMapper.map(status: 503, body: [], service: "states").kind == .throttled)
        #expect(AWSErrorMapper.map(status: 400, body: Array(#"{"__type":"ValidationException","message":"bad"}"#.utf8), service: "states").kind == .validation)
    }

    @Test func unreachableEndpointIsANetworkError() async throws {
        let transport = CurlTransport(connectTimeout: 1)
        do {
            _ = try await transport.send(HTTPRequest(method: "GET", url: "http://127.0.0.1:9/", timeout: 2))
            Issue.record("expected a network error")
        } catch {
            #expect(error.kind == .network)
        }
    }
}

/// Counts the requests it passes on.
final class CountingTransport: HTTPTransport, @unchecked Sendable {
    let wrapped: any HTTPTransport
    private let lock = NSLock()
    private var sent = 0
    init(_ wrapped: any HTTPTransport) { self.wrapped = wrapped }
    var count: Int { lock.withLock { sent } }
    func send(_ request: HTTPRequest) async throws(StackError) -> HTTPResponse {
        lock.withLock { sent += 1 }
        return try await wrapped.send(request)
    }
}
