/// Facts about rigger itself.
public enum Rigger {
    /// rigger's version, written into generated files' headers.
    public static let version = "0.1.0"
}
