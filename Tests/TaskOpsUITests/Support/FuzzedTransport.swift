import Foundation
import TaskOpsAWS
import TaskOpsCore
import TaskOpsTesting

/// Answers every request with a recorded answer for its operation, usually mutated, under a
/// random status and sometimes a broken `Date` header: what a hostile or broken endpoint sends.
final class FuzzedTransport: HTTPTransport, @unchecked Sendable {
    private let lock = NSLock()
    private let recorded: [String: [[UInt8]]]
    private var mutator: InputMutator
    private(set) var requests = 0

    init(seed: UInt64, recorded: [String: [[UInt8]]]) {
        self.recorded = recorded
        let corpus = recorded.values.flatMap { $0 }.filter { $0.count < 20_000 }.map { String(decoding: $0, as: UTF8.self) }
        mutator = InputMutator(seed: seed, corpus: Array(corpus.prefix(200)),
                               extraTokens: ["\"timestamp\":1e300", "\"timestamp\":-9223372036854775809", "\"Timestamps\":[1e308]", "\"nextToken\":\"x\"",
                                             "\"startDate\":1e300", "\"StateUpdatedTimestamp\":\"9999-99-99\"", "\"period\":9223372036854775807",
                                             "\"width\":-5", "\"x\":1e20", "\"count\":\"many\"", "\"Values\":[\"NaN\"]"])
    }

    func send(_ request: HTTPRequest) async throws(StackError) -> HTTPResponse {
        lock.withLock {
            requests += 1
            let choices = recorded[RecordedAnswers.key(request)] ?? []
            var body = choices.isEmpty ? mutator.next() : choices[Int(mutator.generator.next() % UInt64(choices.count))]
            if mutator.generator.next() % 5 != 0 {
                var once = InputMutator(seed: mutator.generator.next(), corpus: [String(decoding: body, as: UTF8.self)])
                body = once.next()
            }
            let statuses = [200, 200, 200, 200, 200, 200, 200, 400, 403, 404, 429, 500, 503]
            let status = statuses[Int(mutator.generator.next() % UInt64(statuses.count))]
            var headers: [(name: String, value: String)] = [("Content-Type", "application/json")]
            switch mutator.generator.next() % 4 {
            case 0: headers.append(("Date", "Tue, 24 Nov 2026 10:11:12 GMT"))
            case 1: headers.append(("Date", mutator.nextString()))
            default: break
            }
            return HTTPResponse(status: status, headers: headers, body: body)
        }
    }
}
