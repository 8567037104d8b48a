import CCurl
import Foundation
import TaskOpsCore

/// HTTP over libcurl. Easy handles are pooled so connections are kept alive and reused; HTTP/2 is
/// negotiated over TLS where the server offers it; TLS peer and host verification stay on; proxy
/// environment variables are honoured as curl honours them. Each request runs on a transfer thread
/// (never on the task executor; see `TransferThreads`);
/// cancelling the calling task aborts the transfer. `caBundle` (the AWS CLI's `AWS_CA_BUNDLE`)
/// replaces the system's certificate authorities; it never turns verification off.
public final class CurlTransport: HTTPTransport, @unchecked Sendable {
    public var connectTimeout: TimeInterval
    public var maxResponseBytes: Int
    public let caBundle: String?
    private let lock = NSLock()
    private var idle: [OpaquePointer] = []

    private static let globalInit: Void = { curl_global_init(Int(CURL_GLOBAL_DEFAULT)) }()

    public init(connectTimeout: TimeInterval = 5, maxResponseBytes: Int = 32 << 20, caBundle: String? = nil) {
        _ = Self.globalInit
        self.connectTimeout = connectTimeout
        self.maxResponseBytes = maxResponseBytes
        self.caBundle = caBundle.flatMap { $0.isEmpty ? nil : $0 }
    }

    deinit {
        for handle in idle { curl_easy_cleanup(UnsafeMutableRawPointer(handle)) }
    }

    private func checkout() -> UnsafeMutableRawPointer? {
        lock.withLock {
            if let handle = idle.popLast() { return UnsafeMutableRawPointer(handle) }
            return curl_easy_init()
        }
    }

    private func checkin(_ handle: UnsafeMutableRawPointer) {
        curl_easy_reset(handle)
        lock.withLock { idle.append(OpaquePointer(handle)) }
    }

    public func send(_ request: HTTPRequest) async throws(StackError) -> HTTPResponse {
        let exchange = CurlExchange(request: request, maxBytes: maxResponseBytes)
        let result: Result<HTTPResponse, StackError> = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                TransferThreads.shared.run { [self] in
                    continuation.resume(returning: perform(exchange))
                }
            }
        } onCancel: {
            exchange.cancel()
        }
        return try result.get()
    }

    private func perform(_ exchange: CurlExchange) -> Result<HTTPResponse, StackError> {
        guard let handle = checkout() else {
            return .failure(StackError(kind: .network, code: "CurlInit", message: "libcurl could not create a handle"))
        }
        defer { checkin(handle) }
        return exchange.run(on: handle, connectTimeout: connectTimeout, caBundle: caBundle)
    }
}

/// The state of one transfer, reachable from curl's C callbacks through an unmanaged pointer.
final class CurlExchange: @unchecked Sendable {
    let request: HTTPRequest
    let maxBytes: Int
    var body: [UInt8] = []
    var headerLines: [String] = []
    var tooLarge = false
    private let cancelled = NSLock()
    private var isCancelled = false

    init(request: HTTPRequest, maxBytes: Int) {
        self.request = request
        self.maxBytes = maxBytes
    }

    func cancel() { cancelled.withLock { isCancelled = true } }
    var wasCancelled: Bool { cancelled.withLock { isCancelled } }

