import Crypto
import Foundation

/// Signature Version 4 signing (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html).
public struct SigV4Signer: Sendable {
    public var region: String
    public var service: String
    /// Remove `.`, `..` and empty path segments (every service but S3).
    public var normalizePath: Bool

    public init(region: String, service: String, normalizePath: Bool? = nil) {
        self.region = region
        self.service = service
        self.normalizePath = normalizePath ?? (service != "s3")
    }

    /// A request to sign. Header names are matched case-insensitively.
    public struct Request: Sendable {
        public var method: String
        /// The path as sent (may be percent-encoded).
        public var path: String
        /// The raw query string without `?`.
        public var query: String
        public var headers: [(name: String, value: String)]
        public var body: [UInt8]

        public init(method: String, path: String, query: String = "", headers: [(name: String, value: String)], body: [UInt8] = []) {
            self.method = method
            self.path = path
            self.query = query
            self.headers = headers
            self.body = body
        }
    }

    /// Returns the headers to add: `X-Amz-Date`, `X-Amz-Security-Token` (with a session token), `Authorization`.
    public func sign(_ request: Request, credentials: AWSCredentials, date: Date, unsignedPayload: Bool = false) -> [(name: String, value: String)] {
        let amzDate = Self.amzDate(date)
        var headers = request.headers.filter { $0.name.lowercased() != "authorization" }
        var added: [(name: String, value: String)] = []
        if !headers.contains(where: { $0.name.lowercased() == "x-amz-date" }) {
            added.append(("X-Amz-Date", amzDate))
        }
        if let token = credentials.sessionToken, !headers.contains(where: { $0.name.lowercased() == "x-amz-security-token" }) {
            added.append(("X-Amz-Security-Token", token))
        }
        headers += added
        let signed = SigV4Signer.Request(method: request.method, path: request.path, query: request.query, headers: headers, body: request.body)
        let authorization = authorizationHeader(signed, credentials: credentials, amzDate: amzDate, unsignedPayload: unsignedPayload)
        return added + [("Authorization", authorization)]
    }

    public func authorizationHeader(_ request: Request, credentials: AWSCredentials, amzDate: String, unsignedPayload: Bool = false) -> String {
        let (canonical, signedHeaders) = canonicalRequest(request, unsignedPayload: unsignedPayload)
        let scope = "\(amzDate.prefix(8))/\(region)/\(service)/aws4_request"
        let toSign = stringToSign(canonical, amzDate: amzDate, scope: scope)
        let key = signingKey(secret: credentials.secretAccessKey, day: String(amzDate.prefix(8)))
        let signature = Self.hex(HMAC<SHA256>.authenticationCode(for: Array(toSign.utf8), using: key))
        return "AWS4-HMAC-SHA256 Credential=\(credentials.accessKeyId)/\(scope), SignedHeaders=\(signedHeaders), Signature=\(signature)"
    }

    public func stringToSign(_ canonicalRequest: String, amzDate: String, scope: String) -> String {
        "AWS4-HMAC-SHA256\n\(amzDate)\n\(scope)\n\(Self.sha256Hex(Array(canonicalRequest.utf8)))"
    }

    /// The canonical request and the signed-header list.
    public func canonicalRequest(_ request: Request, unsignedPayload: Bool = false) -> (String, String) {
        var grouped: [String: [String]] = [:]
        for header in request.headers {
            grouped[header.name.lowercased(), default: []].append(Self.trimHeaderValue(header.value))
        }
        let names = grouped.keys.sorted()
        let canonicalHeaders = names.map { "\($0):\((grouped[$0] ?? []).joined(separator: ","))\n" }.joined()
        let signedHeaders = names.joined(separator: ";")
        let payload: String
        if let declared = grouped["x-amz-content-sha256"]?.first { payload = declared }
        else if unsignedPayload { payload = "UNSIGNED-PAYLOAD" }
        else { payload = Self.sha256Hex(request.body) }
        let text = [request.method.uppercased(), Self.canonicalURI(request.path, normalize: normalizePath, doubleEncode: service != "s3"), Self.canonicalQuery(request.query),
                    canonicalHeaders, signedHeaders, payload].joined(separator: "\n")
        return (text, signedHeaders)
    }

