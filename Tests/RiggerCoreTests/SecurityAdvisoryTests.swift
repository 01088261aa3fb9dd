import Foundation
import RiggerApps
import RiggerCore
import RiggerTestSupport
import XCTest

/// rigger's table of advisories: versions read as advisories state them, every entry readable,
/// and no version pinned anywhere in the code in an affected range.
final class SecurityAdvisoryTests: XCTestCase {
    /// Every entry: the core's shared ones and each app's own.
    private static var everyAdvisory: [SecurityAdvisory] {
        SecurityAdvisories.shared + AppRegistry.standard.entries.flatMap(\.app.advisories)
    }

    func testVersionsAreReadFromTagsAndLabelsAndOrderedAsReleases() throws {
        XCTAssertEqual(AdvisoryVersion("v1.11.5")?.numbers, [1, 11, 5])
        XCTAssertEqual(AdvisoryVersion("release-1.43.0")?.numbers, [1, 43, 0])
        XCTAssertEqual(AdvisoryVersion("24.12.6.70-alpine")?.numbers, [24, 12, 6, 70])
        XCTAssertNil(AdvisoryVersion("24.12.6.70-alpine")?.preRelease, "alpine is a build, not a pre-release")
        XCTAssertEqual(AdvisoryVersion("v1.15.1@sha256:0123")?.numbers, [1, 15, 1])
        XCTAssertNil(AdvisoryVersion("latest"))
        XCTAssertNil(AdvisoryVersion("v2023.07.13-main-x")?.preRelease)
        let ordered = try ["3.0.0-rc.0", "3.0.0-rc.2", "3.0.0-rc.10", "3.0.0", "v3.0.1", "3.2.0", "v3.2.1", "3.10.0"].map { try XCTUnwrap(AdvisoryVersion($0)) }
        for (earlier, later) in zip(ordered, ordered.dropFirst()) { XCTAssertLessThan(earlier, later, "\(earlier) < \(later)") }
        XCTAssertEqual(AdvisoryVersion("1.12"), AdvisoryVersion("v1.12.0"))
    }

    func testEveryEntryIsReadableAndItsFixesLeaveItsRange() throws {
        let all = Self.everyAdvisory
        XCTAssertFalse(all.isEmpty)
        XCTAssertEqual(Set(all.map(\.id)).count, all.count, "an advisory is listed twice")
        for advisory in all {
            XCTAssertTrue(TextFormat.advisoryIDs.accepts(advisory.id), advisory.id)
            for alias in advisory.aliases { XCTAssertTrue(TextFormat.advisoryIDs.accepts(alias), alias) }
            XCTAssertTrue(advisory.affected.allSatisfy(\.isReadable), "\(advisory.id): a range that is no version")
            XCTAssertFalse(advisory.fixedIn.isEmpty, advisory.id)
            for fix in advisory.fixedIn {
                let version = try XCTUnwrap(AdvisoryVersion(fix), "\(advisory.id): \(fix)")
                XCTAssertFalse(advisory.affects(version), "\(advisory.id): its fix \(fix) is in its own range")
            }
            XCTAssertTrue(advisory.source.hasPrefix("https://"), advisory.id)
            XCTAssertFalse(advisory.component.imageRepositories.isEmpty, advisory.id)
        }
    }

