import Foundation
import TaskOpsCore
import TaskOpsSim

/// `/_sim/health` and `/_sim/faults` (GET shows, PUT sets from a spec in the body).
enum SimAdminRoutes {
    static func handle(_ request: SimRequest, stack: SimStack) -> SimResponse {
        switch (request.method, request.path) {
        case ("GET", "/_sim/health"):
            return json(200, ["status": .string("ok"), "time": .string(StackTime.isoMillisZ(stack.now)),
                              "project": .string(stack.names.project), "env": .string(stack.names.env)])
        case ("GET", "/_sim/faults"):
            return json(200, ["faults": .string(stack.currentFaults().spec)])
        case ("PUT", "/_sim/faults"):
            do {
                let faults = try SimFaults.parse(String(decoding: request.body, as: UTF8.self))
                stack.setFaults(faults)
                return json(200, ["faults": .string(faults.spec)])
            } catch {
                return json(400, ["message": .string(error.description)])
            }
        default:
            return json(404, ["message": .string("Not Found")])
        }
    }

    static func json(_ status: Int, _ object: JSONObject) -> SimResponse {
        SimResponse(status: status, contentType: "application/json", text: JSONWriter.compact(.object(object)))
    }
}
