import Crypto
import Foundation
import RiggerApps
import RiggerCore
import RiggerTestSupport
import XCTest
import Yams

/// Helicone's API keys: HS256 JWTs signed with the JWT secret, checked here without the signer's
/// own code (decoded, their HMAC computed again with swift-crypto), and the signer checked against
/// the chart README's published example.
final class HeliconeJWTTests: XCTestCase {
    /// The chart README's example: public, so rigger must never use it, but its three values are
    /// consistent and so prove the signer right.
    private static let readmeSecret = "abcdefghijklmnopqrstuvwxyz123456"
    private static let readmeAnonKey = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.ewogICAgInJvbGUiOiAiYW5vbiIsCiAgICAiaXNzIjogInN1cGFiYXNlIiwKICAgICJpYXQiOiAxNjc1NDAwNDAwLAogICAgImV4cCI6IDE4MzMxNjY4MDAKfQ.ztuiBzjaVoFHmoljUXWmnuDN6QU2WgJICeqwyzyZO88"
    private static let readmeServiceKey = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.ewogICAgInJvbGUiOiAic2VydmljZV9yb2xlIiwKICAgICJpc3MiOiAic3VwYWJhc2UiLAogICAgImlhdCI6IDE2NzU0MDA0MDAsCiAgICAiZXhwIjogMTgzMzE2NjgwMAp9.qNsmXzz4tG7eqJPh1Y58DbtIlJBauwpqx39UF-MwM8k"

    /// A token's three parts, decoded by the test itself.
    struct Decoded {
        let header: [String: Any]
        let payload: [String: Any]
        let payloadText: String
        let signingInput: String
        let signature: Data
    }

    static func base64URLDecode(_ text: String) throws -> Data {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        return try XCTUnwrap(Data(base64Encoded: base64), "not base64url: \(text)")
    }

    static func decode(_ token: String) throws -> Decoded {
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
    static func verifies(_ token: String, secret: String) throws -> Bool {
        let decoded = try decode(token)
        return HMAC<SHA256>.isValidAuthenticationCode(
            decoded.signature, authenticating: Data(decoded.signingInput.utf8), using: SymmetricKey(data: Data(secret.utf8)))
    }

    /// Checks one of rigger's keys the way GoTrue, PostgREST and Kong read it.
    static func assertAPIKey(_ token: String, role: String, secret: String, issuedAt: Int, file: StaticString = #filePath, line: UInt = #line) throws {
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

    func testTheSignerReproducesTheReadmeExampleSignatures() throws {
        for token in [Self.readmeAnonKey, Self.readmeServiceKey] {
            let parts = token.split(separator: ".").map(String.init)
            XCTAssertEqual(SupabaseJWT.signature(of: parts[0] + "." + parts[1], secret: Self.readmeSecret), parts[2])
            XCTAssertTrue(try Self.verifies(token, secret: Self.readmeSecret), "the test's own verifier agrees")
            XCTAssertFalse(try Self.verifies(token, secret: Self.readmeSecret + "x"), "a wrong secret must not verify")
        }
    }

    func testTokensCarryTheRoleIssuerAndTenYearValidity() throws {
        let secret = "a-test-secret-of-more-than-32-characters"
        for (role, name) in [(SupabaseJWT.Role.anon, "anon"), (.serviceRole, "service_role")] {
            let token = SupabaseJWT.token(role: role, issuedAt: 1_790_000_000, secret: secret)
            try Self.assertAPIKey(token, role: name, secret: secret, issuedAt: 1_790_000_000)
            XCTAssertEqual(token, SupabaseJWT.token(role: role, issuedAt: 1_790_000_000, secret: secret), "signing is repeatable")
            XCTAssertNotEqual(token, SupabaseJWT.token(role: role, issuedAt: 1_790_000_001, secret: secret))
        }
    }

    /// The keys in each preset's bundle verify with the bundle's own JWT secret.
    func testEveryPresetsKeysVerifyWithItsJWTSecret() throws {
        for preset in AppTestFixture.helicone.presets {
            let prepared = try TestProject.presetBundle(preset, of: .helicone)
            let data = try Self.supabaseSecret(prepared.bundle)
            let secret = try XCTUnwrap(data["JWT_SECRET"], preset)
            XCTAssertGreaterThanOrEqual(secret.count, 32, preset)
            XCTAssertEqual(secret, prepared.secrets["helicone.jwtSecret"]?.value)
            let issuedAt = try XCTUnwrap(prepared.answers["helicone.jwtIssuedAt"]?.intValue)
            XCTAssertEqual(issuedAt, Int(TestProject.fixedNow.timeIntervalSince1970), "issued at the generation's clock")
            try Self.assertAPIKey(try XCTUnwrap(data["ANON_KEY"]), role: "anon", secret: secret, issuedAt: issuedAt)
            try Self.assertAPIKey(try XCTUnwrap(data["SERVICE_ROLE_KEY"]), role: "service_role", secret: secret, issuedAt: issuedAt)
            XCTAssertTrue(try XCTUnwrap(prepared.bundle["rigger.yaml"]?.contents).contains("jwtIssuedAt: \(issuedAt)"), "kept with the bundle")
        }
    }

    /// The stringData of the bundle's helicone-supabase Secret.
    static func supabaseSecret(_ bundle: RiggerCore.Bundle) throws -> [String: String] {
        try stringData(try XCTUnwrap(bundle["secrets/supabase.secret.yaml"]?.contents))
    }

    static func stringData(_ manifest: String) throws -> [String: String] {
        guard case .mapping(let mapping)? = try Yams.compose(yaml: manifest)?["stringData"] else { return [:] }
        var data: [String: String] = [:]
        for (key, value) in mapping { if let key = key.string, let value = value.string { data[key] = value } }
        return data
    }
}
