import RiggerApps
import RiggerCore

/// Each app's whole catalog, as the registry builds it.
public enum TestCatalogs {
    /// PostHog's catalog.
    public static let postHog = AppRegistry.standard.entry("posthog")!.catalog
}
