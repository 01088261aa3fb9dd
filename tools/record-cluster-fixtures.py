#!/usr/bin/env python3
"""Records what the real kubectl, helm and gcloud print for rigger's cluster probes.

Usage: record-cluster-fixtures.py [FIXTURES_DIR [SCENARIO...]]   (default Tests/RiggerCoreTests/Fixtures/cluster, every scenario)

Naming scenarios records only those (and rewrites only their indexes), so that adding one leaves the
recordings of the others, made with other tool versions, as they are.

The tools on PATH talk to a stand-in Kubernetes API server on 127.0.0.1 that serves the objects
below, in the shapes the Kubernetes API documents (a StorageClassList, a Status for Forbidden and
NotFound, Helm's release Secrets), so that what is recorded (the JSON as each tool writes it, the
tools' own error texts, a dead server's connection error) is what those tool versions print. The
fixtures land in folders named by the tool and the version that ran, e.g. kubectl-1.29.14/eks/; each
scenario's index (scenarios/NAME.tsv) maps a probe's command line to its recorded output for the
stand-in tools the tests put on PATH (Tests/RiggerCoreTests/Fixtures/cluster/bin/standin).

Some outputs cannot be recorded here (gcloud with credentials, a server-side dry run of a whole
chart); they are written by hand from the documented shape under written/, and the scenarios name
them the same way.
"""
import base64
import gzip
import http.server
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import urllib.parse

ADMIN_TOKEN = "admin-token"
DEV_TOKEN = "dev-token"
DEV_USER = "dev@example.com"
NAMESPACE = "posthog"
RELEASE = "posthog"

CREATED = "2024-03-18T09:12:44Z"


def meta(name, namespace=None, annotations=None, labels=None, uid_seed=0):
    data = {
        "name": name,
        "uid": f"5b1c6f2e-0d3a-4c1e-9a7b-{uid_seed:012x}",
        "resourceVersion": str(1000 + uid_seed),
        "creationTimestamp": CREATED,
    }
    if namespace:
        data["namespace"] = namespace
    if labels:
        data["labels"] = labels
    if annotations:
        data["annotations"] = annotations
    return data


def storage_class(name, provisioner, parameters, default, seed):
    annotations = {"storageclass.kubernetes.io/is-default-class": "true" if default else "false"}
    return {
        "kind": "StorageClass",
        "apiVersion": "storage.k8s.io/v1",
        "metadata": meta(name, annotations=annotations, uid_seed=seed),
        "provisioner": provisioner,
        "parameters": parameters,
        "reclaimPolicy": "Delete",
        "allowVolumeExpansion": True,
        "volumeBindingMode": "WaitForFirstConsumer",
    }


def helm_owned(release, namespace):
    return {"meta.helm.sh/release-name": release, "meta.helm.sh/release-namespace": namespace}


def ingress_class(name, controller, seed, annotations=None, default=False, labels=None):
    annotations = dict(annotations or {})
    if default:
        annotations["ingressclass.kubernetes.io/is-default-class"] = "true"
    return {
        "kind": "IngressClass",
        "apiVersion": "networking.k8s.io/v1",
        "metadata": meta(name, annotations=annotations or None, labels=labels, uid_seed=seed),
        "spec": {"controller": controller},
    }


def ingress_nginx_labels(release, chart_version, app_version):
    """The labels ingress-nginx's chart puts on its IngressClass (its "ingress-nginx.labels" helper)."""
    return {"helm.sh/chart": f"ingress-nginx-{chart_version}", "app.kubernetes.io/name": "ingress-nginx",
            "app.kubernetes.io/instance": release, "app.kubernetes.io/version": app_version,
            "app.kubernetes.io/managed-by": "Helm", "app.kubernetes.io/component": "controller"}


