/// Reads a CloudWatch dashboard body (the JSON text GetDashboard returns).
public enum DashboardBodyParser {
    public struct Failure: Error, Sendable, Equatable { public let message: String }

    public static func parse(_ text: String) throws(Failure) -> DashboardBody {
        let json: JSONValue
        do { json = try JSONParser.parse(text) } catch { throw Failure(message: "dashboard body is not JSON: \(error)") }
        guard let widgets = json["widgets"]?.arrayValue else { throw Failure(message: "dashboard body has no \"widgets\" list") }
        return DashboardBody(widgets: widgets.map(widget))
    }

    static func widget(_ value: JSONValue) -> DashboardWidget {
        let typeName = value["type"]?.stringValue ?? ""
        let properties = value["properties"]?.objectValue ?? JSONObject()
        let kind = DashboardWidget.Kind(rawValue: typeName) ?? .other
        let period = properties["period"]?.numberValue?.intValue ?? 300
        let stat = properties["stat"]?.stringValue ?? "Average"
        let region = properties["region"]?.stringValue
        var widget = DashboardWidget(
            kind: kind, typeName: typeName,
            x: intField(value["x"]), y: intField(value["y"]), width: intField(value["width"]), height: intField(value["height"]),
            title: properties["title"]?.displayText ?? "", period: period, stat: stat, region: region,
            yAxisLeftLabel: properties["yAxis"]?["left"]?["label"]?.stringValue, query: properties["query"]?.stringValue,
            alarms: properties["alarms"]?.arrayValue?.compactMap(\.stringValue) ?? [], markdown: properties["markdown"]?.stringValue,
            properties: properties)
        if kind == .metric { widget.metrics = metricRows(properties["metrics"], period: period, stat: stat, region: region) }
        return widget
    }

    static func intField(_ value: JSONValue?) -> Int? {
        guard let number = value?.numberValue else { return nil }
        return number.intValue ?? Int(exactly: number.doubleValue.rounded())
    }

    /// Expands rows: `"."` repeats the previous row's value at the same position; a trailing object holds options.
    static func metricRows(_ value: JSONValue?, period: Int, stat: String, region: String?) -> [DashboardMetricRow] {
        var rows: [DashboardMetricRow] = []
        var previous: [String] = []
        for rowValue in value?.arrayValue ?? [] {
            guard let items = rowValue.arrayValue else { continue }
            var strings: [String] = []
            var options = JSONObject()
            for (index, item) in items.enumerated() {
                if let object = item.objectValue, index == items.count - 1 { options = object; continue }
                let text = item.stringValue ?? item.displayText
                strings.append(text == "." && index < previous.count ? previous[index] : text)
            }
            // A row that is only an expression (`[{ "expression": … }]`) has no metric to fetch.
            guard strings.count >= 2 else { continue }
            previous = strings
            var dimensions: [MetricDimension] = []
            var index = 2
            while index + 1 < strings.count {
                dimensions.append(MetricDimension(name: strings[index], value: strings[index + 1]))
                index += 2
            }
            rows.append(DashboardMetricRow(
                namespace: strings[0], metricName: strings[1], dimensions: dimensions,
                label: options["label"]?.stringValue, stat: options["stat"]?.stringValue ?? stat,
                period: options["period"]?.numberValue?.intValue ?? period, region: options["region"]?.stringValue ?? region,
                visible: options["visible"]?.boolValue ?? true))
        }
        return rows
    }
}
