import Foundation
import RiggerCore

/// The parts of kubectl's, helm's and gcloud's `-o json` answers the probes read, and nothing more:
/// a decoder skips every other field, so a Secret's values are never even decoded.
enum ProbeJSON {
    /// `kubectl config view -o json`.
    struct KubeconfigView: Decodable {
        let contexts: [Named]?
        let currentContext: String?

        enum CodingKeys: String, CodingKey {
            case contexts
            case currentContext = "current-context"
        }
    }

    struct Named: Decodable {
        let name: String
    }

    /// `kubectl version -o json`: only the server's side matters.
    struct VersionOutput: Decodable {
        let serverVersion: ServerVersion?
    }

    struct ServerVersion: Decodable {
        let major: String
        let minor: String
        let gitVersion: String?
    }

    /// A `kubectl get KIND -o json` list.
    struct List<Item: Decodable>: Decodable {
        let items: [Item]
    }

    struct Metadata: Decodable {
        let name: String
        let labels: [String: String]?
        let annotations: [String: String]?
    }

    /// A ClusterSecretStore: its provider's key (aws, gcpsm, ...) and its conditions.
    struct ClusterSecretStore: Decodable {
        struct Spec: Decodable { let provider: [String: IgnoredValue]? }
        struct Status: Decodable { let conditions: [Condition]? }
        struct Condition: Decodable {
            let type: String
            let status: String
        }
        let metadata: Metadata
        let spec: Spec?
        let status: Status?
    }

    /// A CustomResourceDefinition's versions and whether each is served.
    struct Definition: Decodable {
        struct Spec: Decodable { let versions: [Version] }
        struct Version: Decodable {
            let name: String
            let served: Bool?
        }
        let spec: Spec
    }

    /// Any JSON value, read past unread.
    struct IgnoredValue: Decodable {
        init(from decoder: Decoder) throws {}
    }

    struct StorageClass: Decodable {
        let metadata: Metadata
        let provisioner: String?
    }

    struct IngressClass: Decodable {
        struct Spec: Decodable { let controller: String? }
        let metadata: Metadata
        let spec: Spec?
    }

    /// A CustomResourceDefinition's versions, and whether each is served.
    struct CustomResourceDefinition: Decodable {
        struct Spec: Decodable { let versions: [Version] }
        struct Version: Decodable {
            let name: String
            let served: Bool
        }
        let spec: Spec
    }

    /// A Gateway API Gateway: its class and each listener's host and the namespaces it admits routes from.
    struct Gateway: Decodable {
        struct NamespacedMetadata: Decodable {
            let name: String
            let namespace: String?
        }
        struct Spec: Decodable {
            let gatewayClassName: String
            let listeners: [Listener]?
        }
        struct Listener: Decodable {
            struct AllowedRoutes: Decodable {
                struct Namespaces: Decodable { let from: String? }
                let namespaces: Namespaces?
            }
            let name: String
            let hostname: String?
            let `protocol`: String
            let allowedRoutes: AllowedRoutes?
        }
        let metadata: NamespacedMetadata
        let spec: Spec
    }

    /// A Node: its name and labels, whether it is cordoned, and what it has allocatable.
    struct Node: Decodable {
        struct Spec: Decodable { let unschedulable: Bool? }
        struct Status: Decodable { let allocatable: [String: String]? }
        let metadata: Metadata
        let spec: Spec?
        let status: Status?
    }

    /// A CustomResourceDefinition or a Namespace: whether it is there, and who installed it.
    struct Object: Decodable {
        let metadata: Metadata
    }

    /// A Secret's name, type and the names of its data keys. The values are skipped unread.
    struct Secret: Decodable {
        let name: String
        let type: String
        let keys: [String]

        private enum CodingKeys: String, CodingKey { case metadata, type, data }
        private struct NameOnly: Decodable { let name: String }
        private struct AnyKey: CodingKey {
            let stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            name = try container.decode(NameOnly.self, forKey: .metadata).name
            type = try container.decodeIfPresent(String.self, forKey: .type) ?? "Opaque"
            if container.contains(.data), try !container.decodeNil(forKey: .data) {
                keys = try container.nestedContainer(keyedBy: AnyKey.self, forKey: .data).allKeys.map(\.stringValue).sorted()
            } else {
                keys = []
            }
        }
    }

    /// One row of `helm list -o json`. Helm 3 writes the revision as text, other versions as a number.
    struct HelmRelease: Decodable {
        let name: String
        let namespace: String
        let revision: String
        let status: String
        let chart: String
        let appVersion: String

        private enum CodingKeys: String, CodingKey {
            case name, namespace, revision, status, chart
            case appVersion = "app_version"
        }

        init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            name = try container.decode(String.self, forKey: .name)
            namespace = try container.decode(String.self, forKey: .namespace)
            if let number = try? container.decode(Int.self, forKey: .revision) {
                revision = String(number)
            } else {
                revision = try container.decodeIfPresent(String.self, forKey: .revision) ?? "?"
            }
            status = try container.decodeIfPresent(String.self, forKey: .status) ?? "unknown"
            chart = try container.decode(String.self, forKey: .chart)
            appVersion = try container.decodeIfPresent(String.self, forKey: .appVersion) ?? ""
        }
    }

    /// `gcloud compute addresses describe NAME --global --format=json`.
    struct Address: Decodable {
        let name: String
        let address: String?
        let status: String?
    }

    /// Decodes a tool's output, or says what could not be read (never quoting the output, which
    /// may hold what it should not show).
    static func decode<T: Decodable>(_ type: T.Type, from data: Data, tool: ClusterTool) -> Result<T, ProbeFailure> {
        do {
            return .success(try JSONDecoder().decode(type, from: data))
        } catch let DecodingError.keyNotFound(key, _) {
            return .failure(.unreadable(tool, "no \(key.stringValue) in it"))
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            return .failure(.unreadable(tool, "unexpected value at \(context.codingPath.map(\.stringValue).joined(separator: "."))"))
        } catch {
            return .failure(.unreadable(tool, "not JSON"))
        }
    }
}