    func testTheRangesAreTheAdvisoriesOwn() throws {
        let table = AdvisoryTable(SecurityAdvisories.shared)
        let nightmare = try XCTUnwrap(table.advisory(named: "GHSA-mgvx-rpfc-9mpv"))
        XCTAssertEqual(nightmare.id, "CVE-2025-1974")
        XCTAssertEqual(nightmare.severity, .critical)
        for affected in ["1.1.0", "v1.11.4", "1.12.0"] { XCTAssertTrue(nightmare.affects(try XCTUnwrap(AdvisoryVersion(affected))), affected) }
        for fixed in ["1.11.5", "v1.12.1", "1.15.1"] { XCTAssertFalse(nightmare.affects(try XCTUnwrap(AdvisoryVersion(fixed))), fixed) }
        // v1.1.0, the controller of PostHog's chart 30.46.0: every ingress-nginx entry, and only a release past them all clears it.
        XCTAssertEqual(table.affecting(SecurityAdvisories.ingressNginx, version: "1.1.0").first?.id, "CVE-2025-1974", "the worst first")
        XCTAssertEqual(table.firstUnaffected(SecurityAdvisories.ingressNginx, after: "1.1.0"), "v1.14.4")
        XCTAssertTrue(table.affecting(SecurityAdvisories.ingressNginx, version: "1.14.4").isEmpty)
        let plausible = AppRegistry.standard.entry("plausible")?.app.advisoryTable
        let storybook = try XCTUnwrap(plausible?.advisory(named: "CVE-2026-8467"))
        for affected in ["v3.0.0-rc.0", "v3.0.1", "v3.2.0"] { XCTAssertTrue(storybook.affects(try XCTUnwrap(AdvisoryVersion(affected))), affected) }
        for clean in ["v2.1.5", "v3.2.1"] { XCTAssertFalse(storybook.affects(try XCTUnwrap(AdvisoryVersion(clean))), clean) }
    }

    /// Keeping the table true: no version pinned in the code (each app's images for every preset,
    /// the add-ons' images, each answer's default) falls in a critical or high range of the table
    /// that rigger's configuration reaches, so an entry for a pinned default comes with the move
    /// off it or with the reason the hole can't be reached.
    func testNoVersionPinnedInTheCodeHasAKnownAdvisory() throws {
        for fixture in TestProject.appFixtures {
            let app = try XCTUnwrap(AppRegistry.standard.entry(fixture.app)?.app)
            for preset in fixture.presets {
                let prepared = try TestProject.presetBundle(preset, of: fixture)
                let findings = AdvisoryFinding.findings(try app.images(prepared.answers), table: app.advisoryTable)
                XCTAssertEqual(findings.filter(\.advisory.refusesNewInstalls).map(\.summary), [], "\(fixture.app) \(preset)")
                // A lesser or unreachable one is allowed only with what the README says of it.
                for finding in findings {
                    XCTAssertTrue(finding.advisory.severity < .high || finding.advisory.unreachable != nil, finding.summary)
                }
                XCTAssertFalse(prepared.warnings.contains { $0.contains("is affected by") }, "\(fixture.app) \(preset): \(prepared.warnings)")
            }
        }
        let addOns = [ClusterAddOn.ingressNginx, .certManager].flatMap(\.images).map { BundleImage("add-on", $0) }
        XCTAssertEqual(AdvisoryFinding.findings(addOns, table: AdvisoryTable(Self.everyAdvisory)).map(\.summary), [])
        XCTAssertEqual(addOns.count, 6, "the add-ons' images are all checked")
        // The same check finds a pinned version in a range: the test can fail.
        let old = [BundleImage("Plausible", "ghcr.io/plausible/community-edition:v3.0.1", pinnedBy: "image.tag"),
                   BundleImage("controller", "registry.k8s.io/ingress-nginx/controller:v1.1.0@sha256:f766669fdcf3dc26347ed273a55e754b427eb4411ee075a53f30718b4499076a")]
        XCTAssertEqual(Set(AdvisoryFinding.findings(old, table: AdvisoryTable(Self.everyAdvisory)).map(\.advisory.id)).isSuperset(of: ["CVE-2026-8467", "CVE-2025-1974"]), true)
    }

    /// Every answer that pins a version is asked with the acceptance of its advisories, and its
    /// default is in no affected range.
    func testEveryPinnedDefaultIsClearAndEveryPinCanBeAccepted() throws {
        for entry in AppRegistry.standard.entries {
            let catalog = entry.catalog
            let accept = try XCTUnwrap(catalog[CommonQuestions.allowVulnerableKey], "\(entry.id) asks no allowVulnerable")
            XCTAssertFalse(accept.appliesWhen.keys.isEmpty, entry.id)
            for key in accept.appliesWhen.keys {
                let question = try XCTUnwrap(catalog[key], "\(entry.id): \(key)")
                guard case .value(let value) = question.defaultValue else { return XCTFail("\(entry.id): \(key) has no fixed default") }
                XCTAssertFalse(accept.appliesWhen.holds(AnswerLookup([key: value])), "\(entry.id): the default \(key)=\(value) has a known advisory")
            }
        }
    }
}
