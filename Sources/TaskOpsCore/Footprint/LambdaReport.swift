/// Lambda's `REPORT RequestId: … Billed Duration: 12 ms …` line.
public enum LambdaReport {
    /// The billed duration in milliseconds, if `line` is a REPORT line that gives one.
    public static func billedMillis(in line: String) -> Double? {
        guard line.hasPrefix("REPORT RequestId:"), let range = line.byteRange(of: "Billed Duration: ") else { return nil }
        let digits = line[range.upperBound...].prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 9 else { return nil }
        return Double(digits)
    }
}
