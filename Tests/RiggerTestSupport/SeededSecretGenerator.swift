import Crypto
import Foundation
import RiggerCore

/// A repeatable secret generator for tests only: HMAC-SHA256 of a counter under a fixed seed.
public struct SeededSecretGenerator: SecretGenerator {
    private let key: SymmetricKey
    private var counter: UInt64 = 0
    private var pool: [UInt8] = []

    /// A generator whose bytes depend only on `seed`.
    public init(seed: String = "rigger-tests") {
        key = SymmetricKey(data: Data(seed.utf8))
    }

    /// The next byte of the HMAC stream.
    public mutating func nextByte() -> UInt8 {
        if pool.isEmpty {
            counter += 1
            let block = withUnsafeBytes(of: counter.bigEndian) { Data($0) }
            pool = Array(HMAC<SHA256>.authenticationCode(for: block, using: key))
        }
        return pool.removeLast()
    }
}