def cert_manager_crd(seed, version="v1.14.4", release="cert-manager", namespace="cert-manager"):
    labels = {"app.kubernetes.io/instance": release, "app.kubernetes.io/managed-by": "Helm",
              "app.kubernetes.io/name": "cert-manager", "app.kubernetes.io/version": version}
    return {
        "kind": "CustomResourceDefinition",
        "apiVersion": "apiextensions.k8s.io/v1",
        "metadata": meta("certificates.cert-manager.io", labels=labels, annotations=helm_owned(release, namespace), uid_seed=seed),
        "spec": {
            "group": "cert-manager.io",
            "names": {"plural": "certificates", "singular": "certificate", "shortNames": ["cert", "certs"],
                      "kind": "Certificate", "listKind": "CertificateList", "categories": ["cert-manager"]},
            "scope": "Namespaced",
            "versions": [{"name": "v1", "served": True, "storage": True,
                          "schema": {"openAPIV3Schema": {"type": "object", "x-kubernetes-preserve-unknown-fields": True}}}],
            "conversion": {"strategy": "None"},
        },
        "status": {"acceptedNames": {"plural": "certificates", "singular": "certificate", "kind": "Certificate", "listKind": "CertificateList"},
                   "storedVersions": ["v1"]},
    }


def namespace(name, seed):
    return {
        "kind": "Namespace",
        "apiVersion": "v1",
        "metadata": meta(name, labels={"kubernetes.io/metadata.name": name}, uid_seed=seed),
        "spec": {"finalizers": ["kubernetes"]},
        "status": {"phase": "Active"},
    }


def secret(name, namespace, type_, data, seed, labels=None):
    return {
        "kind": "Secret",
        "apiVersion": "v1",
        "metadata": meta(name, namespace=namespace, labels=labels, uid_seed=seed),
        "data": {key: base64.b64encode(value.encode()).decode() for key, value in data.items()},
        "type": type_,
    }


def helm_release_secret(name, namespace, revision, chart, chart_version, app_version, config, seed):
    """A release as Helm 3 stores it: JSON, gzipped, Base64 in the Secret's `release` key."""
    release = {
        "name": name,
        "info": {"first_deployed": "2024-03-18T09:20:01.118524731Z", "last_deployed": "2024-06-02T14:05:37.902145566Z",
                 "deleted": "", "description": "Upgrade complete", "status": "deployed"},
        "chart": {"metadata": {"name": chart, "version": chart_version, "appVersion": app_version, "apiVersion": "v2"},
                  "lock": None, "templates": [], "values": {}, "schema": None, "files": []},
        "config": config,
        "manifest": "",
        "version": revision,
        "namespace": namespace,
    }
    encoded = base64.b64encode(gzip.compress(json.dumps(release).encode())).decode()
    labels = {"modifiedAt": "1717337137", "name": name, "owner": "helm", "status": "deployed", "version": str(revision)}
    item = secret(f"sh.helm.release.v1.{name}.v{revision}", namespace, "helm.sh/release.v1", {}, seed, labels=labels)
    item["data"] = {"release": base64.b64encode(encoded.encode()).decode()}
    return item


class Cluster:
    """What the stand-in API server serves for one scenario."""

    def __init__(self, version, storage_classes, ingress_classes, crds, namespaces, secrets, forbidden=False):
        self.version = version
        self.storage_classes = storage_classes
        self.ingress_classes = ingress_classes
        self.crds = crds
        self.namespaces = namespaces
        self.secrets = secrets
        self.forbidden = forbidden


EKS_VERSION = {"major": "1", "minor": "29+", "gitVersion": "v1.29.4-eks-036c24b", "gitCommit": "9c4f3b7c1b4f2bd8d2c5e1d2a9b1f0e6c3a5d7e9",
               "gitTreeState": "clean", "buildDate": "2024-04-30T23:29:43Z", "goVersion": "go1.21.9", "compiler": "gc", "platform": "linux/amd64"}

EKS_CLASSES = [
    storage_class("gp2", "kubernetes.io/aws-ebs", {"fsType": "ext4", "type": "gp2"}, False, 1),
    storage_class("gp3", "ebs.csi.aws.com", {"type": "gp3", "encrypted": "true"}, True, 2),
    storage_class("io2", "ebs.csi.aws.com", {"type": "io2", "iopsPerGB": "50"}, False, 3),
]

POSTHOG_VALUES = {"cloud": "aws", "ingress": {"hostname": "posthog.example.com", "nginx": {"enabled": True}},
                  "postgresql": {"postgresqlPassword": "hunter2-from-the-old-install"}, "image": {"tag": "release-1.42.0"}}

