import RiggerCore

/// Plausible's components at each size. Plausible itself runs one replica whatever the size: it
/// keeps sessions in memory and migrates the database as it starts. With `ha`, what can be highly
/// available is: CloudNativePG runs three PostgreSQL instances (with its own disruption budgets and
/// anti-affinity), and a managed database is as available as its service.
enum PlausibleSizing {
    static let source = "Plausible publishes no sizing for Kubernetes: the sizes are rigger's."

    /// Why Plausible runs one replica.
    static let singleApp = "Plausible Community Edition keeps sessions in memory and migrates the database as it starts, so a second "
        + "replica would log users out at random and race the migrations"

    static func resources(_ component: String, _ sizing: Sizing) -> ContainerResources {
        let small = sizing == .small
        switch component {
        case "plausible": return small ? .init(cpuMillis: 250, memoryMiB: 512, memoryLimitMiB: 1024) : .init(cpuMillis: 500, memoryMiB: 1024, memoryLimitMiB: 2048)
        case "postgresql": return small ? .init(cpuMillis: 250, memoryMiB: 256, memoryLimitMiB: 1024) : .init(cpuMillis: 500, memoryMiB: 1024, memoryLimitMiB: 2048)
        default: return small ? .init(cpuMillis: 250, memoryMiB: 1024, memoryLimitMiB: 2048) : .init(cpuMillis: 500, memoryMiB: 2048, memoryLimitMiB: 4096)
        }
    }

    /// CloudNativePG's instances: three with `ha`, a primary and two standbys it fails over to.
    static func postgresqlInstances(_ sizing: Sizing) -> Int { sizing == .ha ? 3 : 1 }

    static func table(_ plan: PlausiblePlan) -> SizingTable {
        var components = [
            SizedComponent(
                "Plausible", replicas: 1, resources: resources("plausible", plan.sizing), singleBecause: singleApp),
        ]
        if case .inCluster = plan.postgresql {
            components.append(SizedComponent(
                "PostgreSQL (CloudNativePG)", replicas: postgresqlInstances(plan.sizing), resources: resources("postgresql", plan.sizing)))
        }
        if plan.cloudSQLProxy != nil { components.append(CloudSQLProxyAddOn.sizedComponent(sizing: plan.sizing)) }
        if case .inCluster = plan.clickhouse {
            components.append(SizedComponent(
                "ClickHouse", replicas: 1, resources: resources("clickhouse", plan.sizing),
                singleBecause: "rigger runs ClickHouse as a single node", managedAlternative: "ClickHouse Cloud (clickhouse.mode=managed)"))
        }
        return SizingTable(sizing: plan.sizing, components: components, source: source)
    }
}
