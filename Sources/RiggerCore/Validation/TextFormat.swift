import Foundation

/// A format that free-text answers are checked against.
///
/// Every format admits only characters that are safe in YAML scalars and shell words once quoted,
/// and none admits newlines or control characters.
public enum TextFormat: Sendable, Hashable {
    /// A DNS name (RFC 1123): labels of letters, digits and hyphens, joined by dots.
    case dnsName
    /// A host for a managed service: a DNS name or an IPv4 address.
    case host
    /// A DNS-1123 label of at most `maxLength` characters (namespaces, release names).
    case dnsLabel(maxLength: Int)
    /// A DNS-1123 subdomain (Kubernetes object names such as Secrets and storage classes).
    case kubernetesName
    /// A kubeconfig context name (EKS ARNs and GKE names included).
    case kubeContext
    /// An email address.
    case email
    /// A semantic version; `example` is the one errors and `explain` show, the app's own (its
    /// pinned chart version), so that one app's messages never quote another's.
    case semanticVersion(example: String)
    /// A container image tag, never `latest`; `example` is the app's own pinned tag.
    case imageTag(example: String)
    /// A comma-separated list of host:port pairs.
    case brokerList
    /// An http or https URL with a host and optional port, no path.
    case endpointURL
    /// A GCP resource name (lower case letters, digits, hyphens; starts with a letter).
    case gcpResourceName
    /// A GCP project ID: 6 to 30 lower case letters, digits and hyphens, starting with a letter.
    case gcpProjectID
    /// An identifier for a database, user or cluster: letters, digits, `_`, `-`, `.`.
    case identifier
    /// A login name (SMTP users are often keys or addresses): letters, digits and . _ @ + -.
    case userName
    /// An object storage bucket name (S3 rules).
    case bucketName
    /// A cloud region such as us-east-1.
    case region
    /// A key in a Secret's data: letters, digits, `-`, `_` and `.`.
    case secretDataKey
    /// Security advisory names (CVE-YYYY-NNNN or GHSA-xxxx-xxxx-xxxx), separated by commas.
    case advisoryIDs
    /// The start of a secret's name in AWS Secrets Manager: letters, digits and `/ _ + = . @ -`.
    case awsSecretNamePrefix
    /// The start of a secret's ID in Google Secret Manager: letters, digits, `_` and `-`.
    case gcpSecretIDPrefix
    /// A Cloud SQL instance connection name, PROJECT:REGION:INSTANCE (a domain-scoped project
    /// such as example.com:project included).
    case cloudSQLInstance
    /// A Google service account's address, NAME@PROJECT.iam.gserviceaccount.com.
    case gcpServiceAccount

    /// What a valid answer looks like, for errors and `explain`.
    public var expectation: String {
        switch self {
        case .dnsName: return "a DNS name such as analytics.example.com (letters, digits, hyphens and dots)"
        case .host: return "a host name such as db.example.internal or an IPv4 address"
        case .dnsLabel(let maxLength):
            return "a DNS-1123 label: lower case letters, digits and '-', starting and ending with a letter or digit, at most \(maxLength) characters"
        case .kubernetesName:
            return "a Kubernetes object name: lower case letters, digits, '-' and '.', at most 253 characters"
        case .kubeContext: return "a kubeconfig context name (letters, digits and . _ - : @ /)"
        case .email: return "an email address such as ops@example.com"
        case .semanticVersion(let example): return "a version such as \(example)"
        case .imageTag(let example): return "an image tag such as \(example) (letters, digits, '.', '_', '-'; not 'latest')"
        case .brokerList: return "a comma-separated list of host:port, such as b-1.msk.example:9092,b-2.msk.example:9092"
        case .endpointURL: return "an http(s) URL with a host and optional port, such as https://s3.us-east-1.amazonaws.com"
        case .gcpResourceName: return "a GCP resource name: lower case letters, digits and '-', starting with a letter, at most 63 characters"
        case .gcpProjectID:
            return "a GCP project ID such as my-project-123456: 6 to 30 lower case letters, digits and '-', starting with a letter, not ending with '-'"
        case .identifier: return "a name of letters, digits, '_', '-' and '.', at most 63 characters"
        case .userName: return "a user name of letters, digits and . _ @ + - (at most 253 characters)"
        case .bucketName: return "a bucket name: 3 to 63 lower case letters, digits, '.' and '-'"
        case .region: return "a region such as us-east-1 (lower case letters, digits and '-')"
        case .secretDataKey: return "a Secret data key: letters, digits, '-', '_' and '.', at most 253 characters"
        case .advisoryIDs: return "advisory names such as CVE-2025-1974 or GHSA-mgvx-rpfc-9mpv, separated by commas"
        case .awsSecretNamePrefix: return "a secret name prefix such as rigger/prod/: letters, digits and / _ + = . @ -, at most 200 characters"
        case .gcpSecretIDPrefix: return "a secret ID prefix such as rigger-prod-: letters, digits, '_' and '-', at most 200 characters"
        case .cloudSQLInstance:
            return "a Cloud SQL instance connection name PROJECT:REGION:INSTANCE, such as my-project:europe-west1:analytics "
                + "(gcloud sql instances describe INSTANCE --format='value(connectionName)')"
        case .gcpServiceAccount: return "a Google service account such as cloudsql-client@my-project.iam.gserviceaccount.com"
        }
    }

