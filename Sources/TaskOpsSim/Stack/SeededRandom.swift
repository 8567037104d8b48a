/// SplitMix64: small, fast, and reproducible from a seed (`--seed`).
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func hex(_ count: Int) -> String {
        let digits = Array("0123456789abcdef")
        return String((0..<count).map { _ in digits[Int(next() % 16)] })
    }

    /// A version-4 UUID in lowercase, as Python's `str(uuid.uuid4())`.
    mutating func uuid() -> String {
        let variant = Array("89ab")[Int(next() % 4)]
        return "\(hex(8))-\(hex(4))-4\(hex(3))-\(variant)\(hex(3))-\(hex(12))"
    }

    mutating func chance(_ probability: Double) -> Bool {
        probability > 0 && Double(next() % 1_000_000) / 1_000_000 < probability
    }

    mutating func uniform(_ low: Double, _ high: Double) -> Double {
        low + (high - low) * Double(next() % 1_000_000) / 1_000_000
    }
}
