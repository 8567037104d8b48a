import Foundation

/// The timestamp formats of the stack.
public enum StackTime {
    /// `datetime.utcnow().isoformat()`: naive UTC, microseconds, fraction omitted when exactly 0.
    public static func pythonISO(_ date: Date) -> String {
        let micros = Saturating.int64((seconds(date) * 1_000_000).rounded(.down))
        var seconds = micros / 1_000_000
        var fraction = micros % 1_000_000
        if fraction < 0 { fraction += 1_000_000; seconds -= 1 }
        let base = formatUTC(seconds)
        return fraction == 0 ? base : base + "." + pad(Int(fraction), 6)
    }

    /// ISO-8601 UTC with milliseconds and `Z` (Step Functions' `$$.State.EnteredTime`).
    public static func isoMillisZ(_ date: Date) -> String {
        let millis = Saturating.int64((seconds(date) * 1000).rounded(.down))
        var seconds = millis / 1000
        var fraction = millis % 1000
        if fraction < 0 { fraction += 1000; seconds -= 1 }
        return formatUTC(seconds) + "." + pad(Int(fraction), 3) + "Z"
    }

    /// Parses the naive or zoned ISO-8601 forms the stack writes; naive times are UTC.
    public static func parse(_ text: String) -> Date? {
        var body = Substring(text.trimmingCharacters(in: .whitespaces))
        var offset: TimeInterval = 0
        if body.hasSuffix("Z") { body = body.dropLast() }
        else if body.count > 6, let sign = body.dropLast(5).last, sign == "+" || sign == "-",
                body[body.index(body.endIndex, offsetBy: -3)] == ":" {
            let tz = body.suffix(5)
            let hours = Int(tz.prefix(2)) ?? 0, minutes = Int(tz.suffix(2)) ?? 0
            offset = TimeInterval((hours * 60 + minutes) * 60) * (sign == "+" ? 1 : -1)
            body = body.dropLast(6)
        }
        let parts = body.split(separator: "T", maxSplits: 1)
        guard parts.count == 2 else { return nil }
        let ymd = parts[0].split(separator: "-").compactMap { Int($0) }
        let timeAndFraction = parts[1].split(separator: ".", maxSplits: 1)
        let hms = timeAndFraction[0].split(separator: ":").compactMap { Int($0) }
        guard ymd.count == 3, hms.count == 3, (1...9999).contains(ymd[0]), (1...12).contains(ymd[1]), (1...31).contains(ymd[2]),
              (0...23).contains(hms[0]), (0...59).contains(hms[1]), (0...60).contains(hms[2]) else { return nil }
        var fraction: TimeInterval = 0
        if timeAndFraction.count == 2 {
            let digits = timeAndFraction[1]
            guard !digits.isEmpty, digits.allSatisfy(\.isNumber), let value = Double("0." + digits) else { return nil }
            fraction = value
        }
        let days = daysFromCivil(ymd[0], ymd[1], ymd[2])
        let seconds = TimeInterval(days * 86400 + hms[0] * 3600 + hms[1] * 60 + hms[2])
        return Date(timeIntervalSince1970: seconds + fraction - offset)
    }

    /// `Date` header format (RFC 7231 IMF-fixdate).
    public static func httpDate(_ date: Date) -> String {
        let seconds = Saturating.int64(seconds(date).rounded(.down))
        let days = Int(floorDiv(seconds, 86400))
        let (y, m, d) = civilFromDays(days)
        let weekday = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"][((days % 7) + 7) % 7]
        let month = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][m - 1]
        let rem = Int(seconds - Int64(days) * 86400)
        return "\(weekday), \(pad(d, 2)) \(month) \(y) \(pad(rem / 3600, 2)):\(pad(rem / 60 % 60, 2)):\(pad(rem % 60, 2)) GMT"
    }

    /// Parses an IMF-fixdate `Date` header.
    public static func parseHTTPDate(_ text: String) -> Date? {
        let parts = text.split(separator: " ")
        guard parts.count == 6, parts[5] == "GMT", let day = Int(parts[1]), let year = Int(parts[3]) else { return nil }
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        guard let monthIndex = months.firstIndex(of: String(parts[2])) else { return nil }
        let hms = parts[4].split(separator: ":").compactMap { Int($0) }
        guard hms.count == 3, (1...9999).contains(year), (1...31).contains(day), (0...23).contains(hms[0]), (0...59).contains(hms[1]),
              (0...60).contains(hms[2]) else { return nil }
        let days = daysFromCivil(year, monthIndex + 1, day)
        return Date(timeIntervalSince1970: TimeInterval(days * 86400 + hms[0] * 3600 + hms[1] * 60 + hms[2]))
    }

    /// `YYYYMMDD'T'HHMMSS'Z'` as SigV4 writes `X-Amz-Date`.
    public static func amzDate(_ date: Date) -> String {
        let seconds = Saturating.int64(seconds(date).rounded(.down))
        let days = Int(floorDiv(seconds, 86400))
        let (y, m, d) = civilFromDays(days)
        let rem = Int(seconds - Int64(days) * 86400)
        return "\(pad(y, 4))\(pad(m, 2))\(pad(d, 2))T\(pad(rem / 3600, 2))\(pad(rem / 60 % 60, 2))\(pad(rem % 60, 2))Z"
    }

    /// Years 1 to 9999, the range the formats can write: a date outside (from a broken or hostile
    /// answer) is written as the nearest end of it, never as an arithmetic overflow.
    static let writableSeconds: ClosedRange<Double> = -62_135_596_800...253_402_300_799

    static func seconds(_ date: Date) -> Double {
        let value = date.timeIntervalSince1970
        return value.isNaN ? 0 : min(max(value, writableSeconds.lowerBound), writableSeconds.upperBound)
    }

    static func formatUTC(_ seconds: Int64) -> String {
        let days = Int(floorDiv(seconds, 86400))
        let (y, m, d) = civilFromDays(days)
        let rem = Int(seconds - Int64(days) * 86400)
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))T\(pad(rem / 3600, 2)):\(pad(rem / 60 % 60, 2)):\(pad(rem % 60, 2))"
    }

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : -((-a + b - 1) / b) }

    static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    /// Howard Hinnant's days-from-civil (proleptic Gregorian), day 0 = 1970-01-01.
    static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    static func civilFromDays(_ days: Int) -> (Int, Int, Int) {
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp + (mp < 10 ? 3 : -9)
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
