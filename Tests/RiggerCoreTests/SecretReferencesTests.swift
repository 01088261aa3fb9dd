import RiggerCore
import XCTest

/// How Secret files resolve to the Secrets workloads read: written by the bundle, or the operator's.
final class SecretReferencesTests: XCTestCase {
    /// One Secret holding several secrets, one of them optional, as a chart that reads a whole
    /// environment from one Secret has it.
    private let shared = SecretFileSpec(
        fileName: "app-env.secret.yaml", component: "app", naming: .releasePrefixed("env"),
        entries: [
            .secret("KEY", "app.key"),
            SecretDataEntry("URL", .derived(inputs: ["db.password"]) { _, _ in "postgres://u:p@h/d" }),
            .secret("MAIL_PASSWORD", "email.password", optional: true),
        ])

    func testAnExistingSharedSecretMustHoldAnOptionalKeyOnlyWhenItsSecretApplies() {
        let existing = ExistingSecretReference(name: "operator-env", dataKey: nil)
        let withoutMail = SecretReferences(specs: [shared], release: "r", secrets: SecretSet(existing: ["app.key": existing]))
        XCTAssertEqual(withoutMail["app-env.secret.yaml"]?.dataKeys, ["KEY", "URL"])
        XCTAssertEqual(withoutMail.existing.map(\.name), ["operator-env"])

        let withMail = SecretReferences(
            specs: [shared], release: "r", secrets: SecretSet(existing: ["app.key": existing, "email.password": existing]))
        XCTAssertEqual(withMail["app-env.secret.yaml"]?.dataKeys, ["KEY", "URL", "MAIL_PASSWORD"])
    }

    func testAWrittenSharedSecretHoldsAnOptionalKeyOnlyWithItsValue() {
        let held = SecretSet(["app.key": SecretEntry(value: "k", source: .generated)])
        XCTAssertEqual(SecretReferences(specs: [shared], release: "r", secrets: held).manifests.first?.dataKeys, ["KEY", "URL"])
        var withMail = held
        withMail["email.password"] = SecretEntry(value: "m", source: .supplied)
        let references = SecretReferences(specs: [shared], release: "r", secrets: withMail)
        XCTAssertEqual(references.manifests.first?.dataKeys, ["KEY", "URL", "MAIL_PASSWORD"])
        XCTAssertEqual(references.manifests.first?.name, "r-env")
    }
}
