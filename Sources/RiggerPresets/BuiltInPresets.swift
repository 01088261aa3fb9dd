/// The presets compiled into rigger: every YAML file under the checkout's `presets/` folder at
/// build time (the EmbedPresets plugin writes `embeddedPresetFiles`).
public enum BuiltInPresets {
    /// Each preset file's text by its path relative to `presets/`, such as `posthog/gcp.yaml`.
    public static var files: [String: String] {
        Dictionary(embeddedPresetFiles.map { ($0.path, $0.text) }, uniquingKeysWith: { first, _ in first })
    }
}