    func signingKey(secret: String, day: String) -> SymmetricKey {
        SigningKeyCache.shared.key(for: .init(secret: secret, day: day, region: region, service: service)) {
            var key = SymmetricKey(data: Array("AWS4\(secret)".utf8))
            for part in [day, region, service, "aws4_request"] {
                key = SymmetricKey(data: Data(HMAC<SHA256>.authenticationCode(for: Array(part.utf8), using: key)))
            }
            return key
        }
    }

    // MARK: Canonical forms

    static let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~".utf8)

    public static func uriEncode(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            if unreserved.contains(byte) { out.unicodeScalars.append(Unicode.Scalar(byte)) }
            else { out.unicodeScalars.append(contentsOf: ["%", upperHex(byte >> 4), upperHex(byte & 0x0F)]) }
        }
        return out
    }

    static func upperHex(_ nibble: UInt8) -> Unicode.Scalar { Unicode.Scalar(nibble < 10 ? 48 + nibble : 55 + nibble) }

    /// Decodes `%XX` escapes; invalid escapes are kept as they are.
    static func percentDecode(_ text: String) -> String {
        var bytes: [UInt8] = []
        let utf8 = Array(text.utf8)
        var i = 0
        while i < utf8.count {
            if utf8[i] == UInt8(ascii: "%"), i + 2 < utf8.count, let value = UInt8(String(decoding: utf8[(i + 1)...(i + 2)], as: UTF8.self), radix: 16) {
                bytes.append(value)
                i += 3
            } else {
                bytes.append(utf8[i])
                i += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The canonical path: optionally normalized (no `.`/`..`/empty segments), each segment encoded
    /// once more as sent (`doubleEncode`, every service but S3) or decoded and encoded once (S3).
    public static func canonicalURI(_ path: String, normalize: Bool, doubleEncode: Bool = true) -> String {
        let raw = path.isEmpty ? "/" : (doubleEncode ? path : percentDecode(path))
        var segments = raw.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if normalize {
            var kept: [String] = []
            for segment in segments.dropFirst() {
                if segment == "." || segment.isEmpty { continue }
                if segment == ".." { _ = kept.popLast(); continue }
                kept.append(segment)
            }
            let trailing = raw.hasSuffix("/") && !kept.isEmpty
            return "/" + kept.map(uriEncode).joined(separator: "/") + (trailing ? "/" : "")
        }
        segments = segments.map(uriEncode)
        return segments.joined(separator: "/")
    }

    public static func canonicalQuery(_ query: String) -> String {
        guard !query.isEmpty else { return "" }
        let pairs = query.split(separator: "&", omittingEmptySubsequences: true).map { pair -> (String, String) in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = uriEncode(percentDecode(String(parts[0])))
            let value = parts.count > 1 ? uriEncode(percentDecode(String(parts[1]))) : ""
            return (key, value)
        }
        return pairs.sorted { $0.0 == $1.0 ? $0.1 < $1.1 : $0.0 < $1.0 }.map { "\($0.0)=\($0.1)" }.joined(separator: "&")
    }

    static func trimHeaderValue(_ value: String) -> String {
        value.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    public static func sha256Hex(_ bytes: [UInt8]) -> String { hex(SHA256.hash(data: bytes)) }

    static let hexDigits = Array("0123456789abcdef".utf8)

    static func hex<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 {
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in digest {
            out.append(hexDigits[Int(byte >> 4)])
            out.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `yyyyMMdd'T'HHmmss'Z'` in UTC (a DateFormatter per request costs more than the signature).
    public static func amzDate(_ date: Date) -> String {
        var seconds = time_t(floor(date.timeIntervalSince1970))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let year = Int(parts.tm_year) + 1900
        let yearText = year < 1000 ? String(repeating: "0", count: year < 10 ? 3 : year < 100 ? 2 : 1) + "\(max(0, year))" : "\(year)"
        return yearText + two(parts.tm_mon + 1) + two(parts.tm_mday) + "T" + two(parts.tm_hour) + two(parts.tm_min) + two(parts.tm_sec) + "Z"
    }
}
