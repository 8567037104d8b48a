/// CloudWatch Logs' ingestion delay, as `--faults ingest-delay-ms=…` asks for it: an event becomes
/// readable some time after its timestamp, usually about `typicalMillis` (0.3 to 1.7 times it),
/// now and then (`spikeChance`, one late batch) about a minute. Otherwise each stream delivers in
/// order, so a stream's events are readable no earlier than its previous ones; across streams the
/// order is lost.
/// With a typical delay of 0 (the default) every event is readable at once.
struct SimIngestionDelay {
    var typicalMillis: Double = 0
    static let spikeChance = 0.02
    static let spikeMillis: ClosedRange<Double> = 40_000...75_000
    private var rng = SeededRandom(seed: 0x1A6E_57DE_1A7)
    /// When each stream's latest event becomes readable (forgotten past `maxStreams`: a stream
    /// that old has long been delivered).
    private var streamReadableAt: [String: Int64] = [:]
    static let maxStreams = 10_000

    /// When an event stamped `timestamp` on `stream` becomes readable; nil when at once.
    mutating func readableAt(group: String, stream: String, timestamp: Int64) -> Int64? {
        guard typicalMillis > 0 else { return nil }
        let delay = typicalMillis * rng.uniform(0.3, 1.7)
        if rng.chance(Self.spikeChance) {
            // One late batch: it does not hold up the stream's later events.
            return timestamp + Int64(max(delay, rng.uniform(Self.spikeMillis.lowerBound, Self.spikeMillis.upperBound)))
        }
        let key = group + "\u{0}" + stream
        if streamReadableAt.count >= Self.maxStreams { streamReadableAt.removeAll(keepingCapacity: true) }
        let at = max(streamReadableAt[key] ?? .min, timestamp + Int64(delay))
        streamReadableAt[key] = at
        return at
    }
}
