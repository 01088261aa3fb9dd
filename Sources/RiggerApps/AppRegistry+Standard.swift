import RiggerCore

extension AppRegistry {
    /// Every app this rigger installs; the first is the default. Adding an app adds its line here.
    public static let standard = AppRegistry(PostHogApp(), [PlausibleApp()])
}