    /// The answer as it is written: host names (and the URLs and lists made of them) in lower
    /// case, since DNS ignores case and Kubernetes takes an Ingress host only in lower case;
    /// other formats as given.
    public func normalized(_ text: String) -> String {
        switch self {
        case .dnsName, .host, .brokerList, .endpointURL:
            // Every format is ASCII: bytes are enough, and spare the wizard the Unicode tables.
            return String(decoding: text.utf8.map { ASCII.isUpper($0) ? $0 + 32 : $0 }, as: UTF8.self)
        default: return text
        }
    }

    /// Whether `text` is in this format.
    ///
    /// The checks are written out by hand over ASCII bytes, not as regular expressions: those start
    /// ICU, which costs the wizard milliseconds before its first frame.
    public func accepts(_ text: String) -> Bool {
        switch self {
        case .dnsName: return Self.isDNSName(text)
        case .host: return Self.isDNSName(text) || Self.isIPv4(text)
        case .dnsLabel(let maxLength): return text.count <= maxLength && Self.isDNSLabel(text)
        case .kubernetesName:
            return text.count <= 253 && text.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { Self.isDNSLabel(String($0)) }
        case .kubeContext: return Self.matches(text, length: 1...253, all: { ASCII.isAlphanumeric($0) || ASCII.in($0, "._:@/-") })
        case .email:
            let parts = text.split(separator: "@", omittingEmptySubsequences: false)
            return parts.count == 2
                && Self.matches(String(parts[0]), length: 1...64, all: { ASCII.isAlphanumeric($0) || ASCII.in($0, ".!#%&*+/=?^_{|}~-") })
                && Self.isDNSName(String(parts[1])) && parts[1].contains(".")
        case .semanticVersion: return Self.isSemanticVersion(text)
        case .imageTag:
            return text != "latest"
                && Self.matches(text, length: 1...128, first: { ASCII.isAlphanumeric($0) || $0 == UInt8(ascii: "_") },
                    rest: { ASCII.isAlphanumeric($0) || ASCII.in($0, "_.-") })
        case .brokerList:
            let brokers = text.split(separator: ",", omittingEmptySubsequences: false)
            return !brokers.isEmpty && brokers.allSatisfy { Self.isHostPort(String($0)) }
        case .endpointURL:
            return Self.isEndpointURL(text) && Self.isHostPort(Self.hostPart(ofURL: text), portOptional: true)
        case .gcpResourceName:
            return Self.matches(text, length: 1...63, first: ASCII.isLower, rest: { ASCII.isLowerOrDigit($0) || $0 == UInt8(ascii: "-") },
                last: ASCII.isLowerOrDigit)
        case .gcpProjectID:
            return Self.matches(text, length: 6...30, first: ASCII.isLower, rest: { ASCII.isLowerOrDigit($0) || $0 == UInt8(ascii: "-") },
                last: ASCII.isLowerOrDigit)
        case .identifier:
            return Self.matches(text, length: 1...63, first: { ASCII.isAlphanumeric($0) || $0 == UInt8(ascii: "_") },
                rest: { ASCII.isAlphanumeric($0) || ASCII.in($0, "_.-") })
        case .userName: return Self.matches(text, length: 1...253, all: { ASCII.isAlphanumeric($0) || ASCII.in($0, "._@+-") })
        case .bucketName:
            return Self.matches(text, length: 3...63, first: ASCII.isLowerOrDigit, rest: { ASCII.isLowerOrDigit($0) || ASCII.in($0, ".-") },
                last: ASCII.isLowerOrDigit)
        case .region:
            return Self.matches(text, length: 1...63, first: ASCII.isLowerOrDigit, rest: { ASCII.isLowerOrDigit($0) || $0 == UInt8(ascii: "-") })
        case .secretDataKey:
            return text != "." && text != ".." && Self.matches(text, length: 1...253, all: { ASCII.isAlphanumeric($0) || ASCII.in($0, "._-") })
        case .advisoryIDs:
            let names = text.split(separator: ",", omittingEmptySubsequences: false)
            return !names.isEmpty && names.allSatisfy { Self.isAdvisoryID(String($0)) }
        case .awsSecretNamePrefix: return Self.matches(text, length: 1...200, all: { ASCII.isAlphanumeric($0) || ASCII.in($0, "/_+=.@-") })
        case .gcpSecretIDPrefix: return Self.matches(text, length: 1...200, all: { ASCII.isAlphanumeric($0) || ASCII.in($0, "_-") })
        case .cloudSQLInstance: return Self.isCloudSQLInstance(text)
        case .gcpServiceAccount: return Self.isGCPServiceAccount(text)
        }
    }

