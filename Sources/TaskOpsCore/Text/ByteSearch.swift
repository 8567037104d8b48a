extension StringProtocol {
    /// The first occurrence of `needle`, compared byte for byte (no Unicode normalisation), at or
    /// after `start`. Foundation's `range(of:)` bridges to NSString on Linux and costs far more per
    /// log line than the whole rest of its parsing.
    public func byteRange(of needle: String, from start: Index? = nil) -> Range<Index>? {
        let haystack = utf8
        let pattern = Array(needle.utf8)
        guard let lead = pattern.first else { return nil }
        var position = start ?? haystack.startIndex
        while let found = haystack[position...].firstIndex(of: lead) {
            var h = found, matched = true
            for byte in pattern {
                guard h < haystack.endIndex, haystack[h] == byte else { matched = false; break }
                h = haystack.index(after: h)
            }
            if matched { return found..<h }
            position = haystack.index(after: found)
        }
        return nil
    }

    /// Whether `needle` occurs, compared byte for byte.
    public func containsBytes(_ needle: String) -> Bool { byteRange(of: needle) != nil }
}
