import Crypto

/// A source of random bytes for secrets. Production code uses `SystemSecretGenerator`; tests
/// inject a seeded one.
public protocol SecretGenerator: Sendable {
    /// The next random byte.
    mutating func nextByte() -> UInt8
}

extension SecretGenerator {
    /// A value of `length` characters drawn uniformly from `SecretAlphabet.characters`.
    public mutating func generate(length: Int) -> String {
        SecretAlphabet.characters(length: length) { nextByte() }
    }

    /// `count` random bytes, for keys that are raw bytes (then written as Base64).
    public mutating func bytes(count: Int) -> [UInt8] {
        (0..<count).map { _ in nextByte() }
    }
}

/// The characters generated secrets use: letters and digits only, so that a value is safe in URLs,
/// connection strings, shell words and YAML without escaping.
public enum SecretAlphabet {
    public static let characters: [Character] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")

    /// Turns a stream of random bytes into `length` characters, dropping bytes that would bias the
    /// choice (rejection sampling: 62 doesn't divide 256).
    public static func characters(length: Int, bytes next: () -> UInt8) -> String {
        let count = characters.count
        let limit = UInt8(256 - 256 % count)
        var out = ""
        out.reserveCapacity(length)
        while out.count < length {
            let byte = next()
            if byte < limit { out.append(characters[Int(byte) % count]) }
        }
        return out
    }
}

/// Secrets from the operating system's CSPRNG, through swift-crypto.
public struct SystemSecretGenerator: SecretGenerator {
    private var pool: [UInt8] = []

    public init() {}

    public mutating func nextByte() -> UInt8 {
        if pool.isEmpty {
            // A fresh 256-bit key is 32 bytes straight from the system CSPRNG.
            pool = SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }
        }
        return pool.removeLast()
    }
}
