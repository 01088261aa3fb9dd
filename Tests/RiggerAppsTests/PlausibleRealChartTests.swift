import Foundation
import RiggerApps
import RiggerCore
import RiggerTestSupport
import XCTest

/// Plausible bundles rendered by IMIO's real plausible-analytics chart 0.4.1 through the real
/// Helm library, together with the objects the bundle applies itself: every preset and the
/// variants that cover each branch.
final class PlausibleRealChartTests: XCTestCase {
    /// Each variant rendered once for every test: rendering is the slow part.
    nonisolated(unsafe) private static var cache: [(String, PreparedBundle, RenderedChart)]?

    private func renderedVariants() throws -> [(String, PreparedBundle, RenderedChart)] {
        if let cached = Self.cache { return cached }
        let chart = try TestTools.chart("plausible-analytics")
        let rendered = try PlausibleTestBundles.all().map { name, prepared in
            (name, prepared, try RealChartRender.render(prepared, chart: chart, name: name))
        }
        Self.cache = rendered
        return rendered
    }

    /// The chart's objects and the bundle's manifests, as one install creates them.
    private func installed(_ prepared: PreparedBundle, _ rendered: RenderedChart) throws -> RenderedChart {
        let manifests = try PlausibleTestBundles.manifestObjects(prepared.bundle).map { RenderedChart.Document(template: $0.path, object: $0.object) }
        return RenderedChart(documents: rendered.documents + manifests)
    }

    func testEveryVariantRendersAndEverySecretItReadsIsProvided() throws {
        for (name, prepared, rendered) in try renderedVariants() {
            XCTAssertEqual(rendered.objects("Deployment").count, 1, name)
            let all = try installed(prepared, rendered)
            XCTAssertEqual(BundleChartCheck.secretProblems(all, bundle: prepared.bundle), [], name)
            XCTAssertEqual(BundleChartCheck.leakedSecrets(prepared), [], "\(name): values.yaml holds a secret value")
        }
    }

    func testEveryImageIsPinnedAndStillPublished() throws {
        for (name, prepared, rendered) in try renderedVariants() {
            let all = try installed(prepared, rendered)
            XCTAssertEqual(BundleChartCheck.imageProblems(all), [], name)
            for (workload, image) in all.images {
                // Bitnami's frozen copies get no security fixes: nothing rigger runs uses them.
                XCTAssertNil(ImageReference(image).flatMap(ImageRegistryNotice.notice(for:)), "\(name): \(workload) runs \(image)")
            }
            // CloudNativePG's image is a field of its own, not a container's.
            for cluster in all.objects("Cluster") {
                let imageName = try XCTUnwrap((cluster.object["spec"] as? [String: Any])?["imageName"] as? String, name)
                let image = try XCTUnwrap(ImageReference(imageName))
                XCTAssertTrue(image.isPinned, "\(name): \(imageName)")
                XCTAssertNil(ImageRegistryNotice.notice(for: image), "\(name): \(imageName)")
            }
        }
    }

    /// The README lists every image the install pulls: all that the chart and the bundle's
    /// manifests run, and besides them only the images of the charts 30-prerequisites.sh installs.
    func testTheReadmeListsEveryImageTheInstallPulls() throws {
        let prerequisites = ["ghcr.io/cloudnative-pg/cloudnative-pg:", "registry.k8s.io/ingress-nginx/", "docker.io/library/traefik:", "quay.io/jetstack/cert-manager-"]
        for (name, prepared, rendered) in try renderedVariants() {
            let all = try installed(prepared, rendered)
            var pulled = BundleChartCheck.normalizedImages(all)
            for cluster in all.objects("Cluster") {
                if let image = ((cluster.object["spec"] as? [String: Any])?["imageName"] as? String).flatMap(ImageReference.init) { pulled.insert(image.normalized) }
            }
            let listed = BundleChartCheck.readmeImages(try XCTUnwrap(prepared.bundle["README.md"]?.contents))
            XCTAssertEqual(pulled.subtracting(listed), [], "\(name): the README leaves these out")
            let extra = listed.subtracting(pulled)
            XCTAssertEqual(extra.filter { image in !prerequisites.contains { image.hasPrefix($0) } }, [], "\(name): the README lists images nothing pulls")
            XCTAssertEqual(extra.contains { $0.hasPrefix("registry.k8s.io/ingress-nginx/") }, prepared.answers["ingress.type"]?.description == "nginx", name)
        }
    }

