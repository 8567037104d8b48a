import Foundation
import TaskOpsCore

/// Helpers for the AWS JSON protocols the simulator serves.
enum AWSJSON {
    static func error(_ type: String, _ message: String, status: Int = 400, contentType: String) -> SimResponse {
        let body = JSONWriter.compact(.object(["__type": .string(type), "message": .string(message)]))
        return SimResponse(status: status, contentType: contentType, text: body)
    }

    static func ok(_ value: JSONValue, contentType: String) -> SimResponse {
        SimResponse(status: 200, contentType: contentType, text: JSONWriter.compact(value))
    }

    /// Parses a request body that must be a JSON object (an empty body counts as `{}`).
    static func object(_ body: [UInt8]) -> JSONObject? {
        if body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { return JSONObject() }
        return (try? JSONParser.parse(body))?.objectValue
    }

    static func epochSeconds(_ date: Date) -> JSONValue {
        .number(JSONNumber(literal: String(format: "%.3f", date.timeIntervalSince1970), isInteger: false))
    }

    static func int64(_ value: JSONValue?) -> Int64? {
        guard let number = value?.numberValue else { return nil }
        if let exact = Int64(number.literal) { return exact }
        let double = number.doubleValue
        return double.isFinite && abs(double) < 9e18 ? Int64(double) : nil
    }
}
