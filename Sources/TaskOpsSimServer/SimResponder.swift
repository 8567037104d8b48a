import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import TaskOpsCore
import TaskOpsSim

/// Routes every request to the model and turns its `SimResponse` into an HTTP answer.
struct SimResponder: Sendable {
    let stack: SimStack
    let configuration: SimServer.Configuration

    func respond(to request: Request) async -> Response {
        var body: [UInt8] = []
        var tooLarge = false
        do {
            let buffer = try await request.body.collect(upTo: configuration.maxBodyBytes)
            body = Array(buffer.readableBytesView)
        } catch {
            tooLarge = true
        }
        var headers = request.headers.map { (name: $0.name.canonicalName, value: $0.value) }
        // HTTPTypes keeps Host as the :authority pseudo-header; signatures cover it as `host`.
        if let authority = request.head.authority, !headers.contains(where: { $0.name.lowercased() == "host" }) {
            headers.append((name: "Host", value: authority))
        }
        let simRequest = SimRequest(method: request.method.rawValue, path: request.uri.path, query: request.uri.query ?? "",
                                    headers: headers, body: body)
        var answer: SimResponse
        if tooLarge {
            answer = SimResponse(status: 413, contentType: "application/json", text: "{\"message\":\"Request Entity Too Large\"}")
        } else {
            answer = route(simRequest)
        }
        // At most ten minutes: a larger spec (delay-ms=1e20) must not overflow the sleep.
        let delay = min(stack.currentFaults().delayMs, 600_000)
        if delay > 0, !simRequest.path.hasPrefix("/_sim/") { try? await Task.sleep(nanoseconds: UInt64(delay * 1_000_000)) }
        answer.headers.append(("Date", StackTime.httpDate(stack.now)))
        answer.headers.append(("x-amzn-RequestId", UUID().uuidString.lowercased()))
        var fields = HTTPFields()
        for header in answer.headers {
            if let name = HTTPField.Name(header.name) { fields.append(HTTPField(name: name, value: header.value)) }
        }
        return Response(status: HTTPResponse.Status(code: answer.status), headers: fields,
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body)))
    }

    func route(_ request: SimRequest) -> SimResponse {
        if request.path.hasPrefix("/_sim/") { return SimAdminRoutes.handle(request, stack: stack) }
        if request.method == "POST", request.path == "/" || request.path.hasPrefix("/service/"), let target = awsTarget(request) {
            if let check = configuration.signatureCheck, let refusal = check(SimRequestInfo(request: request, service: stack.service(forTarget: target)?.signingName), stack.now) {
                return refusal
            }
            guard SmithyRPCv2CBOR.applies(to: request) else {
                return stack.handleAWS(target: target, body: request.body, contentType: request.header("Content-Type") ?? "")
            }
            switch SmithyRPCv2CBOR.jsonBody(request.body) {
            case .refused(let refusal): return refusal
            case .json(let json): return SmithyRPCv2CBOR.response(stack.handleAWS(target: target, body: json, contentType: "application/x-amz-json-1.0"))
            }
        }
        if request.method == "POST" && request.path == "/" {
            return SimResponse(status: 400, contentType: "application/x-amz-json-1.0",
                               text: "{\"__type\":\"UnknownOperationException\",\"message\":\"Missing X-Amz-Target header\"}")
        }
        return stack.handleTaskAPI(request)
    }

    /// `X-Amz-Target`, or the smithy RPC v2 path `/service/<Service>/operation/<Op>`.
    func awsTarget(_ request: SimRequest) -> String? {
        if let target = request.header("X-Amz-Target") { return target }
        let parts = request.path.split(separator: "/")
        if parts.count == 4, parts[0] == "service", parts[2] == "operation" { return "\(parts[1]).\(parts[3])" }
        return nil
    }
}
