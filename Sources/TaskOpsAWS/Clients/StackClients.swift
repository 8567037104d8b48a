import Foundation
import TaskOpsCore

/// The four clients of one stack, built for AWS's endpoints or one override (the simulator,
/// `AWS_ENDPOINT_URL`), sharing one transport, one credentials provider and one server clock. Each
/// request gives up after `requestTimeout` seconds (a network error the pollers back off from).
public struct StackClients: Sendable {
    public var tasks: TaskAPIClient?
    public var cloudWatch: CloudWatchClient
    public var logs: LogsClient
    public var stepFunctions: StepFunctionsClient
    public var clock: ServerClockTracker

    public struct Endpoints: Sendable {
        public var cloudWatch: String
        public var logs: String
        public var stepFunctions: String

        /// AWS's endpoints, overridden as the AWS CLI does: `AWS_ENDPOINT_URL_<SERVICE>`, then `AWS_ENDPOINT_URL`, then an explicit one.
        public static func resolve(region: String, override: String?, environment: [String: String]) -> Endpoints {
            func pick(_ specific: String, _ host: String) -> String {
                if let value = environment[specific], !value.isEmpty { return value }
                if let override, !override.isEmpty { return override }
                if let value = environment["AWS_ENDPOINT_URL"], !value.isEmpty { return value }
                return "https://\(host).\(region).amazonaws.com"
            }
            return Endpoints(cloudWatch: pick("AWS_ENDPOINT_URL_CLOUDWATCH", "monitoring"), logs: pick("AWS_ENDPOINT_URL_CLOUDWATCH_LOGS", "logs"),
                             stepFunctions: pick("AWS_ENDPOINT_URL_SFN", "states"))
        }
    }

    public init(region: String, endpoints: Endpoints, apiURL: String?, credentials: any CredentialsProvider,
                transport: any HTTPTransport = CurlTransport(), observer: (any CallObserver)? = nil, clock: ServerClockTracker = ServerClockTracker(),
                requestTimeout: TimeInterval = 15) {
        func client(_ endpoint: String, _ signing: String, _ prefix: String, _ contentType: String, _ extra: [(name: String, value: String)] = []) -> AWSJSONClient {
            var client = AWSJSONClient(endpoint: endpoint, region: region, signingName: signing, targetPrefix: prefix, contentType: contentType,
                                       extraHeaders: extra, transport: transport, credentials: credentials, clock: clock, observer: observer)
            client.timeout = requestTimeout
            return client
        }
        self.clock = clock
        self.tasks = apiURL.map {
            var tasks = TaskAPIClient(baseURL: $0, transport: transport, observer: observer, clock: clock)
            tasks.timeout = requestTimeout
            return tasks
        }
        self.cloudWatch = CloudWatchClient(client: client(endpoints.cloudWatch, "monitoring", "GraniteServiceVersion20100801", "application/x-amz-json-1.0",
                                                          [("x-amzn-query-mode", "true")]))
        self.logs = LogsClient(client: client(endpoints.logs, "logs", "Logs_20140328", "application/x-amz-json-1.1"))
        self.stepFunctions = StepFunctionsClient(client: client(endpoints.stepFunctions, "states", "AWSStepFunctions", "application/x-amz-json-1.0"))
    }
}
