/// A timestamp as lists sort it, ordered exactly as its text is: the Task API's
/// `YYYY-MM-DDTHH:MM:SS.ffffff` as the two numbers it is packed in (sorting 100k tasks then makes
/// no string per task), anything else as its text.
public struct TimestampSortKey: Comparable, Sendable {
    private let year: UInt64
    private let rest: UInt64
    /// Nil when the numbers hold the timestamp.
    private let text: String?

    init(year: UInt64, rest: UInt64) {
        self.year = year
        self.rest = rest
        text = nil
    }

    init(text: String) {
        year = 0
        rest = 0
        self.text = text
    }

    private var asText: String { text ?? PackedCoder.timeText(year: year, rest: rest, .micro) }

    // Fixed-width digits between fixed separators order as their numbers do.
    public static func < (a: Self, b: Self) -> Bool {
        a.text == nil && b.text == nil ? (a.year, a.rest) < (b.year, b.rest) : a.asText < b.asText
    }

    public static func == (a: Self, b: Self) -> Bool {
        a.text == nil && b.text == nil ? (a.year, a.rest) == (b.year, b.rest) : a.asText == b.asText
    }
}
