import Foundation

/// One line of the benchmark table.
struct Figure {
    var name: String
    /// The measurement as shown, e.g. "0.41 / 0.44 ms" (min / median).
    var measured: String
    var target: String
    var reference: String
    /// measured ÷ reference, when both are numbers.
    var ratio: String
    /// Whether the figure meets its target; nil when there is no target to meet.
    var meetsTarget: Bool?

    init(_ name: String, measured: String, target: String, reference: String = "–", ratio: String = "–", meetsTarget: Bool? = nil) {
        self.name = name
        self.measured = measured
        self.target = target
        self.reference = reference
        self.ratio = ratio
        self.meetsTarget = meetsTarget
    }
}

/// Prints figures as a Markdown table, so the output can go straight into the README.
enum FigureTable {
    static func render(_ figures: [Figure]) -> String {
        var lines = ["| figure | measured (min / median) | target | reference | ratio | meets |", "|---|---|---|---|---|---|"]
        for f in figures {
            let meets = f.meetsTarget.map { $0 ? "yes" : "NO" } ?? "–"
            lines.append("| \(f.name) | \(f.measured) | \(f.target) | \(f.reference) | \(f.ratio) | \(meets) |")
        }
        return lines.joined(separator: "\n")
    }
}

/// Number formatting for the table.
enum Format {
    static func number(_ value: Double, digits: Int = 2) -> String {
        guard value.isFinite else { return "n/a" }
        if value != 0 && abs(value) < 0.01 { return String(format: "%.\(digits)g", value) }
        return String(format: "%.\(digits)f", value)
    }

    static func minMedian(_ samples: Samples, scale: Double = 1, unit: String, digits: Int = 2) -> String {
        "\(number(samples.min * scale, digits: digits)) / \(number(samples.median * scale, digits: digits)) \(unit)"
    }

    static func ratio(_ measured: Double, _ reference: Double) -> String {
        guard reference != 0, measured.isFinite, reference.isFinite else { return "–" }
        return number(measured / reference) + "×"
    }

    static func megabytes(_ bytes: Double) -> String { number(bytes / 1_048_576, digits: 1) + " MiB" }
    static func decimalMegabytes(_ bytes: Double) -> String { number(bytes / 1_000_000, digits: 1) + " MB" }
}
