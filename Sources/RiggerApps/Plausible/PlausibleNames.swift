import RiggerCore

/// The names and fixed values of what a Plausible bundle creates, decided once here for the
/// values, the manifests, the Secrets' URLs and the scripts.
enum PlausibleNames {
    /// The port the Plausible Service listens on; the container's is fixed at 8000 by the chart,
    /// and the same number on the Service lets a port-forward open the site at BASE_URL.
    static let httpPort = 8000

    /// The database and owner of the in-cluster PostgreSQL.
    static let postgresqlDatabase = "plausible_db"
    static let postgresqlUser = "plausible"
    /// The database and user of the in-cluster ClickHouse.
    static let clickhouseDatabase = "plausible_events_db"
    static let clickhouseUser = "plausible"

    /// The chart's objects take the release name alone (`fullnameOverride`), rather than
    /// `<release>-plausible-analytics`.
    static func app(_ release: String) -> String { release }
    /// The CloudNativePG Cluster; the operator names its read-write Service `<cluster>-rw`.
    static func postgresqlCluster(_ release: String) -> String { "\(release)-postgresql" }
    static func postgresqlService(_ release: String) -> String { "\(postgresqlCluster(release))-rw" }
    /// The ClickHouse StatefulSet, its Service and its ConfigMap.
    static func clickhouse(_ release: String) -> String { "\(release)-clickhouse" }
    /// The first volume claim of the ClickHouse StatefulSet (`<template>-<statefulset>-0`).
    static func clickhouseVolumeClaim(_ release: String) -> String { "data-\(clickhouse(release))-0" }
    static func managedCertificate(_ release: String) -> String { "\(release)-certificate" }
    static func frontendConfig(_ release: String) -> String { "\(release)-frontend" }
    static func clusterIssuer(_ release: String) -> String { IngressAddOns.clusterIssuerName(release: release) }
    /// The Secret cert-manager writes the Let's Encrypt certificate into.
    static func letsencryptTLSSecret(_ release: String) -> String { "\(release)-tls" }
}
