import Testing
import TaskOpsCore
@testable import TaskOpsCLI

/// A Task API that answers from memory, or fails with a given error.
final class FakeTaskAPI: TaskAPI, @unchecked Sendable {
    var tasks: [TaskItem]
    var failure: StackError?
    var truncated = false
    var writes = 0

    init(tasks: [TaskItem], failure: StackError? = nil) {
        self.tasks = tasks
        self.failure = failure
    }

    func listTasks(status: String?, userId: String?, limit: Int?) async throws(StackError) -> TaskPage {
        if let failure { throw failure }
        let selected = tasks.filter { status == nil || $0.status == status }
        return TaskPage(tasks: selected, count: selected.count, lastEvaluatedKey: truncated ? .object(["taskId": .string("x")]) : nil)
    }
    func getTask(id: String) async throws(StackError) -> TaskItem {
        if let failure { throw failure }
        guard let task = tasks.first(where: { $0.taskId == id }) else { throw StackError(kind: .notFound, code: "404", message: "Task not found") }
        return task
    }
    func createTask(_ draft: TaskDraft) async throws(StackError) -> TaskItem {
        writes += 1
        return TaskItem(taskId: "new", title: draft.title, userId: draft.userId, createdAt: "t", updatedAt: "t")
    }
    func updateTask(id: String, changes: TaskChanges) async throws(StackError) -> TaskItem {
        writes += 1
        return try await getTask(id: id)
    }
    func deleteTask(id: String) async throws(StackError) { writes += 1 }
}

@Suite struct TaskCommandsTests {
    static let plainMeasure = TextMeasure(sanitize: { $0.replacingOccurrences(of: "\u{1B}", with: "␛") }, width: { $0.count })

    static func task(_ id: String, title: String) throws -> TaskItem {
        let json = try JSONParser.parse(#"{"taskId": "\#(id)", "title": \#(JSONWriter.python(.string(title))), "status": "pending", "userId": "u1", "ttl": "1803352505", "createdAt": "2026-11-24T10:11:12.123456", "updatedAt": "2026-11-24T10:11:12.123456", "tags": ["1"]}"#)
        let object = try #require(json.objectValue)
        return try #require(TaskItem(json: object))
    }

    func context(_ api: FakeTaskAPI, json: Bool, readonly: Bool = false) -> (CommandContext, CapturedOutput) {
        let captured = CapturedOutput()
        var target = StackTarget(names: StackNames())
        target.readonly = readonly
        return (CommandContext(target: target, tasks: api, cloudWatch: nil, logs: nil, stepFunctions: nil,
                               output: captured.output, json: json, measure: Self.plainMeasure), captured)
    }

    @Test func jsonOutputRoundTripsHostileStrings() async throws {
        let hostile = "evil \u{1B}]52;c;aGk=\u{07} \u{202E}txt.exe 日本 😀"
        let api = FakeTaskAPI(tasks: [try Self.task("t1", title: hostile)])
        let (ctx, out) = context(api, json: true)
        #expect(await TaskCommands.list(ctx, status: nil, user: nil, limit: nil) == .ok)
        let parsed = try JSONParser.parse(out.stdout.trimmingCharacters(in: .newlines))
        #expect(parsed["tasks"]?.arrayValue?.first?["title"]?.stringValue == hostile)
        #expect(parsed["tasks"]?.arrayValue?.first?["ttl"]?.stringValue == "1803352505")
    }

    @Test func humanOutputIsSanitized() async throws {
        let api = FakeTaskAPI(tasks: [try Self.task("t1", title: "a\u{1B}[2Jb")])
        let (ctx, out) = context(api, json: false)
        #expect(await TaskCommands.list(ctx, status: nil, user: nil, limit: nil) == .ok)
        #expect(!out.stdout.contains("\u{1B}"))
        #expect(out.stdout.contains("a␛[2Jb"))
    }

    @Test func truncationIsNeverSilent() async throws {
        let api = FakeTaskAPI(tasks: [try Self.task("t1", title: "x")])
        api.truncated = true
        let (ctx, out) = context(api, json: false)
        _ = await TaskCommands.list(ctx, status: nil, user: nil, limit: 1)
        #expect(out.stderr.contains("more may exist"))
    }

    @Test func exitCodesDistinguishFailures() async throws {
        let api = FakeTaskAPI(tasks: [])
        #expect(await TaskCommands.get(context(api, json: false).0, id: "missing") == .notFound)
        api.failure = StackError(kind: .throttled, code: "429", message: "Too Many Requests")
        #expect(await TaskCommands.list(context(api, json: false).0, status: nil, user: nil, limit: nil) == .transient)
        api.failure = StackError(kind: .auth, code: "UnrecognizedClientException", message: "bad token")
        #expect(await TaskCommands.get(context(api, json: false).0, id: "x") == .auth)
    }

    @Test func readonlyRefusesEveryWrite() async throws {
        let api = FakeTaskAPI(tasks: [try Self.task("t1", title: "x")])
        let ctx = context(api, json: false, readonly: true).0
        #expect(await TaskCommands.create(ctx, draft: TaskDraft(title: "a", userId: "u")) == .readOnly)
        #expect(await TaskCommands.update(ctx, id: "t1", changes: TaskChanges(status: "approved")) == .readOnly)
        #expect(await TaskCommands.delete(ctx, id: "t1") == .readOnly)
        #expect(api.writes == 0)
    }
}
