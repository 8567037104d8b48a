import Foundation

extension Substring {
    /// `trimmingCharacters(in:)` with exactly Foundation's result, but ASCII ends (spaces, CR LF)
    /// are stripped byte by byte and NSString is only consulted when a non-ASCII character that
    /// may belong to the set is left at an end. Log lines and header values take the cheap path.
    public func cheaplyTrimming(_ set: CharacterSet) -> String {
        let bytes = utf8
        func asciiMember(_ byte: UInt8) -> Bool { byte < 0x80 && set.contains(Unicode.Scalar(byte)) }
        var start = bytes.startIndex, end = bytes.endIndex
        while start < end, asciiMember(bytes[start]) { start = bytes.index(after: start) }
        while start < end, asciiMember(bytes[bytes.index(before: end)]) { end = bytes.index(before: end) }
        let inner = self[start..<end]
        guard let first = inner.unicodeScalars.first, let last = inner.unicodeScalars.last else { return "" }
        if (first.isASCII || !set.contains(first)) && (last.isASCII || !set.contains(last)) { return String(inner) }
        return trimmingCharacters(in: set)
    }
}

extension String {
    /// See `Substring.cheaplyTrimming(_:)`.
    public func cheaplyTrimming(_ set: CharacterSet) -> String { self[...].cheaplyTrimming(set) }
}
