import TaskOpsCore
import TaskOpsSim

/// CloudWatch's smithy RPC v2 CBOR protocol, as current AWS CLIs speak it: `POST
/// /service/GraniteServiceVersion20100801/operation/<Op>` with a CBOR body. The simulator answers it
/// by translating to and from the JSON 1.0 handlers, so both protocols give the same answers.
enum SmithyRPCv2CBOR {
    static let contentType = "application/cbor"

    /// Fields CloudWatch models as timestamps, written as CBOR tag 1.
    static let timestampKeys: Set<String> = [
        "Timestamps", "Timestamp", "StateUpdatedTimestamp", "StateTransitionedTimestamp", "AlarmConfigurationUpdatedTimestamp",
        "LastModified", "StartTime", "EndTime", "StartDate", "EndDate",
    ]

    static func applies(to request: SimRequest) -> Bool {
        request.path.hasPrefix("/service/")
            && (request.header("smithy-protocol") == "rpc-v2-cbor" || (request.header("Content-Type") ?? "").hasPrefix(contentType))
    }

    enum Translated {
        case json([UInt8])
        case refused(SimResponse)
    }

    /// The request body as JSON for the JSON handlers; an empty body is an empty input.
    static func jsonBody(_ body: [UInt8]) -> Translated {
        if body.isEmpty { return .json(Array("{}".utf8)) }
        do {
            let value = try CBORDecoder.decode(body)
            guard value.objectValue != nil else { return .refused(error(400, "SerializationException", "The request body must be a CBOR map")) }
            return .json(Array(JSONWriter.compact(value).utf8))
        } catch {
            return .refused(Self.error(400, "SerializationException", "Unable to parse the request body as CBOR: \(error.reason)"))
        }
    }

    /// The JSON handler's answer re-encoded as CBOR, with the protocol's headers.
    static func response(_ json: SimResponse) -> SimResponse {
        let headers = json.headers.filter { $0.name.lowercased() != "content-type" } + [("Content-Type", contentType), ("smithy-protocol", "rpc-v2-cbor")]
        guard !json.body.isEmpty, let value = try? JSONParser.parse(json.body) else { return SimResponse(status: json.status, headers: headers, body: []) }
        return SimResponse(status: json.status, headers: headers, body: CBOREncoder.encode(value, timestampKeys: timestampKeys))
    }

    static func error(_ status: Int, _ type: String, _ message: String) -> SimResponse {
        SimResponse(status: status, headers: [("Content-Type", contentType), ("smithy-protocol", "rpc-v2-cbor")],
                    body: CBOREncoder.encode(.object(["__type": .string(type), "message": .string(message)])))
    }
}
