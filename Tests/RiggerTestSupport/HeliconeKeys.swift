import Crypto
import Foundation
import RiggerCore
import XCTest
import Yams

/// Helicone's API keys checked without the signer's own code: decoded, and their HMAC computed again
/// with swift-crypto; for the tests of the app and of the binary alike.
public enum HeliconeKeys {
    /// A token's three parts, decoded by the test itself.
    public struct Decoded {
        /// The header, parsed.
        public let header: [String: Any]
        /// The payload, parsed.
        public let payload: [String: Any]
        /// The payload's JSON as it was signed.
        public let payloadText: String
        /// `header.payload`, what the signature signs.
        public let signingInput: String
        /// The signature's bytes.
        public let signature: Data
    }

    /// Base64url (no padding) decoded, or a failure.
    public static func base64URLDecode(_ text: String) throws -> Data {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        return try XCTUnwrap(Data(base64Encoded: base64), "not base64url: \(text)")
    }

    /// The token split and decoded, or a failure when it has not three parts.
    public static func decode(_ token: String) throws -> Decoded {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(parts.count, 3, token)
        guard parts.count == 3 else { throw XCTSkip("malformed token") }
        let header = try JSONSerialization.jsonObject(with: try base64URLDecode(parts[0])) as? [String: Any]
        let payloadData = try base64URLDecode(parts[1])
        let payload = try JSONSerialization.jsonObject(with: payloadData) as? [String: Any]
        return Decoded(
            header: try XCTUnwrap(header), payload: try XCTUnwrap(payload), payloadText: String(decoding: payloadData, as: UTF8.self),
            signingInput: parts[0] + "." + parts[1], signature: try base64URLDecode(parts[2]))
    }

    /// Whether the token's HS256 signature is the HMAC-SHA256 of its header.payload under the secret.
    public static func verifies(_ token: String, secret: String) throws -> Bool {
        let decoded = try decode(token)
        return HMAC<SHA256>.isValidAuthenticationCode(
            decoded.signature, authenticating: Data(decoded.signingInput.utf8), using: SymmetricKey(data: Data(secret.utf8)))
    }

    /// Checks one of rigger's keys the way GoTrue, PostgREST and Kong read it.
    public static func assertAPIKey(_ token: String, role: String, secret: String, issuedAt: Int, file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertTrue(try verifies(token, secret: secret), "the \(role) key does not verify with the JWT secret", file: file, line: line)
        let decoded = try decode(token)
        XCTAssertEqual(decoded.header["alg"] as? String, "HS256", file: file, line: line)
        XCTAssertEqual(decoded.header["typ"] as? String, "JWT", file: file, line: line)
        XCTAssertEqual(decoded.payload["role"] as? String, role, file: file, line: line)
        XCTAssertEqual(decoded.payload["iss"] as? String, "supabase", file: file, line: line)
        XCTAssertEqual(decoded.payload["iat"] as? Int, issuedAt, file: file, line: line)
        XCTAssertEqual(decoded.payload["exp"] as? Int, issuedAt + 3_652 * 86_400, "ten years: 3652 days", file: file, line: line)
        // Compact, with the keys in a fixed order, so that signing again gives the same bytes.
        XCTAssertEqual(
            decoded.payloadText, "{\"role\":\"\(role)\",\"iss\":\"supabase\",\"iat\":\(issuedAt),\"exp\":\(issuedAt + 315_532_800)}",
            file: file, line: line)
        // Kong's start script puts the keys into its config with sed: '/', '&' and '\' would break it.
        XCTAssertFalse(token.contains { "/&\\=+".contains($0) }, token, file: file, line: line)
    }

    /// The stringData of the bundle's helicone-supabase Secret.
    public static func supabaseSecret(_ bundle: RiggerCore.Bundle) throws -> [String: String] {
        try stringData(try XCTUnwrap(bundle["secrets/supabase.secret.yaml"]?.contents))
    }

    /// The stringData of a Secret manifest.
    public static func stringData(_ manifest: String) throws -> [String: String] {
        guard case .mapping(let mapping)? = try Yams.compose(yaml: manifest)?["stringData"] else { return [:] }
        var data: [String: String] = [:]
        for (key, value) in mapping { if let key = key.string, let value = value.string { data[key] = value } }
        return data
    }
}
