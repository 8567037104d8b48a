import AWSSigV4
import Foundation
import TaskOpsCore
import TaskOpsSim

/// The `--auth KEY:SECRET` check: AWS requests must carry a valid SigV4 signature made with that
/// key, at a time within 5 minutes of simulator time; refusals look like AWS's.
public enum SignatureCheck {
    public static func make(accessKey: String, secret: String, region: String) -> @Sendable (SimRequestInfo, Date) -> SimResponse? {
        let verifier = SigV4Verifier(secrets: [accessKey: secret])
        return { info, now in
            let request = info.request
            let signed = SigV4Signer.Request(method: request.method, path: request.path, query: request.query, headers: request.headers, body: request.body)
            guard let failure = verifier.verify(signed, now: now) else { return nil }
            let body = JSONWriter.compact(.object(["__type": .string(failure.code), "message": .string(failure.message)]))
            return SimResponse(status: failure.code == "MissingAuthenticationTokenException" ? 403 : (failure.code == "UnrecognizedClientException" ? 400 : 403),
                               headers: [("Content-Type", "application/x-amz-json-1.1"), ("x-amzn-ErrorType", failure.code)], body: Array(body.utf8))
        }
    }
}
