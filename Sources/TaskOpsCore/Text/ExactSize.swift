extension String {
    /// The same text in storage of exactly its size. A string built by appending keeps the
    /// spare capacity of its last growth (up to half again); one held for each of many items
    /// should not.
    public var withExactStorage: String {
        let count = utf8.count
        guard count > 15 else { return self }
        return String(unsafeUninitializedCapacity: count) { buffer in
            _ = buffer.initialize(from: utf8)
            return count
        }
    }
}