SCENARIOS = {
    # The acceptance scenario: two contexts, gp3 the default class, cert-manager from its own release, the Secret rds-creds.
    "eks": Cluster(
        EKS_VERSION, EKS_CLASSES,
        [ingress_class("alb", "ingress.k8s.aws/alb", 10)],
        {"certificates.cert-manager.io": cert_manager_crd(20)},
        {NAMESPACE: namespace(NAMESPACE, 30)},
        [secret("rds-creds", NAMESPACE, "Opaque", {"username": "posthog", "password": "not-a-real-password"}, 40),
         secret("posthog-tls", NAMESPACE, "kubernetes.io/tls", {"tls.crt": "CERT", "tls.key": "KEY"}, 41),
         helm_release_secret("metrics", NAMESPACE, 1, "prometheus-node-exporter", "4.31.0", "1.7.0", {}, 42)],
    ),
    # An existing PostHog release to upgrade; ingress-nginx from its own release; no cert-manager.
    "upgrade": Cluster(
        EKS_VERSION, EKS_CLASSES,
        [ingress_class("nginx", "k8s.io/ingress-nginx", 11, annotations=helm_owned("ingress-nginx", "ingress-nginx"), default=True)],
        {},
        {NAMESPACE: namespace(NAMESPACE, 31)},
        [helm_release_secret(RELEASE, NAMESPACE, 3, "posthog", "30.40.0", "1.43.0", POSTHOG_VALUES, 43)],
    ),
    # A context whose user may read /version and nothing else.
    "forbidden": Cluster(EKS_VERSION, [], [], {}, {}, [], forbidden=True),
    # The cluster's own ingress-nginx 1.1.0 (chart 4.0.13, as PostHog's chart 30.46.0 brought it) serving the IngressClass nginx,
    # and cert-manager v1.6.1: what the bundle would use as it is, with the advisories of those versions.
    "old-controllers": Cluster(
        EKS_VERSION, EKS_CLASSES,
        [ingress_class("nginx", "k8s.io/ingress-nginx", 12, annotations=helm_owned("nginx-ingress", "kube-system"),
                       labels=ingress_nginx_labels("nginx-ingress", "4.0.13", "1.1.0"))],
        {"certificates.cert-manager.io": cert_manager_crd(22, version="v1.6.1", release="certs", namespace="kube-system")},
        {NAMESPACE: namespace(NAMESPACE, 32)},
        [],
    ),
}


