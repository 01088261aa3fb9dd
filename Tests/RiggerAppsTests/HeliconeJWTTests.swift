import Foundation
import RiggerApps
import RiggerCore
import RiggerTestSupport
import XCTest

/// Helicone's API keys: HS256 JWTs signed with the JWT secret, checked here without the signer's
/// own code (decoded, their HMAC computed again with swift-crypto: `HeliconeKeys`), and the signer checked against
/// the chart README's published example.
final class HeliconeJWTTests: XCTestCase {
    /// The chart README's example: public, so rigger must never use it, but its three values are
    /// consistent and so prove the signer right.
    private static let readmeSecret = "abcdefghijklmnopqrstuvwxyz123456"
    private static let readmeAnonKey = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.ewogICAgInJvbGUiOiAiYW5vbiIsCiAgICAiaXNzIjogInN1cGFiYXNlIiwKICAgICJpYXQiOiAxNjc1NDAwNDAwLAogICAgImV4cCI6IDE4MzMxNjY4MDAKfQ.ztuiBzjaVoFHmoljUXWmnuDN6QU2WgJICeqwyzyZO88"
    private static let readmeServiceKey = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.ewogICAgInJvbGUiOiAic2VydmljZV9yb2xlIiwKICAgICJpc3MiOiAic3VwYWJhc2UiLAogICAgImlhdCI6IDE2NzU0MDA0MDAsCiAgICAiZXhwIjogMTgzMzE2NjgwMAp9.qNsmXzz4tG7eqJPh1Y58DbtIlJBauwpqx39UF-MwM8k"

    func testTheSignerReproducesTheReadmeExampleSignatures() throws {
        for token in [Self.readmeAnonKey, Self.readmeServiceKey] {
            let parts = token.split(separator: ".").map(String.init)
            XCTAssertEqual(SupabaseJWT.signature(of: parts[0] + "." + parts[1], secret: Self.readmeSecret), parts[2])
            XCTAssertTrue(try HeliconeKeys.verifies(token, secret: Self.readmeSecret), "the test's own verifier agrees")
            XCTAssertFalse(try HeliconeKeys.verifies(token, secret: Self.readmeSecret + "x"), "a wrong secret must not verify")
        }
    }

    func testTokensCarryTheRoleIssuerAndTenYearValidity() throws {
        let secret = "a-test-secret-of-more-than-32-characters"
        for (role, name) in [(SupabaseJWT.Role.anon, "anon"), (.serviceRole, "service_role")] {
            let token = SupabaseJWT.token(role: role, issuedAt: 1_790_000_000, secret: secret)
            try HeliconeKeys.assertAPIKey(token, role: name, secret: secret, issuedAt: 1_790_000_000)
            XCTAssertEqual(token, SupabaseJWT.token(role: role, issuedAt: 1_790_000_000, secret: secret), "signing is repeatable")
            XCTAssertNotEqual(token, SupabaseJWT.token(role: role, issuedAt: 1_790_000_001, secret: secret))
        }
    }

    /// The keys in each preset's bundle verify with the bundle's own JWT secret.
    func testEveryPresetsKeysVerifyWithItsJWTSecret() throws {
        for preset in AppTestFixture.helicone.presets {
            let prepared = try TestProject.presetBundle(preset, of: .helicone)
            let data = try HeliconeKeys.supabaseSecret(prepared.bundle)
            let secret = try XCTUnwrap(data["JWT_SECRET"], preset)
            XCTAssertGreaterThanOrEqual(secret.count, 32, preset)
            XCTAssertEqual(secret, prepared.secrets["helicone.jwtSecret"]?.value)
            let issuedAt = try XCTUnwrap(prepared.answers["helicone.jwtIssuedAt"]?.intValue)
            XCTAssertEqual(issuedAt, Int(TestProject.fixedNow.timeIntervalSince1970), "issued at the generation's clock")
            try HeliconeKeys.assertAPIKey(try XCTUnwrap(data["ANON_KEY"]), role: "anon", secret: secret, issuedAt: issuedAt)
            try HeliconeKeys.assertAPIKey(try XCTUnwrap(data["SERVICE_ROLE_KEY"]), role: "service_role", secret: secret, issuedAt: issuedAt)
            XCTAssertTrue(try XCTUnwrap(prepared.bundle["rigger.yaml"]?.contents).contains("jwtIssuedAt: \(issuedAt)"), "kept with the bundle")
        }
    }
}
