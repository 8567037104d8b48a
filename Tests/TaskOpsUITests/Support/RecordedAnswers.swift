import Foundation
import TaskOpsAWS
import TaskOpsCore

/// Real answers recorded from the simulator, by operation (`X-Amz-Target`, or the Task API's
/// method and route): the seed corpus for fuzzing what the clients read.
final class RecordedAnswers: HTTPTransport, @unchecked Sendable {
    private let lock = NSLock()
    private let inner: any HTTPTransport
    private(set) var bodies: [String: [[UInt8]]] = [:]

    init(recording inner: any HTTPTransport) { self.inner = inner }

    static func key(_ request: HTTPRequest) -> String {
        if let target = request.headers.first(where: { $0.name.lowercased() == "x-amz-target" })?.value { return target }
        let path = request.url.split(separator: "?").first.map(String.init) ?? request.url
        return "tasks \(request.method) \(path.hasSuffix("/tasks") ? "list" : "one")"
    }

    func send(_ request: HTTPRequest) async throws(StackError) -> HTTPResponse {
        let response = try await inner.send(request)
        lock.withLock { bodies[Self.key(request), default: []].append(response.body) }
        return response
    }

    var all: [String: [[UInt8]]] { lock.withLock { bodies } }
}