    /// The chart must never make a Secret: its own would hold a SECRET_KEY_BASE made anew on
    /// every render (logging everyone out on every upgrade) and its published TOTP key.
    func testTheChartMakesNoSecretAndReadsOnlyTheEnvironmentSecret() throws {
        for (name, prepared, rendered) in try renderedVariants() {
            XCTAssertEqual(rendered.objects("Secret").map(\.name), [], name)
            let environment = try XCTUnwrap(prepared.answers["plausible.existingSecret"]?.description ?? "\(prepared.answers["release"]?.description ?? "")-env")
            let read = Set(rendered.secretUses.filter { $0.workload.hasPrefix("Deployment/") }.map(\.secret))
            let expected: Set<String> = prepared.answers["postgresql.sslmode"]?.description == "verify-ca"
                ? [environment, try XCTUnwrap(prepared.answers["postgresql.caSecret"]?.description)]
                : [environment]
            XCTAssertEqual(read, expected, name)
        }
    }

    func testPlausibleRunsOnceWithoutInitContainersAndWithItsSettings() throws {
        for (name, prepared, rendered) in try renderedVariants() {
            let deployment = try XCTUnwrap(rendered.objects("Deployment").first)
            let spec = try XCTUnwrap(deployment.object["spec"] as? [String: Any])
            XCTAssertEqual(spec["replicas"] as? Int, 1, name)
            let pod = try XCTUnwrap((spec["template"] as? [String: Any])?["spec"] as? [String: Any])
            XCTAssertNil(pod["initContainers"], "\(name): the chart's init containers can't read a percent-encoded URL")
            let container = try XCTUnwrap((pod["containers"] as? [[String: Any]])?.first)
            XCTAssertEqual(container["image"] as? String, "ghcr.io/plausible/community-edition:\(prepared.answers["image.tag"]?.description ?? "")", name)
            let env = Dictionary(
                ((container["env"] as? [[String: Any]]) ?? []).compactMap { item in (item["name"] as? String).map { ($0, item) } },
                uniquingKeysWith: { first, _ in first })
            let baseURL = try XCTUnwrap(env["BASE_URL"]?["value"] as? String, name)
            if let host = prepared.answers["ingress.hostname"]?.description, prepared.answers["ingress.type"]?.description != "none" {
                XCTAssertEqual(baseURL, (prepared.answers["ingress.tls"]?.description == "none" ? "http://" : "https://") + host, name)
            } else {
                XCTAssertEqual(baseURL, "http://localhost:8000", name)
            }
            let registration = ["invite-only": "invite_only", "closed": "true", "open": "false"][prepared.answers["plausible.registration"]?.description ?? ""]
            XCTAssertEqual(env["DISABLE_REGISTRATION"]?["value"] as? String, registration, name)
            XCTAssertEqual(env["SMTP_USER_PWD"] != nil, prepared.answers["email.user"] != nil, name)
            if let ingress = rendered.objects("Ingress").first {
                let rules = try XCTUnwrap((ingress.object["spec"] as? [String: Any])?["rules"] as? [[String: Any]])
                XCTAssertEqual(rules.compactMap { $0["host"] as? String }, [try XCTUnwrap(prepared.answers["ingress.hostname"]?.description)], name)
                let backend = Data(try JSONSerialization.data(withJSONObject: rules))
                XCTAssertTrue(String(decoding: backend, as: UTF8.self).contains("\"number\":8000"), name)
            } else {
                XCTAssertEqual(prepared.answers["ingress.type"]?.description, "none", name)
            }
        }
    }

    /// What the install runs (the chart through the post-renderer, and the bundle's manifests) has
    /// no image in an affected range of the advisories rigger knows, and Plausible is v3.2.1.
    func testNoImageTheInstallRunsHasAKnownAdvisoryAndPlausibleIsV321() throws {
        let table = try XCTUnwrap(AppRegistry.standard.entry("plausible")).app.advisoryTable
        for (name, prepared, rendered) in try renderedVariants() {
            let images = try installed(prepared, rendered).images.map { BundleImage($0.workload, $0.image) }
            XCTAssertEqual(AdvisoryFinding.findings(images, table: table).map(\.summary), [], name)
            XCTAssertTrue(images.contains { $0.reference == "ghcr.io/plausible/community-edition:v3.2.1" }, "\(name): \(images.map(\.reference))")
        }
    }
}
