import RiggerApps
import RiggerCore

/// Each app's whole catalog, as the registry builds it.
enum TestCatalogs {
    static let postHog = AppRegistry.standard.entry("posthog")!.catalog
}
