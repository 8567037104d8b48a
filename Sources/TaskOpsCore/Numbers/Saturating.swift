/// Double → integer conversions that cannot trap. `Int64(x)` crashes the process when `x` is NaN,
/// infinite or out of range, and remote answers (timestamps such as `1e300`, dashboard periods,
/// server dates) can make any of those: these clamp instead, and NaN becomes 0.
public enum Saturating {
    public static func int64(_ value: Double) -> Int64 {
        if value.isNaN { return 0 }
        if value >= 9_223_372_036_854_774_784 { return .max }
        if value <= -9_223_372_036_854_775_808 { return .min }
        return Int64(value)
    }

    public static func int(_ value: Double) -> Int { Int(truncatingIfNeeded: int64(value)) }
}