    func run(on handle: UnsafeMutableRawPointer, connectTimeout: TimeInterval, caBundle: String?) -> Result<HTTPResponse, StackError> {
        if wasCancelled { return .failure(StackError(kind: .cancelled, code: "Cancelled", message: "request cancelled")) }
        let me = Unmanaged.passUnretained(self).toOpaque()
        var slist: UnsafeMutablePointer<curl_slist>?
        defer { curl_slist_free_all(slist) }
        var payload = request.body
        return request.url.withCString { url -> Result<HTTPResponse, StackError> in
            request.method.withCString { method -> Result<HTTPResponse, StackError> in
                _ = taskops_curl_setopt_ptr(handle, CURLOPT_URL, url)
                _ = taskops_curl_setopt_ptr(handle, CURLOPT_CUSTOMREQUEST, method)
                _ = taskops_curl_setopt_long(handle, CURLOPT_HTTP_VERSION, CURL_HTTP_VERSION_2TLS)
                _ = taskops_curl_setopt_long(handle, CURLOPT_SSL_VERIFYPEER, 1)
                _ = taskops_curl_setopt_long(handle, CURLOPT_SSL_VERIFYHOST, 2)
                if let caBundle { _ = caBundle.withCString { taskops_curl_setopt_ptr(handle, CURLOPT_CAINFO, $0) } }
                _ = taskops_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
                _ = taskops_curl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Int(connectTimeout * 1000))
                _ = taskops_curl_setopt_long(handle, CURLOPT_TIMEOUT_MS, Int(request.timeout * 1000))
                _ = taskops_curl_setopt_ptr(handle, CURLOPT_ACCEPT_ENCODING, "")
                for header in request.headers {
                    slist = curl_slist_append(slist, "\(header.name): \(header.value)")
                }
                // curl adds `Expect: 100-continue` to larger POSTs; AWS does not need the extra round trip.
                slist = curl_slist_append(slist, "Expect:")
                _ = taskops_curl_setopt_ptr(handle, CURLOPT_HTTPHEADER, UnsafeRawPointer(slist))
                let bodyResult: Result<HTTPResponse, StackError> = payload.withUnsafeMutableBytes { bytes in
                    if request.method != "GET" && request.method != "HEAD" {
                        _ = taskops_curl_setopt_off(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(bytes.count))
                        _ = taskops_curl_setopt_ptr(handle, CURLOPT_POSTFIELDS, bytes.count > 0 ? UnsafeRawPointer(bytes.baseAddress) : UnsafeRawPointer(("" as StaticString).utf8Start))
                    }
                    _ = taskops_curl_setopt_write(handle, curlWriteBody, me)
                    _ = taskops_curl_setopt_header(handle, curlWriteHeader, me)
                    _ = taskops_curl_setopt_xferinfo(handle, curlProgress, me)
                    let code = curl_easy_perform(handle)
                    return finish(handle, code)
                }
                return bodyResult
            }
        }
    }

    private func finish(_ handle: UnsafeMutableRawPointer, _ code: CURLcode) -> Result<HTTPResponse, StackError> {
        if wasCancelled { return .failure(StackError(kind: .cancelled, code: "Cancelled", message: "request cancelled")) }
        if tooLarge {
            return .failure(StackError(kind: .malformed, code: "ResponseTooLarge", message: "answer larger than \(maxBytes) bytes refused"))
        }
        guard code == CURLE_OK else {
            let message = String(cString: curl_easy_strerror(code))
            let kind: StackError.Kind = .network
            let host = URLComponents(string: request.url)?.host ?? request.url
            return .failure(StackError(kind: kind, code: "Curl\(code.rawValue)", message: "\(message) (\(host))"))
        }
        var status = 0
        _ = taskops_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        var version = 0
        _ = taskops_curl_getinfo_long(handle, CURLINFO_HTTP_VERSION, &version)
        let versionName = [Int(CURL_HTTP_VERSION_1_0): "1.0", Int(CURL_HTTP_VERSION_1_1): "1.1", Int(CURL_HTTP_VERSION_2_0): "2"][version] ?? ""
        return .success(HTTPResponse(status: status, headers: parsedHeaders(), body: body, httpVersion: versionName))
    }

    /// Headers of the final response (after any 100-continue or redirect blocks).
    private func parsedHeaders() -> [(name: String, value: String)] {
        var headers: [(name: String, value: String)] = []
        for line in headerLines {
            if line.hasPrefix("HTTP/") { headers.removeAll(); continue }
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers.append((String(line[..<colon]), line[line.index(after: colon)...].cheaplyTrimming(.whitespacesAndNewlines)))
        }
        return headers
    }
}

private func curlWriteBody(_ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ context: UnsafeMutableRawPointer?) -> Int {
    guard let data, let context else { return 0 }
    let exchange = Unmanaged<CurlExchange>.fromOpaque(context).takeUnretainedValue()
    let length = size * count
    if exchange.body.count + length > exchange.maxBytes { exchange.tooLarge = true; return 0 }
    data.withMemoryRebound(to: UInt8.self, capacity: length) { exchange.body.append(contentsOf: UnsafeBufferPointer(start: $0, count: length)) }
    return length
}

private func curlWriteHeader(_ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ context: UnsafeMutableRawPointer?) -> Int {
    guard let data, let context else { return 0 }
    let exchange = Unmanaged<CurlExchange>.fromOpaque(context).takeUnretainedValue()
    let length = size * count
    let line = data.withMemoryRebound(to: UInt8.self, capacity: length) { String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self) }
    exchange.headerLines.append(line.cheaplyTrimming(.newlines))
    return length
}

private func curlProgress(_ context: UnsafeMutableRawPointer?, _: curl_off_t, _: curl_off_t, _: curl_off_t, _: curl_off_t) -> Int32 {
    guard let context else { return 0 }
    return Unmanaged<CurlExchange>.fromOpaque(context).takeUnretainedValue().wasCancelled ? 1 : 0
}
