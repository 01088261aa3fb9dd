/// What the official clickhouse-server image's entrypoint does with the user and password it is
/// given (CLICKHOUSE_USER, CLICKHOUSE_PASSWORD): it writes them, unescaped, into the users XML
/// file it makes, the user as the name of an element and the password as its text. A value that
/// doesn't fit leaves a server that can't read its own configuration.
public enum ClickHouseEntrypoint {
    /// The characters the password may hold where `appliesWhen` says the bundle runs the image.
    public static func passwordCharacters(appliesWhen: Condition) -> SecretCharacters {
        .unescapedXMLText(
            because: "the clickhouse-server image's entrypoint writes it as it is into the users XML file it makes, which the server "
                + "could then not read",
            appliesWhen: appliesWhen)
    }

    /// Whether the user can be the name of that element: an XML name of ASCII letters, digits,
    /// `_`, `-` and `.`, starting with a letter or `_`.
    public static func isUserName(_ name: String) -> Bool {
        TextFormat.matches(
            name, length: 1...63, first: { ASCII.isLower($0) || ASCII.isUpper($0) || $0 == UInt8(ascii: "_") },
            rest: { ASCII.isAlphanumeric($0) || ASCII.in($0, "_.-") })
    }

    /// What such a user looks like, and why.
    public static let userNameExpectation =
        "a name that starts with a letter or '_', then letters, digits, '_', '-' or '.', since the clickhouse-server image's entrypoint "
        + "makes it the name of an XML element in its users file"
}
