import Foundation
import RiggerCore
@testable import RiggerCluster
import XCTest
import Yams

/// `rigger check`'s diff of a release's values against values.yaml shows what changes and never a
/// secret: not under a key that names one, not in a URL, not in an env-style list entry, and not
/// one of the bundle's own secrets wherever it sits.
final class ValuesDiffTests: XCTestCase {
    private static let mask = "(may be secret, masked)"

    private func values(_ yaml: String) throws -> ManifestValue {
        ManifestValue(node: try XCTUnwrap(try Yams.compose(yaml: yaml)))
    }

    private func diff(_ installed: String, _ bundle: String, secrets: Set<String> = []) throws -> ValuesDiff {
        ValuesDiff(installed: try values(installed), bundle: try values(bundle), secrets: secrets)
    }

    private func lines(_ diff: ValuesDiff) -> [String] { diff.changes.map(\.description) }

    func testKeysThatNameASecretAreMaskedWhateverTheirCase() throws {
        let installed = """
            totpVaultKey: old-totp-vault-key
            email: {key: old-email-key, host: smtp.old}
            secretKeyBase: old-secret-key-base
            api_key: old-api-key
            OPENAI_API_KEY: sk-old
            redisPass: old-redis-pass
            """
        let bundle = """
            totpVaultKey: new-totp-vault-key
            email: {key: new-email-key, host: smtp.new}
            secretKeyBase: new-secret-key-base
            api_key: new-api-key
            OPENAI_API_KEY: sk-new
            redisPass: new-redis-pass
            """
        let found = try diff(installed, bundle)
        XCTAssertEqual(lines(found), [
            "~ OPENAI_API_KEY: \(Self.mask) -> \(Self.mask)",
            "~ api_key: \(Self.mask) -> \(Self.mask)",
            "~ email.host: smtp.old -> smtp.new",
            "~ email.key: \(Self.mask) -> \(Self.mask)",
            "~ redisPass: \(Self.mask) -> \(Self.mask)",
            "~ secretKeyBase: \(Self.mask) -> \(Self.mask)",
            "~ totpVaultKey: \(Self.mask) -> \(Self.mask)",
        ])
        XCTAssertFalse(found.text.contains("old-") || found.text.contains("new-") || found.text.contains("sk-"), found.text)
    }

    func testTheNamesOfSecretsAndOfTheirKeysAreShown() throws {
        let found = try diff(
            "postgresql: {existingSecret: pg-old, existingSecretPasswordKey: pw}\ntls: {secretName: tls-old}",
            "postgresql: {existingSecret: pg-new, existingSecretPasswordKey: password}\ntls: {secretName: tls-new}")
        XCTAssertEqual(lines(found), [
            "~ postgresql.existingSecret: pg-old -> pg-new",
            "~ postgresql.existingSecretPasswordKey: pw -> password",
            "~ tls.secretName: tls-old -> tls-new",
        ])
    }

    func testAURLsPasswordIsHiddenAndTheRestShown() throws {
        let found = try diff(
            "externalRedis: {url: 'redis://:redispass@redis.old:6379/0'}\ndatabase: {url: 'postgres://app:p@ss/w0rd@db.old/app'}",
            "externalRedis: {url: 'redis://:redispass@redis.new:6379/0'}\ndatabase: {url: 'postgres://app:other@db.new/app'}")
        XCTAssertEqual(lines(found), [
            "~ database.url: postgres://app:***@db.old/app -> postgres://app:***@db.new/app",
            "~ externalRedis.url: redis://:***@redis.old:6379/0 -> redis://:***@redis.new:6379/0",
        ])
        // A port, or a colon in the path, is no password.
        XCTAssertEqual(
            lines(try diff("links: 'http://host:8080/path and https://example.com/a:b'", "links: 'http://host:8081/path and https://example.com/a:c'")),
            ["~ links: http://host:8080/path and https://example.com/a:b -> http://host:8081/path and https://example.com/a:c"])
    }

    func testAnEnvEntryNamedForASecretHasItsValueMasked() throws {
        let found = try diff(
            "env:\n  - {name: OPENAI_KEY, value: sk-old-0123456789}\n  - {name: LOG_LEVEL, value: info}",
            "env:\n  - {name: OPENAI_KEY, value: sk-new-0123456789}\n  - {name: LOG_LEVEL, value: debug}")
        XCTAssertEqual(lines(found), [
            "~ env[0].value: \(Self.mask) -> \(Self.mask)",
            "~ env[1].value: info -> debug",
        ])
    }

    func testABundleSecretIsMaskedWhereverItIsAndListsAreComparedItemByItem() throws {
        let secret = "s3cr3t-from-the-bundle"
        let found = try diff(
            "lst: [a, b]\nheader: plain\nnested: [{note: x}]",
            "lst: [a, \(secret), c]\nheader: 'Bearer \(secret)'\nnested: [{note: 'is \(secret)'}]",
            secrets: [secret])
        XCTAssertEqual(lines(found), [
            "~ header: \(Self.mask) -> \(Self.mask)",
            "~ lst[1]: \(Self.mask) -> \(Self.mask)",
            "+ lst[2]: c",
            "~ nested[0].note: \(Self.mask) -> \(Self.mask)",
        ])
        XCTAssertFalse(found.text.contains(secret), found.text)
    }

    func testAListUnderAKeyThatNamesASecretIsMaskedItemByItem() throws {
        let found = try diff("apiKeys: [k-one-1234, k-two-1234]\ntags: [x, y]", "apiKeys: [k-one-1234, k-three-123]\ntags: [x, z]")
        XCTAssertEqual(lines(found), ["~ apiKeys[1]: \(Self.mask) -> \(Self.mask)", "~ tags[1]: y -> z"])
    }
}