    /// PROJECT:REGION:INSTANCE, or DOMAIN:PROJECT:REGION:INSTANCE for a domain-scoped project.
    static func isCloudSQLInstance(_ text: String) -> Bool {
        var parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        if parts.count == 4 {
            guard isDNSName(parts[0]), parts[0].contains(".") else { return false }
            parts.removeFirst()
        }
        return parts.count == 3 && TextFormat.gcpProjectID.accepts(parts[0]) && TextFormat.region.accepts(parts[1])
            && matches(parts[2], length: 1...98, first: ASCII.isLower, rest: { ASCII.isLowerOrDigit($0) || $0 == UInt8(ascii: "-") },
                last: ASCII.isLowerOrDigit)
    }

    /// NAME@PROJECT.iam.gserviceaccount.com, with a name of 6 to 30 lower case letters, digits and hyphens.
    static func isGCPServiceAccount(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false).map(String.init)
        let domain = ".iam.gserviceaccount.com"
        guard parts.count == 2, parts[1].hasSuffix(domain) else { return false }
        return matches(parts[0], length: 6...30, first: ASCII.isLower, rest: { ASCII.isLowerOrDigit($0) || $0 == UInt8(ascii: "-") },
            last: ASCII.isLowerOrDigit)
            && TextFormat.gcpProjectID.accepts(String(parts[1].dropLast(domain.count)))
    }

    /// CVE-YYYY-NNNN (four or more digits) or GHSA- and three groups of four letters and digits, in any case.
    static func isAdvisoryID(_ text: String) -> Bool {
        let parts = text.uppercased().split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        switch parts.first {
        case "CVE":
            return parts.count == 3 && matches(parts[1], length: 4...4, all: ASCII.isDigit) && matches(parts[2], length: 4...9, all: ASCII.isDigit)
        case "GHSA":
            return parts.count == 4 && parts.dropFirst().allSatisfy { matches($0, length: 4...4, all: ASCII.isAlphanumeric) }
        default:
            return false
        }
    }

    /// Whether `text` has a length in `length`, its first byte satisfies `first`, the others `rest`,
    /// and, when it has more than one, its last byte also `last`.
    static func matches(
        _ text: String, length: ClosedRange<Int>, first: (UInt8) -> Bool, rest: (UInt8) -> Bool, last: ((UInt8) -> Bool)? = nil
    ) -> Bool {
        let bytes = text.utf8
        guard length.contains(bytes.count), let head = bytes.first, first(head), bytes.dropFirst().allSatisfy(rest) else { return false }
        guard let last, bytes.count > 1, let tail = bytes.last else { return true }
        return last(tail)
    }

    static func matches(_ text: String, length: ClosedRange<Int>, all: (UInt8) -> Bool) -> Bool {
        matches(text, length: length, first: all, rest: all)
    }

    static func isDNSLabel(_ label: String) -> Bool {
        matches(label, length: 1...63, first: ASCII.isLowerOrDigit, rest: { ASCII.isLowerOrDigit($0) || $0 == UInt8(ascii: "-") },
            last: ASCII.isLowerOrDigit)
    }

    static func isDNSName(_ text: String) -> Bool {
        guard !text.isEmpty, text.count <= 253 else { return false }
        let labels = text.split(separator: ".", omittingEmptySubsequences: false)
        // An all-numeric last label would make it an IP address, not a name.
        guard let last = labels.last, !last.allSatisfy(\.isNumber) else { return false }
        return labels.allSatisfy { label in
            matches(String(label), length: 1...63, first: ASCII.isAlphanumeric,
                rest: { ASCII.isAlphanumeric($0) || $0 == UInt8(ascii: "-") }, last: ASCII.isAlphanumeric)
        }
    }

    /// MAJOR.MINOR.PATCH without leading zeros, optionally followed by `-` and a pre-release of
    /// letters, digits, `.` and `-`.
    static func isSemanticVersion(_ text: String) -> Bool {
        let parts = text.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        if parts.count == 2, !matches(String(parts[1]), length: 1...Int.max, all: { ASCII.isAlphanumeric($0) || ASCII.in($0, ".-") }) {
            return false
        }
        let numbers = parts[0].split(separator: ".", omittingEmptySubsequences: false)
        return numbers.count == 3 && numbers.allSatisfy { number in
            matches(String(number), length: 1...Int.max, all: ASCII.isDigit) && (number == "0" || number.first != "0")
        }
    }

    /// http(s)://HOST[:PORT][/] with a host of letters, digits, `.` and `-`, and a port of at most 5 digits.
    static func isEndpointURL(_ text: String) -> Bool {
        let scheme = text.hasPrefix("https://") ? "https://" : "http://"
        guard text.hasPrefix(scheme) else { return false }
        var authority = text.dropFirst(scheme.count)
        if authority.hasSuffix("/") { authority.removeLast() }
        let parts = authority.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard matches(String(parts[0]), length: 1...Int.max, all: { ASCII.isAlphanumeric($0) || ASCII.in($0, ".-") }) else { return false }
        return parts.count == 1 || matches(String(parts[1]), length: 1...5, all: ASCII.isDigit)
    }

    static func isIPv4(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { part in
            guard part.count <= 3, part.allSatisfy(\.isASCII), let number = Int(part) else { return false }
            return number <= 255
        }
    }

    static func isHostPort(_ text: String, portOptional: Bool = false) -> Bool {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        if parts.count == 1 { return portOptional && (isDNSName(text) || isIPv4(text)) }
        guard parts.count == 2, let port = Int(parts[1]), (1...65535).contains(port), parts[1].allSatisfy(\.isASCII) else { return false }
        let host = String(parts[0])
        return isDNSName(host) || isIPv4(host)
    }

    static func hostPart(ofURL text: String) -> String {
        var rest = text
        if let schemeEnd = rest.range(of: "://") { rest = String(rest[schemeEnd.upperBound...]) }
        if rest.hasSuffix("/") { rest.removeLast() }
        return rest
    }
}

/// ASCII byte classes for `TextFormat`.
enum ASCII {
    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
    static func isLower(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") }
    static func isUpper(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") }
    static func isLowerOrDigit(_ byte: UInt8) -> Bool { isLower(byte) || isDigit(byte) }
    static func isAlphanumeric(_ byte: UInt8) -> Bool { isLower(byte) || isUpper(byte) || isDigit(byte) }
    /// Whether `byte` is one of the ASCII characters of `characters`.
    static func `in`(_ byte: UInt8, _ characters: StaticString) -> Bool {
        UnsafeBufferPointer(start: characters.utf8Start, count: characters.utf8CodeUnitCount).contains(byte)
    }
}
