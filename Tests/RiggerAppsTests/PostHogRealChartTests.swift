import Foundation
import RiggerApps
import RiggerCore
import RiggerTestSupport
import XCTest

/// PostHog bundles rendered by the real chart 30.46.0 through the real Helm library: every preset
/// and the variants that cover each branch of the renderer.
final class PostHogRealChartTests: XCTestCase {
    /// Each variant rendered once for both tests: rendering is the slow part.
    nonisolated(unsafe) private static var cache: [(String, PreparedBundle, RenderedChart)]?

    private func renderedVariants() throws -> [(String, PreparedBundle, RenderedChart)] {
        if let cached = Self.cache { return cached }
        let chart = try TestTools.chart("posthog")
        let rendered = try TestProject.postHogVariants().map { name, prepared in
            (name, prepared, try RealChartRender.render(prepared, chart: chart, name: name))
        }
        Self.cache = rendered
        return rendered
    }

    func testEveryVariantRendersAndEverySecretItReadsIsProvided() throws {
        for (name, prepared, rendered) in try renderedVariants() {
            XCTAssertGreaterThan(rendered.objects("Deployment").count, 3, name)
            XCTAssertEqual(BundleChartCheck.secretProblems(rendered, bundle: prepared.bundle), [], name)
            XCTAssertEqual(BundleChartCheck.leakedSecrets(prepared), [], "\(name): values.yaml holds a secret value")
        }
    }

    func testEveryImageIsPinnedAndFromNoRetiredRegistry() throws {
        for (name, _, rendered) in try renderedVariants() {
            XCTAssertEqual(BundleChartCheck.imageProblems(rendered), [], name)
        }
    }

    /// The README's list of images is what the install really pulls: all that the chart runs, and
    /// besides them only the images of the add-ons 30-prerequisites.sh installs.
    func testTheReadmeListsEveryImageTheInstallPulls() throws {
        let addOns = [
            "registry.k8s.io/ingress-nginx/", "docker.io/library/traefik:", "quay.io/jetstack/cert-manager-", "gcr.io/cloud-sql-connectors/cloud-sql-proxy:",
        ]
        for (name, prepared, rendered) in try renderedVariants() {
            let listed = BundleChartCheck.readmeImages(try XCTUnwrap(prepared.bundle["README.md"]?.contents))
            let pulled = BundleChartCheck.normalizedImages(rendered)
            XCTAssertEqual(pulled.subtracting(listed), [], "\(name): the README leaves these out")
            let extra = listed.subtracting(pulled)
            XCTAssertEqual(extra.filter { image in !addOns.contains { image.hasPrefix($0) } }, [], "\(name): the README lists images nothing pulls")
            XCTAssertEqual(extra.contains { $0.hasPrefix("registry.k8s.io/ingress-nginx/") }, prepared.answers["ingress.type"]?.description == "nginx", name)
        }
    }

    /// What the install runs, as the chart renders it through the post-renderer, has no image in
    /// a critical or high range of the advisories rigger knows that its configuration reaches: the
    /// chart's ingress-nginx v1.1.0, cert-manager v1.6.1 and Redis 6.2.7 are gone.
    func testNoImageTheInstallRunsHasAKnownAdvisory() throws {
        let table = try XCTUnwrap(AppRegistry.standard.entry("posthog")).app.advisoryTable
        for (name, _, rendered) in try renderedVariants() {
            let images = rendered.images.map { BundleImage($0.workload, $0.image) }
            XCTAssertEqual(AdvisoryFinding.findings(images, table: table).filter(\.advisory.refusesNewInstalls).map(\.summary), [], name)
            XCTAssertFalse(images.contains { $0.reference.contains("ingress-nginx/controller:v1.1.0") || $0.reference.contains("cert-manager") }, name)
        }
    }
}