class Handler(http.server.BaseHTTPRequestHandler):
    cluster = None
    log = []

    def log_message(self, *args):
        pass

    def send_json(self, code, body):
        data = json.dumps(body).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def status(self, code, reason, message, details):
        self.send_json(code, {"kind": "Status", "apiVersion": "v1", "metadata": {}, "status": "Failure",
                              "message": message, "reason": reason, "details": details, "code": code})

    def forbidden(self, verb, resource, group, name=None, ns=None):
        qualified = resource + (f".{group}" if group else "")
        subject = f'{qualified} "{name}"' if name else qualified
        scope = f'in the namespace "{ns}"' if ns else "at the cluster scope"
        message = f'{subject} is forbidden: User "{DEV_USER}" cannot {verb} resource "{resource}" in API group "{group}" {scope}'
        details = {"group": group, "kind": resource}
        if name:
            details = {"name": name, **details}
        self.status(403, "Forbidden", message, details)

    def not_found(self, resource, group, name):
        qualified = resource + (f".{group}" if group else "")
        self.status(404, "NotFound", f'{qualified} "{name}" not found', {"name": name, "group": group, "kind": resource})

    def listing(self, kind, api_version, items):
        self.send_json(200, {"kind": kind, "apiVersion": api_version, "metadata": {"resourceVersion": "48213"}, "items": items})

    def do_GET(self):
        url = urllib.parse.urlparse(self.path)
        query = urllib.parse.parse_qs(url.query)
        path = url.path.rstrip("/")
        Handler.log.append(self.path)
        cluster = Handler.cluster
        dev = self.headers.get("Authorization", "") == f"Bearer {DEV_TOKEN}" or cluster.forbidden
        resources = {
            "/api/v1": ("v1", [("namespaces", "Namespace", False, ["ns"]), ("secrets", "Secret", True, [])]),
            "/apis/storage.k8s.io/v1": ("storage.k8s.io/v1", [("storageclasses", "StorageClass", False, ["sc"])]),
            "/apis/networking.k8s.io/v1": ("networking.k8s.io/v1", [("ingressclasses", "IngressClass", False, [])]),
            "/apis/apiextensions.k8s.io/v1": ("apiextensions.k8s.io/v1", [("customresourcedefinitions", "CustomResourceDefinition", False, ["crd", "crds"])]),
        }
        if path == "/version":
            return self.send_json(200, cluster.version)
        if path == "/api":
            return self.send_json(200, {"kind": "APIVersions", "versions": ["v1"],
                                        "serverAddressByClientCIDRs": [{"clientCIDR": "0.0.0.0/0", "serverAddress": "127.0.0.1:443"}]})
        if path == "/apis":
            groups = []
            for group_version in resources:
                if group_version == "/api/v1":
                    continue
                name, version = group_version[len("/apis/"):].split("/")
                entry = {"groupVersion": f"{name}/{version}", "version": version}
                groups.append({"name": name, "versions": [entry], "preferredVersion": entry})
            return self.send_json(200, {"kind": "APIGroupList", "apiVersion": "v1", "groups": groups})
        if path in resources:
            group_version, entries = resources[path]
            return self.send_json(200, {"kind": "APIResourceList", "apiVersion": "v1", "groupVersion": group_version, "resources": [
                {"name": name, "singularName": kind.lower(), "namespaced": namespaced, "kind": kind, "shortNames": short,
                 "verbs": ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"]}
                for name, kind, namespaced, short in entries]})
        if path == "/apis/storage.k8s.io/v1/storageclasses":
            if dev:
                return self.forbidden("list", "storageclasses", "storage.k8s.io")
            return self.listing("StorageClassList", "storage.k8s.io/v1", cluster.storage_classes)
        if path == "/apis/networking.k8s.io/v1/ingressclasses":
            if dev:
                return self.forbidden("list", "ingressclasses", "networking.k8s.io")
            return self.listing("IngressClassList", "networking.k8s.io/v1", cluster.ingress_classes)
        match = re.fullmatch(r"/apis/apiextensions.k8s.io/v1/customresourcedefinitions/([^/]+)", path)
        if match:
            if dev:
                return self.forbidden("get", "customresourcedefinitions", "apiextensions.k8s.io", name=match.group(1))
            found = cluster.crds.get(match.group(1))
            return self.send_json(200, found) if found else self.not_found("customresourcedefinitions", "apiextensions.k8s.io", match.group(1))
        match = re.fullmatch(r"/api/v1/namespaces/([^/]+)", path)
        if match:
            if dev:
                return self.forbidden("get", "namespaces", "", name=match.group(1), ns=match.group(1))
            found = cluster.namespaces.get(match.group(1))
            return self.send_json(200, found) if found else self.not_found("namespaces", "", match.group(1))
        match = re.fullmatch(r"/api/v1/namespaces/([^/]+)/secrets", path)
        if match:
            if dev:
                return self.forbidden("list", "secrets", "", ns=match.group(1))
            items = [s for s in cluster.secrets if s["metadata"]["namespace"] == match.group(1)]
            for selector in query.get("fieldSelector", []):
                for term in selector.split(","):
                    if term.startswith("type!="):
                        items = [s for s in items if s["type"] != term[len("type!="):]]
            for selector in query.get("labelSelector", []):
                for term in selector.split(","):
                    key, _, value = term.partition("=")
                    items = [s for s in items if s["metadata"].get("labels", {}).get(key) == value]
            return self.listing("SecretList", "v1", items)
        self.status(404, "NotFound", "the server could not find the requested resource", {})


def serve(cluster):
    Handler.cluster = cluster
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def kubeconfig(path, port, token):
    """Two contexts on the stand-in server; the first is the current one."""
    config = {
        "apiVersion": "v1", "kind": "Config", "preferences": {},
        "current-context": "arn:aws:eks:us-east-1:123456789012:cluster/prod",
        "clusters": [
            {"name": "arn:aws:eks:us-east-1:123456789012:cluster/prod", "cluster": {"server": f"http://127.0.0.1:{port}"}},
            {"name": "kind-dev", "cluster": {"server": f"http://127.0.0.1:{port}"}},
        ],
        "users": [
            {"name": "arn:aws:eks:us-east-1:123456789012:cluster/prod", "user": {"token": token}},
            {"name": "kind-dev", "user": {"token": token}},
        ],
        "contexts": [
            {"name": "arn:aws:eks:us-east-1:123456789012:cluster/prod",
             "context": {"cluster": "arn:aws:eks:us-east-1:123456789012:cluster/prod", "user": "arn:aws:eks:us-east-1:123456789012:cluster/prod"}},
            {"name": "kind-dev", "context": {"cluster": "kind-dev", "user": "kind-dev", "namespace": "default"}},
        ],
    }
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(config, handle)


# What each probe runs (after the stand-in drops --context, --kube-context and --request-timeout),
# and the stem its output is kept under.
KUBECTL_PROBES = [
    ("config view -o json", "config-view"),
    ("version -o json", "version"),
    ("get storageclasses -o json", "get-storageclasses"),
    ("get ingressclasses -o json", "get-ingressclasses"),
    ("get customresourcedefinitions certificates.cert-manager.io -o json", "get-crd-certificates"),
    (f"get namespace {NAMESPACE} -o json", "get-namespace"),
    (f"get secrets --namespace {NAMESPACE} --field-selector type!=helm.sh/release.v1 -o json", "get-secrets"),
]
HELM_PROBES = [
    (f"list --namespace {NAMESPACE} --filter ^{RELEASE}$ --all -o json", "list"),
    (f"get values {RELEASE} --namespace {NAMESPACE} -o json", "get-values"),
    # Whether the helm-diff plugin is installed: Helm's own answer when it is not.
    ("diff version", "diff-version"),
]
GCLOUD_PROBES = [
    ("compute addresses describe posthog --global --format=json --quiet", "addresses-describe"),
]

# Outputs written by hand from the documented shape, by scenario: (tool, arguments, stem under written/).
# A trailing * in the arguments matches any rest (paths of the chart and the bundle differ per run).
WRITTEN = {
    "eks": [("helm", f"upgrade --install {RELEASE} *", "helm/upgrade-dry-run-server")],
    "upgrade": [("helm", "diff version", "helm/diff-version"), (f"helm", f"diff upgrade {RELEASE} *", "helm/diff-upgrade"),
                ("helm", f"upgrade --install {RELEASE} *", "helm/upgrade-dry-run-server")],
    "old-controllers": [("helm", f"upgrade --install {RELEASE} *", "helm/upgrade-dry-run-server")],
    "gcp": [("gcloud", GCLOUD_PROBES[0][0], "gcloud/addresses-describe-found")],
    "gcp-missing": [("gcloud", GCLOUD_PROBES[0][0], "gcloud/addresses-describe-not-found")],
    # The chart from its Helm repository, without a network: what `rigger check` and 40-install.sh ask helm.
    "helm-repo": [("helm", "repo add posthog https://posthog.github.io/charts-clickhouse/ --force-update", "helm/repo-add"),
                  ("helm", "repo update posthog", "helm/repo-update"),
                  ("helm", "template posthog posthog/posthog *", "helm/template-nothing")],
    # A Helm 4, which takes a post-renderer only as a plugin.
    "helm4": [("helm", "version --template {{.Version}}", "helm/version-4")],
}


def tool_version(tool):
    if tool == "helm":
        return subprocess.run(["helm", "version", "--template", "{{.Version}}"], capture_output=True, text=True).stdout.lstrip("v")
    out = subprocess.run(["gcloud", "--version"], capture_output=True, text=True).stdout
    return out.split("\n")[0].rsplit(" ", 1)[-1]


def record(tool, arguments, folder, stem, environment):
    done = subprocess.run([tool] + arguments.split(" "), capture_output=True, text=True, env=environment, timeout=60)
    os.makedirs(folder, exist_ok=True)
    base = os.path.join(folder, stem)
    with open(base + ".stdout", "w", encoding="utf-8") as handle:
        handle.write(done.stdout)
    with open(base + ".stderr", "w", encoding="utf-8") as handle:
        handle.write(done.stderr)
    with open(base + ".status", "w", encoding="utf-8") as handle:
        handle.write(f"{done.returncode}\n")


def client_version(folder):
    """The kubectl version that really ran, from the recorded `kubectl version -o json`."""
    with open(os.path.join(folder, "version.stdout"), encoding="utf-8") as handle:
        return json.load(handle)["clientVersion"]["gitVersion"].lstrip("v").split("-")[0]


def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main():
    root = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "Tests/RiggerCoreTests/Fixtures/cluster"))
    chosen = sys.argv[2:]
    work = tempfile.mkdtemp(prefix="rigger-record-")
    try:
        indexes = {}
        runs = [(name, cluster) for name, cluster in SCENARIOS.items()] + [("dead", None), ("gcp", None), ("gcp-missing", None)]
        if chosen:
            unknown = [name for name in chosen if name not in dict(runs)]
            if unknown:
                sys.exit(f"no scenario {', '.join(unknown)}; known: {', '.join(name for name, _ in runs)}")
            runs = [(name, cluster) for name, cluster in runs if name in chosen]
        # gcloud is recorded only for eks (and the gcp scenarios are written by hand): asked for its version only then.
        needs_gcloud = any(name == "eks" for name, _ in runs)
        versions = {"helm": tool_version("helm"), "gcloud": tool_version("gcloud") if needs_gcloud else "unused"}
        for name, cluster in runs:
            home = os.path.join(work, name)
            os.makedirs(home)
            environment = {"PATH": os.environ["PATH"], "HOME": home, "KUBECONFIG": os.path.join(home, "config"),
                           "HELM_CACHE_HOME": os.path.join(home, "helm-cache"), "HELM_CONFIG_HOME": os.path.join(home, "helm-config"),
                           "HELM_DATA_HOME": os.path.join(home, "helm-data"), "CLOUDSDK_CONFIG": os.path.join(home, "gcloud")}
            server = serve(cluster) if cluster else None
            port = server.server_address[1] if server else closed_port()
            kubeconfig(environment["KUBECONFIG"], port, DEV_TOKEN if cluster and cluster.forbidden else ADMIN_TOKEN)
            rows = []
            # The gcp scenarios hold gcloud's answers only; a test names them before a kubectl scenario.
            gcp = name.startswith("gcp")
            probes = [] if gcp else [("kubectl", KUBECTL_PROBES), ("helm", HELM_PROBES)]
            # gcloud without credentials, as on a bastion where nobody has logged in to Google Cloud.
            probes.append(("gcloud", GCLOUD_PROBES if name == "eks" else []))
            for tool, commands in probes:
                staging = os.path.join(work, f"{name}-{tool}")
                for arguments, stem in commands:
                    record(tool, arguments, staging, stem, environment)
                if not commands:
                    continue
                # A kubectl that dispatches by the server's version (as gcloud's does) runs another
                # client than `kubectl version --client` names: the recorded client version is the truth.
                version = client_version(staging) if tool == "kubectl" else versions[tool]
                folder = os.path.join(root, f"{tool}-{version}", name)
                shutil.rmtree(folder, ignore_errors=True)
                shutil.copytree(staging, folder)
                rows += [(tool, arguments, f"{tool}-{version}/{name}/{stem}") for arguments, stem in commands]
            for tool, arguments, stem in WRITTEN.get(name, []):
                rows = [row for row in rows if (row[0], row[1]) != (tool, arguments)]
                rows.append((tool, arguments, f"written/{stem}"))
            if server:
                server.shutdown()
            indexes[name] = rows
        for name, rows in WRITTEN.items():
            if name not in indexes and (not chosen or name in chosen):
                indexes[name] = [(tool, arguments, f"written/{stem}") for tool, arguments, stem in rows]
        os.makedirs(os.path.join(root, "scenarios"), exist_ok=True)
        for name, rows in indexes.items():
            with open(os.path.join(root, "scenarios", f"{name}.tsv"), "w", encoding="utf-8") as handle:
                handle.write("# tool\targuments (without --context, --kube-context, --request-timeout)\tfixture stem\n")
                for row in rows:
                    handle.write("\t".join(row) + "\n")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"recorded with helm {versions['helm']}, gcloud {versions['gcloud']} and kubectl (see the folders) into {root}")


if __name__ == "__main__":
    main()
