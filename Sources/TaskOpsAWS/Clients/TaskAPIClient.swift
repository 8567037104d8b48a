import Foundation
import TaskOpsCore

/// The Task API over HTTPS JSON (no authorizer, so unsigned). `baseURL` includes the stage.
public struct TaskAPIClient: TaskAPI {
    public var baseURL: String
    public var transport: any HTTPTransport
    public var observer: (any CallObserver)?
    public var clock: ServerClockTracker?
    public var timeout: TimeInterval = 15

    public init(baseURL: String, transport: any HTTPTransport, observer: (any CallObserver)? = nil, clock: ServerClockTracker? = nil) {
        var url = baseURL
        while url.hasSuffix("/") { url.removeLast() }
        self.baseURL = url
        self.transport = transport
        self.observer = observer
        self.clock = clock
    }

    public func listTasks(status: String?, userId: String?, limit: Int?) async throws(StackError) -> TaskPage {
        var query: [String] = []
        if let status { query.append("status=\(Self.encode(status))") }
        if let userId { query.append("userId=\(Self.encode(userId))") }
        if let limit { query.append("limit=\(limit)") }
        let object = try await call("ListTasks", "GET", "/tasks" + (query.isEmpty ? "" : "?" + query.joined(separator: "&")))
        let items = object["tasks"]?.arrayValue ?? []
        let tasks = TaskItem.items(from: items.compactMap(\.objectValue))
        return TaskPage(tasks: tasks, count: object["count"]?.numberValue?.intValue ?? tasks.count,
                        lastEvaluatedKey: object["lastEvaluatedKey"], skipped: items.count - tasks.count)
    }

    public func getTask(id: String) async throws(StackError) -> TaskItem {
        try task(in: try await call("GetTask", "GET", "/tasks/\(Self.encode(id))"))
    }

    public func createTask(_ draft: TaskDraft) async throws(StackError) -> TaskItem {
        try task(in: try await call("CreateTask", "POST", "/tasks", body: draft.json))
    }

    public func updateTask(id: String, changes: TaskChanges) async throws(StackError) -> TaskItem {
        try task(in: try await call("UpdateTask", "PUT", "/tasks/\(Self.encode(id))", body: changes.json))
    }

    public func deleteTask(id: String) async throws(StackError) {
        _ = try await call("DeleteTask", "DELETE", "/tasks/\(Self.encode(id))")
    }

    private func task(in object: JSONObject) throws(StackError) -> TaskItem {
        guard let task = object["task"]?.objectValue.flatMap(TaskItem.init(json:)) else {
            throw StackError(kind: .malformed, code: "MalformedResponse", message: "the answer holds no task with a taskId", service: "tasks")
        }
        return task
    }

    /// RFC 3986 unreserved characters, ASCII only (`CharacterSet.alphanumerics` would let non-ASCII letters through).
    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }

    private func call(_ operation: String, _ method: String, _ path: String, body: JSONValue? = nil) async throws(StackError) -> JSONObject {
        var headers: [(name: String, value: String)] = [("Accept", "application/json")]
        var payload: [UInt8] = []
        if let body {
            headers.append(("Content-Type", "application/json"))
            payload = Array(JSONWriter.compact(body).utf8)
        }
        var record = CallRecord(service: "tasks", operation: operation, succeeded: false)
        do throws(StackError) {
            let response = try await transport.send(HTTPRequest(method: method, url: baseURL + path, headers: headers, body: payload, timeout: timeout))
            record.requestId = response.header("apigw-requestid")
            record.responseBytes = response.body.count
            clock?.observe(dateHeader: response.header("Date"))
            let parsed = try? JSONParser.parse(response.body)
            guard (200..<300).contains(response.status) else {
                let message = parsed?["error"]?.stringValue ?? parsed?["message"]?.stringValue ?? "HTTP \(response.status)"
                throw StackError(kind: Self.kind(response.status), code: String(response.status), message: message,
                                 httpStatus: response.status, service: "tasks")
            }
            guard let object = parsed?.objectValue else {
                throw StackError(kind: .malformed, code: "MalformedResponse", message: "\(operation) answered with something that is not a JSON object",
                                 httpStatus: response.status, service: "tasks")
            }
            record.succeeded = true
            observer?.record(record)
            return object
        } catch {
            observer?.record(record)
            throw error
        }
    }

    static func kind(_ status: Int) -> StackError.Kind {
        switch status {
        case 404: return .notFound
        case 429: return .throttled
        case 401, 403: return .auth
        case 400..<500: return .validation
        default: return .server
        }
    }
}
