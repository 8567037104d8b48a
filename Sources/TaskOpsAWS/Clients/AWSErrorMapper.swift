import TaskOpsCore

/// Turns an AWS error answer (JSON `__type`/`message` or XML `<Code>`/`<Message>`) into a `StackError`.
public enum AWSErrorMapper {
    static let throttling: Set<String> = ["ThrottlingException", "Throttling", "TooManyRequestsException", "RequestLimitExceeded",
                                          "ProvisionedThroughputExceededException", "RequestThrottled", "RequestThrottledException", "SlowDown"]
    static let auth: Set<String> = ["UnrecognizedClientException", "InvalidSignatureException", "SignatureDoesNotMatch", "AccessDenied",
                                    "AccessDeniedException", "ExpiredToken", "ExpiredTokenException", "MissingAuthenticationToken",
                                    "MissingAuthenticationTokenException", "IncompleteSignature", "IncompleteSignatureException",
                                    "InvalidClientTokenId", "NotAuthorized", "AuthFailure", "RequestExpired"]
    static let notFound: Set<String> = ["ResourceNotFoundException", "ResourceNotFound", "ExecutionDoesNotExist", "StateMachineDoesNotExist",
                                        "DashboardNotFoundError", "NotFound"]

    public static func map(status: Int, body: [UInt8], service: String) -> StackError {
        let (code, message) = parse(body)
        let finalCode = code ?? "HTTP\(status)"
        let text = message ?? (body.isEmpty ? "HTTP \(status) with an empty body" : String(decoding: body.prefix(200), as: UTF8.self))
        return StackError(kind: kind(code: finalCode, status: status), code: finalCode, message: text, httpStatus: status, service: service)
    }

    static func kind(code: String, status: Int) -> StackError.Kind {
        if throttling.contains(code) || status == 429 { return .throttled }
        if auth.contains(code) || status == 401 || status == 403 { return .auth }
        if notFound.contains(code) || code.hasSuffix("NotFoundException") || code.hasSuffix("DoesNotExist") || status == 404 { return .notFound }
        if status == 503 { return .throttled }
        if status >= 500 { return .server }
        return .validation
    }

    /// The error code and message, from JSON or XML bodies.
    static func parse(_ body: [UInt8]) -> (String?, String?) {
        if let json = try? JSONParser.parse(body), let object = json.objectValue {
            var code = object["__type"]?.stringValue ?? object["code"]?.stringValue ?? object["Code"]?.stringValue
            if let raw = code {
                // `com.amazonaws.logs#ResourceNotFoundException` or `aws.protocoljson#Foo:http://…`
                code = String(raw.split(separator: "#").last ?? Substring(raw)).split(separator: ":").first.map(String.init) ?? raw
            }
            let message = object["message"]?.stringValue ?? object["Message"]?.stringValue ?? object["error"]?.stringValue
            return (code, message)
        }
        let text = String(decoding: body, as: UTF8.self)
        return (xmlElement("Code", in: text), xmlElement("Message", in: text))
    }

    static func xmlElement(_ name: String, in text: String) -> String? {
        guard let open = text.range(of: "<\(name)>"), let close = text.range(of: "</\(name)>", range: open.upperBound..<text.endIndex) else { return nil }
        return String(text[open.upperBound..<close.lowerBound])
    }
}
