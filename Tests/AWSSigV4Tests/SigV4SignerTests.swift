import Foundation
import Testing
@testable import AWSSigV4

/// Expected signatures are AWS's Signature V4 test-suite values (get-vanilla, get-vanilla-query-order-key-case)
/// and botocore's signatures for the same inputs.
@Suite struct SigV4SignerTests {
    static let credentials = AWSCredentials(accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
    static let date = "20150830T123600Z"

    func signature(_ method: String, _ path: String, query: String = "", headers: [(name: String, value: String)] = [], body: String = "",
                   service: String = "service", credentials: AWSCredentials = credentials) -> String {
        let signer = SigV4Signer(region: "us-east-1", service: service)
        let all = [("Host", "example.amazonaws.com"), ("X-Amz-Date", Self.date)] + headers
        let header = signer.authorizationHeader(SigV4Signer.Request(method: method, path: path, query: query, headers: all, body: Array(body.utf8)),
                                                credentials: credentials, amzDate: Self.date)
        return String(header.split(separator: "=").last ?? "")
    }

    @Test func getVanilla() {
        #expect(signature("GET", "/") == "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")
    }

    @Test func queryOrderKeyCase() {
        #expect(signature("GET", "/", query: "Param2=value2&Param1=value1") == "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500")
    }

    @Test func repeatedKeysAndEncodedValuesAndHeaderSpaces() {
        #expect(signature("GET", "/", query: "a=b%20c&a=a", headers: [("My-Header1", "  value1   with  spaces ")])
                == "2cbf3f1513d93fd9482a36d09e47a6d66cca67a4dd39c4a28f54a78f6ce4cfa7")
    }

    @Test func jsonPostWithSessionToken() {
        let credentials = AWSCredentials(accessKeyId: "AKIDEXAMPLE", secretAccessKey: Self.credentials.secretAccessKey, sessionToken: "SESSIONTOKEN")
        let sig = signature("POST", "/", headers: [("Content-Type", "application/x-amz-json-1.1"), ("X-Amz-Target", "Logs_20140328.FilterLogEvents"),
                                                  ("X-Amz-Security-Token", "SESSIONTOKEN")],
                            body: #"{"logGroupName":"/aws/lambda/x"}"#, service: "logs", credentials: credentials)
        #expect(sig == "cac0d2735918c64310a5dff6eccacaecd0f3c6954997eef425dbe138056675b6")
    }

    @Test func pathWithSpace() {
        #expect(signature("GET", "/example%20space/") == "446b817944c553435b35e813c261ff4e161fff982d1bacdef1c87f6785dd1662")
    }

    @Test func normalizesPaths() {
        #expect(SigV4Signer.canonicalURI("/foo/../bar/./baz//", normalize: true) == "/bar/baz/")
        #expect(SigV4Signer.canonicalURI("", normalize: true) == "/")
        #expect(SigV4Signer.canonicalURI("/ሴ", normalize: true) == "/%E1%88%B4")
    }

    @Test func signAddsDateTokenAndAuthorization() {
        let credentials = AWSCredentials(accessKeyId: "AKID", secretAccessKey: "secret", sessionToken: "tok")
        let added = SigV4Signer(region: "eu-west-1", service: "monitoring").sign(
            SigV4Signer.Request(method: "POST", path: "/", headers: [("Host", "h")]), credentials: credentials, date: Date(timeIntervalSince1970: 0))
        #expect(added.map(\.name) == ["X-Amz-Date", "X-Amz-Security-Token", "Authorization"])
        #expect(added[0].value == "19700101T000000Z")
        #expect(added[2].value.contains("Credential=AKID/19700101/eu-west-1/monitoring/aws4_request"))
        #expect(added[2].value.contains("SignedHeaders=host;x-amz-date;x-amz-security-token"))
    }

    @Test func credentialsNeverPrintSecrets() {
        let credentials = AWSCredentials(accessKeyId: "AKIAABCDEFGH1234", secretAccessKey: "TOPSECRETvalue", sessionToken: "SESSIONsecret")
        for text in [credentials.description, credentials.debugDescription, "\(credentials)", String(reflecting: credentials)] {
            #expect(!text.contains("TOPSECRET"))
            #expect(!text.contains("SESSIONsecret"))
            #expect(!text.contains("AKIAABCDEFGH"))
        }
    }
}
