import Foundation
import RiggerApps
import RiggerCore
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

    /// The README's list of images is what the install really pulls: no more, no fewer.
    func testTheReadmeListsEveryImageTheInstallPulls() throws {
        for (name, prepared, rendered) in try renderedVariants() {
            let readme = try XCTUnwrap(prepared.bundle["README.md"]?.contents)
            XCTAssertEqual(BundleChartCheck.readmeImages(readme), BundleChartCheck.normalizedImages(rendered), name)
        }
    }
}
