import Foundation
import TaskOpsCore

/// API Gateway (HTTP API, payload 2.0) in front of the handlers: routing, CORS, body encoding,
/// its own error answers, access logging and metrics.
extension SimStack {
    static let corsMethods = "GET,POST,PUT,DELETE,OPTIONS"
    static let corsHeaders = "content-type,authorization,x-amz-date,x-api-key,x-amz-security-token"

    /// Answers one request to the Task API (paths under `/{env}/`).
    public func handleTaskAPI(_ request: SimRequest) -> SimResponse {
        withLock { handleTaskAPILocked(request) }
    }

    private func handleTaskAPILocked(_ request: SimRequest) -> SimResponse {
        let now = clock.now()
        let requestId = rng.hex(8) + "-" + rng.hex(4)
        let origin = request.header("Origin")
        var routeKey = "-"
        var response: SimResponse
        var latency = rng.uniform(15, 60)
        var integrationLatency: Double?

        if request.method == "OPTIONS" {
            var headers: [(name: String, value: String)] = []
            if origin != nil {
                headers = [("Access-Control-Allow-Origin", "*"), ("Access-Control-Allow-Methods", Self.corsMethods),
                           ("Access-Control-Allow-Headers", Self.corsHeaders), ("Access-Control-Max-Age", "300")]
            }
            response = SimResponse(status: 204, headers: headers)
        } else if let route = route(method: request.method, path: request.path) {
            routeKey = route.key
            latency += faults.latencyMs
            if rng.chance(faults.apiThrottle) {
                response = Self.gatewayMessage(429, "Too Many Requests")
            } else if latency > 30_000 {
                response = Self.gatewayMessage(503, "Service Unavailable")
                invokeTimedOut(route.function, at: now)
            } else if rng.chance(faults.lambdaThrottles) {
                metrics?.lambdaThrottled(function: names.functionName(route.function) ?? route.function, at: now)
                response = Self.gatewayMessage(500, "Internal Server Error")
            } else {
                let crashed = rng.chance(faults.api5xx) || rng.chance(faults.lambdaErrors)
                var lines: [String] = []
                var answer = HandlerAnswer(status: 500, body: .null, crashed: true)
                if !crashed {
                    let body = Self.bodyText(request)
                    switch route.function {
                    case "create_task": answer = createTask(body: body, at: now, lines: &lines)
                    case "list_tasks": answer = listTasks(query: request.queryParameters, at: now, lines: &lines)
                    case "get_task": answer = getTask(id: route.taskId, at: now, lines: &lines)
                    case "update_task": answer = updateTask(id: route.taskId, body: body, at: now, lines: &lines)
                    default: answer = deleteTask(id: route.taskId, at: now, lines: &lines)
                    }
                }
                let duration = invoke(route.function, at: now, crashed: answer.crashed, lines: lines)
                integrationLatency = duration + rng.uniform(1, 4)
                latency = max(latency, (integrationLatency ?? 0) + rng.uniform(1, 6))
                if answer.crashed {
                    response = Self.gatewayMessage(500, "Internal Server Error")
                } else {
                    response = SimResponse(status: answer.status, contentType: "application/json", text: JSONWriter.python(answer.body))
                }
            }
        } else {
            response = Self.gatewayMessage(404, "Not Found")
        }
        if origin != nil && request.method != "OPTIONS" {
            response.headers.append(("Access-Control-Allow-Origin", "*"))
        }
        response.headers.append(("apigw-requestid", requestId))
        if request.method != "OPTIONS" {
            metrics?.apiRequest(status: response.status, latencyMs: latency, integrationLatencyMs: integrationLatency,
                                responseBytes: response.body.count, at: now)
        }
        accessLog(request, routeKey: routeKey, status: response.status, length: response.body.count, requestId: requestId, at: now)
        return response
    }

    static func gatewayMessage(_ status: Int, _ message: String) -> SimResponse {
        SimResponse(status: status, contentType: "application/json", text: JSONWriter.compact(.object(["message": .string(message)])))
    }

    /// The body as the handler sees it: text for textual content types, base64 otherwise.
    static func bodyText(_ request: SimRequest) -> String? {
        guard !request.body.isEmpty else { return nil }
        let type = (request.header("Content-Type") ?? "").lowercased()
        let textual = type.hasPrefix("text/") || type.contains("json") || type.contains("xml") || type.contains("javascript")
            || type.hasPrefix("application/x-www-form-urlencoded")
        if textual { return String(decoding: request.body, as: UTF8.self) }
        return Data(request.body).base64EncodedString()
    }

    struct Route {
        var key: String
        var function: String
        var taskId: String
    }

    func route(method: String, path: String) -> Route? {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(String.init)
        guard segments.count >= 2, segments[0] == names.env, segments[1] == "tasks" else { return nil }
        if segments.count == 2 {
            switch method {
            case "GET": return Route(key: "GET /tasks", function: "list_tasks", taskId: "")
            case "POST": return Route(key: "POST /tasks", function: "create_task", taskId: "")
            default: return nil
            }
        }
        guard segments.count == 3, !segments[2].isEmpty else { return nil }
        let id = segments[2].removingPercentEncoding ?? segments[2]
        switch method {
        case "GET": return Route(key: "GET /tasks/{taskId}", function: "get_task", taskId: id)
        case "PUT": return Route(key: "PUT /tasks/{taskId}", function: "update_task", taskId: id)
        case "DELETE": return Route(key: "DELETE /tasks/{taskId}", function: "delete_task", taskId: id)
        default: return nil
        }
    }

    func accessLog(_ request: SimRequest, routeKey: String, status: Int, length: Int, requestId: String, at now: Date) {
        let record = JSONObject([
            ("httpMethod", .string(request.method)), ("integrationError", .string("-")), ("ip", .string("127.0.0.1")),
            ("protocol", .string("HTTP/1.1")), ("requestId", .string(requestId)), ("requestTime", .string(Self.clfTime(now))),
            ("responseLength", .string(String(length))), ("routeKey", .string(routeKey)), ("status", .string(String(status))),
        ])
        logs.append(group: names.apiAccessLogGroup, stream: "\(names.env)-access", message: JSONWriter.compact(.object(record)),
                    timestampMillis: Self.millis(now))
    }

    /// `$context.requestTime`: `25/Nov/2026:10:11:12 +0000`.
    static func clfTime(_ date: Date) -> String {
        let http = StackTime.httpDate(date).split(separator: " ")
        guard http.count == 6 else { return "-" }
        return "\(http[1])/\(http[2])/\(http[3]):\(http[4]) +0000"
    }
}
