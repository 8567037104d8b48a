import Crypto
import Foundation

/// Derived signing keys by secret, day, region and service. The key changes once a day, yet
/// deriving it is four HMACs on every request; a console polling every second signs a great many.
final class SigningKeyCache: @unchecked Sendable {
    struct Key: Hashable {
        let secret: String
        let day: String
        let region: String
        let service: String
    }

    static let shared = SigningKeyCache()
    /// A handful of credentials × services × days; past this the cache starts over.
    let capacity = 32
    private let lock = NSLock()
    private var keys: [Key: SymmetricKey] = [:]

    func key(for id: Key, derive: () -> SymmetricKey) -> SymmetricKey {
        if let known = lock.withLock({ keys[id] }) { return known }
        let derived = derive()
        lock.withLock {
            if keys.count >= capacity { keys.removeAll() }
            keys[id] = derived
        }
        return derived
    }
}
