import Foundation
import Testing
@testable import AWSSigV4

/// One case of AWS's Signature Version 4 test suite (the test data as awslabs/aws-c-auth lays it out).
struct SigV4Vector: CustomStringConvertible, Sendable {
    var name: String
    var request: SigV4Signer.Request
    var credentials: AWSCredentials
    var normalize: Bool
    var signBody: Bool
    var omitSessionToken: Bool
    var canonicalRequest: String
    var stringToSign: String
    var signature: String
    var description: String { name }

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Vectors")

    static func all() -> [SigV4Vector] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).sorted().compactMap(load)
    }

    static func load(_ name: String) -> SigV4Vector? {
        let folder = directory.appendingPathComponent(name)
        func text(_ file: String) -> String? { try? String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8) }
        guard let raw = text("request.txt"), let contextText = text("context.json"),
              let context = (try? JSONSerialization.jsonObject(with: Data(contextText.utf8))) as? [String: Any],
              let creds = context["credentials"] as? [String: Any],
              let key = creds["access_key_id"] as? String, let secret = creds["secret_access_key"] as? String,
              let canonical = text("header-canonical-request.txt"), let sts = text("header-string-to-sign.txt"),
              let signature = text("header-signature.txt"), let request = parseRequest(raw) else { return nil }
        return SigV4Vector(name: name, request: request,
                           credentials: AWSCredentials(accessKeyId: key, secretAccessKey: secret, sessionToken: creds["token"] as? String),
                           normalize: context["normalize"] as? Bool ?? true, signBody: context["sign_body"] as? Bool ?? false,
                           omitSessionToken: context["omit_session_token"] as? Bool ?? false,
                           canonicalRequest: canonical, stringToSign: sts, signature: signature.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    static func parseRequest(_ raw: String) -> SigV4Signer.Request? {
        var lines = raw.components(separatedBy: "\n")
        guard !lines.isEmpty else { return nil }
        let first = lines.removeFirst()
        guard let space = first.firstIndex(of: " "), let version = first.range(of: " HTTP/", options: .backwards) else { return nil }
        let target = String(first[first.index(after: space)..<version.lowerBound])
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        var headers: [(name: String, value: String)] = []
        var bodyLines: [String] = []
        var inBody = false
        for line in lines {
            if inBody { bodyLines.append(line); continue }
            if line.isEmpty { inBody = true; continue }
            if line.first == " " || line.first == "\t", var last = headers.popLast() {
                last.value += " " + line
                headers.append(last)
            } else if let colon = line.firstIndex(of: ":") {
                headers.append((String(line[..<colon]), String(line[line.index(after: colon)...])))
            }
        }
        return SigV4Signer.Request(method: String(first[..<space]), path: String(parts[0]), query: parts.count > 1 ? String(parts[1]) : "",
                                   headers: headers, body: Array(bodyLines.joined(separator: "\n").utf8))
    }
}

@Suite struct SigV4VectorTests {
    static let amzDate = "20150830T123600Z"

    @Test func suiteIsPresent() { #expect(SigV4Vector.all().count >= 38) }

    @Test(arguments: SigV4Vector.all())
    func vector(_ vector: SigV4Vector) {
        let signer = SigV4Signer(region: "us-east-1", service: "service", normalizePath: vector.normalize)
        var request = vector.request
        if !request.headers.contains(where: { $0.name.lowercased() == "x-amz-date" }) { request.headers.append(("X-Amz-Date", Self.amzDate)) }
        // A session token is signed as X-Amz-Security-Token unless the case adds it after signing.
        if let token = vector.credentials.sessionToken, !vector.omitSessionToken { request.headers.append(("X-Amz-Security-Token", token)) }
        if vector.signBody { request.headers.append(("X-Amz-Content-Sha256", SigV4Signer.sha256Hex(request.body))) }
        let (canonical, _) = signer.canonicalRequest(request)
        #expect(canonical == vector.canonicalRequest)
        let scope = "20150830/us-east-1/service/aws4_request"
        #expect(signer.stringToSign(canonical, amzDate: Self.amzDate, scope: scope) == vector.stringToSign)
        let header = signer.authorizationHeader(request, credentials: vector.credentials, amzDate: Self.amzDate)
        #expect(header.hasSuffix("Signature=\(vector.signature)"))
    }
}
