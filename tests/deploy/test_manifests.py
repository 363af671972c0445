"""deploy/k8s: both overlays render with `kubectl kustomize`, every core resource is valid for
Kubernetes offline (kubernetes-validate, strict), and the manifests say what the operator's
guide promises: probes, limits, autoscaling, disruption budgets, secrets by reference only, the
network policies of CONTRACT §2, a CloudNativePG cluster with backups and monitoring."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import kubernetes_validate
import pytest
import yaml
from sqlalchemy.engine import make_url

from tests.deploy.tools import DOCS, K8S, METRICS_OFFSET, PROCESSES, by_kind, kustomize, rendered

OVERLAYS = ("production", "dev")
# Custom resources: no schema ships with kubernetes-validate; checked field by field below.
CUSTOM_KINDS = {
    ("postgresql.cnpg.io/v1", "Cluster"),
    ("postgresql.cnpg.io/v1", "ScheduledBackup"),
    ("barmancloud.cnpg.io/v1", "ObjectStore"),
    ("monitoring.coreos.com/v1", "PodMonitor"),
    ("monitoring.coreos.com/v1", "PrometheusRule"),
}
# The oldest Kubernetes we support and the newest the validator knows.
K8S_VERSIONS = ("1.30.0", kubernetes_validate.latest_version())
SENSITIVE = re.compile(r"SECRET|PASSWORD|TOKEN|(^|_)KEY(S)?($|_)|ADMIN_KEY|SIGNING", re.IGNORECASE)


def pod_spec(doc: dict[str, Any]) -> dict[str, Any]:
    spec: dict[str, Any] = doc["spec"]["template"]["spec"]
    return spec


def containers(doc: dict[str, Any]) -> list[dict[str, Any]]:
    spec = pod_spec(doc)
    return [*spec.get("initContainers", []), *spec["containers"]]


def workloads(docs: tuple[dict[str, Any], ...]) -> list[dict[str, Any]]:
    return [doc for doc in docs if doc["kind"] in ("Deployment", "Job")]


# --- rendering and schema validation -------------------------------------------------------


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_overlay_renders(overlay: str) -> None:
    docs = rendered(overlay)
    assert docs
    for doc in docs:
        assert doc["apiVersion"] and doc["kind"] and doc["metadata"]["name"]
    namespaces = {doc["metadata"].get("namespace") for doc in docs if doc["kind"] != "Namespace"}
    assert namespaces == {"finmatch" if overlay == "production" else "finmatch-dev"}


@pytest.mark.parametrize("version", K8S_VERSIONS)
@pytest.mark.parametrize("overlay", OVERLAYS)
def test_core_resources_are_valid_kubernetes(overlay: str, version: str) -> None:
    validated = 0
    for doc in rendered(overlay):
        if (doc["apiVersion"], doc["kind"]) in CUSTOM_KINDS:
            continue
        try:
            kubernetes_validate.validate(doc, version, strict=True)
        except kubernetes_validate.ValidationError as exc:
            pytest.fail(
                f"{doc['kind']}/{doc['metadata']['name']} is not valid for Kubernetes {version}: {exc}"
            )
        validated += 1
    assert validated >= 20


def test_the_validator_is_strict() -> None:
    """A misspelt field is an error, so the validation above means something."""
    deployment = by_kind(rendered("production"), "Deployment")["finmatch-gateway"]
    broken = yaml.safe_load(yaml.safe_dump(deployment))
    broken["spec"]["replicaz"] = 3
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(broken, K8S_VERSIONS[0], strict=True)


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_only_known_custom_resources(overlay: str) -> None:
    kinds = {(doc["apiVersion"], doc["kind"]) for doc in rendered(overlay)}
    custom = {kind for kind in kinds if "." in kind[0].split("/")[0]}
    known_groups = {"apps", "batch", "policy", "autoscaling", "networking.k8s.io"}
    custom = {kind for kind in custom if kind[0].split("/")[0] not in known_groups}
    assert custom <= CUSTOM_KINDS


# --- the four processes --------------------------------------------------------------------


@pytest.mark.parametrize("overlay", OVERLAYS)
@pytest.mark.parametrize("name", PROCESSES)
def test_each_process_has_deployment_service_autoscaler_and_budget(overlay: str, name: str) -> None:
    process, port = PROCESSES[name]
    docs = rendered(overlay)
    full = f"finmatch-{name}"
    deployment = by_kind(docs, "Deployment")[full]
    pod_labels = deployment["spec"]["template"]["metadata"]["labels"]
    assert deployment["spec"]["selector"]["matchLabels"].items() <= pod_labels.items()
    # The HorizontalPodAutoscaler owns the replica count.
    assert "replicas" not in deployment["spec"]

    (main,) = [c for c in pod_spec(deployment)["containers"] if c["name"] == name]
    assert main["args"] == ["serve", process]
    ports = {p["name"]: p["containerPort"] for p in main["ports"]}
    assert ports == {"http": port, "metrics": port + METRICS_OFFSET}
    assert main["readinessProbe"]["httpGet"] == {"path": "/readyz", "port": "http"}
    assert main["livenessProbe"]["httpGet"] == {"path": "/healthz", "port": "http"}

    (init,) = pod_spec(deployment)["initContainers"]
    assert init["args"] == ["migrate"]
    assert init["image"] == main["image"]

    service = by_kind(docs, "Service")[full]
    assert service["spec"]["selector"].items() <= pod_labels.items()
    assert {p["port"]: p["targetPort"] for p in service["spec"]["ports"]} == {
        port: "http",
        port + METRICS_OFFSET: "metrics",
    }

    hpa = by_kind(docs, "HorizontalPodAutoscaler")[full]
    assert hpa["apiVersion"] == "autoscaling/v2"
    assert hpa["spec"]["scaleTargetRef"] == {"apiVersion": "apps/v1", "kind": "Deployment", "name": full}
    assert 1 <= hpa["spec"]["minReplicas"] <= hpa["spec"]["maxReplicas"]
    assert hpa["spec"]["metrics"]

    pdb = by_kind(docs, "PodDisruptionBudget")[full]
    assert pdb["apiVersion"] == "policy/v1"
    assert pdb["spec"]["selector"]["matchLabels"].items() <= pod_labels.items()
    assert "maxUnavailable" in pdb["spec"] or "minAvailable" in pdb["spec"]


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_every_container_is_limited_and_unprivileged(overlay: str) -> None:
    for doc in workloads(rendered(overlay)):
        pod = pod_spec(doc)
        assert pod["securityContext"]["runAsNonRoot"] is True
        assert pod["securityContext"]["runAsUser"] == 10001
        assert pod["automountServiceAccountToken"] is False
        for container in containers(doc):
            where = f"{doc['kind']}/{doc['metadata']['name']}/{container['name']}"
            resources = container["resources"]
            for bound in ("requests", "limits"):
                assert {"cpu", "memory"} <= resources[bound].keys(), f"{where}: {bound}"
            security = container["securityContext"]
            assert security["allowPrivilegeEscalation"] is False, where
            assert security["readOnlyRootFilesystem"] is True, where
            assert security["capabilities"]["drop"] == ["ALL"], where


def test_production_runs_more_and_bigger_than_dev() -> None:
    production, dev = rendered("production"), rendered("dev")
    for name in PROCESSES:
        full = f"finmatch-{name}"
        prod_hpa = by_kind(production, "HorizontalPodAutoscaler")[full]["spec"]
        dev_hpa = by_kind(dev, "HorizontalPodAutoscaler")[full]["spec"]
        assert prod_hpa["minReplicas"] >= 3
        assert prod_hpa["minReplicas"] > dev_hpa["minReplicas"]
        assert prod_hpa["maxReplicas"] > dev_hpa["maxReplicas"]
        prod_main = pod_spec(by_kind(production, "Deployment")[full])["containers"][0]
        base_main = pod_spec(by_kind(kustomize(K8S / "base"), "Deployment")[full])["containers"][0]
        assert _memory(prod_main["resources"]["limits"]["memory"]) > _memory(
            base_main["resources"]["limits"]["memory"]
        )
    for doc in workloads(production):
        for container in containers(doc):
            image = container["image"]
            repository, _, tag = image.rpartition(":")
            assert "/" in repository, f"production pulls {image} from a registry"
            assert tag not in ("", "dev", "latest"), f"production pins a release tag, not {image}"


def _memory(quantity: str) -> int:
    units = {"Ki": 2**10, "Mi": 2**20, "Gi": 2**30}
    for unit, factor in units.items():
        if quantity.endswith(unit):
            return int(quantity[: -len(unit)]) * factor
    return int(quantity)


# --- configuration and secrets -------------------------------------------------------------


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_secrets_are_only_referenced(overlay: str) -> None:
    docs = rendered(overlay)
    for doc in workloads(docs):
        for container in containers(doc):
            for env in container.get("env", []):
                if SENSITIVE.search(env["name"]):
                    assert "value" not in env, f"{env['name']} in {doc['metadata']['name']} is a literal"
                    assert "secretKeyRef" in env["valueFrom"], env
    for config in by_kind(docs, "ConfigMap").values():
        for key in config["data"]:
            assert not SENSITIVE.search(key), f"{key} belongs in a Secret, not {config['metadata']['name']}"
    secrets = by_kind(docs, "Secret")
    if overlay == "production":
        assert secrets == {}, "production Secrets are created by the operator, never committed"
    else:
        assert all(name.startswith("finmatch-secrets") for name in secrets)


@pytest.mark.parametrize("overlay", OVERLAYS)
@pytest.mark.parametrize("name", PROCESSES)
def test_each_process_gets_only_its_own_signing_key_and_the_trusted_keys(overlay: str, name: str) -> None:
    deployment = by_kind(rendered(overlay), "Deployment")[f"finmatch-{name}"]
    env = {e["name"]: e for e in pod_spec(deployment)["containers"][0]["env"]}
    refs = {key: value["valueFrom"]["secretKeyRef"] for key, value in env.items() if "valueFrom" in value}
    assert "FINMATCH_INTERNAL_SECRET" not in env  # replaced by per-process keys
    assert refs["FINMATCH_SIGNING_KEY"]["key"] == f"{name}-signing-key"
    assert refs["FINMATCH_TRUSTED_KEYS"]["key"] == "trusted-keys"
    # Only the gateway accepts the bootstrap admin key (CONTRACT §2).
    assert ("FINMATCH_ADMIN_KEY" in refs) == (name == "gateway")


# What CloudNativePG puts in the app secret, for expanding $(VAR) references.
APP_SECRET_SAMPLE = {
    "username": "finmatch",
    "password": "p@ss:w/rd",
    "host": "finmatch-db-rw",
    "port": "5432",
    "dbname": "finmatch",
}


def _expand(value: str, defined: dict[str, str]) -> str:
    """Kubernetes' $(VAR) expansion, for variables defined earlier in the same list."""
    return re.sub(r"\$\((\w+)\)", lambda m: defined[m.group(1)], value)


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_database_url_is_built_from_the_cnpg_app_secret(overlay: str) -> None:
    docs = rendered(overlay)
    (cluster,) = by_kind(docs, "Cluster").values()
    app_secret = f"{cluster['metadata']['name']}-app"
    for doc in workloads(docs):
        for container in containers(doc):
            env = container["env"]
            values: dict[str, str] = {}
            urls = []
            for entry in env:
                ref = entry.get("valueFrom", {}).get("secretKeyRef", {})
                if entry["name"].startswith("PG"):
                    assert ref["name"] == app_secret, entry
                    values[entry["name"]] = APP_SECRET_SAMPLE[ref["key"]]
                if entry["name"] == "FINMATCH_DATABASE_URL":
                    # Kubernetes expands $(VAR) only for variables defined earlier in the list.
                    urls.append(_expand(entry["value"], values))
            (url,) = urls
            parsed = make_url(url)
            assert parsed.drivername == "postgresql+asyncpg"
            assert parsed.password is None, "the password travels in PGPASSWORD, not in the URL"
            assert (parsed.username, parsed.host, parsed.port, parsed.database) == (
                "finmatch",
                "finmatch-db-rw",
                5432,
                "finmatch",
            )
            assert values["PGPASSWORD"] == APP_SECRET_SAMPLE["password"]


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_processes_find_each_other_through_the_services(overlay: str) -> None:
    docs = rendered(overlay)
    (config,) = by_kind(docs, "ConfigMap").values()
    data = config["data"]
    services = by_kind(docs, "Service")
    assert data["FINMATCH_HOST"] == "0.0.0.0"
    assert int(data["FINMATCH_METRICS_OFFSET"]) == METRICS_OFFSET
    for name, (process, port) in PROCESSES.items():
        assert data[f"FINMATCH_{process.upper()}_URL"] == f"http://finmatch-{name}:{port}"
        assert int(data[f"FINMATCH_{process.upper()}_PORT"]) == port
        assert port in {p["port"] for p in services[f"finmatch-{name}"]["spec"]["ports"]}
    for doc in workloads(docs):
        for container in containers(doc):
            assert container["envFrom"] == [{"configMapRef": {"name": config["metadata"]["name"]}}]


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_migrations_run_as_a_job_on_the_same_image(overlay: str) -> None:
    docs = rendered(overlay)
    job = by_kind(docs, "Job")["finmatch-migrate"]
    (container,) = pod_spec(job)["containers"]
    assert container["args"] == ["migrate"]
    assert pod_spec(job)["restartPolicy"] == "Never"
    images = {c["image"] for d in workloads(docs) for c in containers(d)}
    assert images == {container["image"]}


# --- PostgreSQL (CloudNativePG) --------------------------------------------------------------


def _secret_ref(ref: dict[str, Any]) -> None:
    assert set(ref) == {"name", "key"} and all(ref.values()), ref


def test_production_postgres_is_a_backed_up_three_instance_cnpg_cluster() -> None:
    docs = rendered("production")
    (cluster,) = by_kind(docs, "Cluster").values()
    assert (cluster["apiVersion"], cluster["kind"]) == ("postgresql.cnpg.io/v1", "Cluster")
    spec = cluster["spec"]
    assert spec["instances"] == 3
    assert re.fullmatch(r"\d+[MGT]i", spec["storage"]["size"])
    assert spec["bootstrap"]["initdb"]["database"] == "finmatch"
    assert spec["bootstrap"]["initdb"]["owner"]
    assert spec["monitoring"]["enablePodMonitor"] is True
    assert re.fullmatch(r"[1-9][0-9]*[dwm]", spec["backup"]["retentionPolicy"])
    store = spec["backup"]["barmanObjectStore"]
    assert store["destinationPath"].startswith("s3://")
    _secret_ref(store["s3Credentials"]["accessKeyId"])
    _secret_ref(store["s3Credentials"]["secretAccessKey"])
    assert spec["affinity"]["podAntiAffinityType"] == "required"

    (scheduled,) = by_kind(docs, "ScheduledBackup").values()
    assert scheduled["apiVersion"] == "postgresql.cnpg.io/v1"
    assert scheduled["spec"]["cluster"]["name"] == cluster["metadata"]["name"]
    assert scheduled["spec"]["method"] == "barmanObjectStore"
    # CloudNativePG schedules take six fields, seconds first.
    assert len(scheduled["spec"]["schedule"].split()) == 6


def test_backup_plugin_component_moves_backups_to_an_object_store(tmp_path: Path) -> None:
    """The component for CloudNativePG >= 1.26 (the Barman Cloud plugin) on top of production."""
    (tmp_path / "kustomization.yaml").write_text(
        yaml.safe_dump(
            {
                "apiVersion": "kustomize.config.k8s.io/v1beta1",
                "kind": "Kustomization",
                "resources": [os.path.relpath(K8S / "overlays" / "production", tmp_path)],
                "components": [os.path.relpath(K8S / "components" / "backup-plugin", tmp_path)],
            }
        )
    )
    docs = kustomize(tmp_path)
    (cluster,) = by_kind(docs, "Cluster").values()
    assert "backup" not in cluster["spec"]
    (plugin,) = cluster["spec"]["plugins"]
    assert plugin["name"] == "barman-cloud.cloudnative-pg.io" and plugin["isWALArchiver"] is True
    store = by_kind(docs, "ObjectStore")[plugin["parameters"]["barmanObjectName"]]
    assert store["apiVersion"] == "barmancloud.cnpg.io/v1"
    assert store["spec"]["configuration"]["destinationPath"].startswith("s3://")
    _secret_ref(store["spec"]["configuration"]["s3Credentials"]["accessKeyId"])
    _secret_ref(store["spec"]["configuration"]["s3Credentials"]["secretAccessKey"])
    assert re.fullmatch(r"[1-9][0-9]*[dwm]", store["spec"]["retentionPolicy"])
    (scheduled,) = by_kind(docs, "ScheduledBackup").values()
    assert scheduled["spec"]["method"] == "plugin"
    assert scheduled["spec"]["pluginConfiguration"] == {"name": "barman-cloud.cloudnative-pg.io"}


# --- network policies ----------------------------------------------------------------------


def _selects(selector: dict[str, Any], labels: dict[str, str]) -> bool:
    if not selector.get("matchLabels", {}).items() <= labels.items():
        return False
    for expression in selector.get("matchExpressions", []):
        key, operator, values = expression["key"], expression["operator"], expression.get("values", [])
        present = key in labels
        if operator == "In" and not (present and labels[key] in values):
            return False
        if operator == "NotIn" and present and labels[key] in values:
            return False
        if operator == "Exists" and not present:
            return False
        if operator == "DoesNotExist" and present:
            return False
    return True


def _admits(
    policies: list[dict[str, Any]], source: tuple[str, dict[str, str]], target: dict[str, str], port: int
) -> bool:
    """Whether a pod (namespace name, labels) may open `port` on a pod of `target` labels in
    the application namespace, under the rendered NetworkPolicies (ingress, no ipBlocks)."""
    namespace, labels = source
    isolating = [p for p in policies if _selects(p["spec"]["podSelector"], target)]
    if not isolating:
        return True
    for policy in isolating:
        for rule in policy["spec"].get("ingress", []):
            if rule.get("ports") and port not in {p["port"] for p in rule["ports"]}:
                continue
            peers = rule.get("from")
            if not peers:
                return True
            for peer in peers:
                namespace_ok = (
                    _selects(peer["namespaceSelector"], {"kubernetes.io/metadata.name": namespace})
                    if "namespaceSelector" in peer
                    else namespace == "app"
                )
                pod_ok = _selects(peer["podSelector"], labels) if "podSelector" in peer else True
                if namespace_ok and pod_ok:
                    return True
    return False


def _pod(component: str) -> dict[str, str]:
    return {
        "app.kubernetes.io/name": "finmatch",
        "app.kubernetes.io/part-of": "finmatch",
        "app.kubernetes.io/component": component,
    }


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_network_policies_allow_exactly_the_contracts_calls(overlay: str) -> None:
    policies = list(by_kind(rendered(overlay), "NetworkPolicy").values())
    sources: dict[str, tuple[str, dict[str, str]]] = {name: ("app", _pod(name)) for name in PROCESSES}
    sources["migrate"] = ("app", _pod("migrate"))
    sources["stranger"] = ("app", {"app": "something-else"})
    sources["prometheus"] = ("monitoring", {"app.kubernetes.io/name": "prometheus"})
    sources["elsewhere"] = ("other-team", {"app.kubernetes.io/name": "finmatch"})
    callers_of = {
        "gateway": set(sources),  # the public API; the services' org lookups
        "credit-push": {"gateway", "loan-match"},
        "guarantee": {"gateway", "loan-match"},
        "loan-match": {"gateway"},
    }
    for target, (_, port) in PROCESSES.items():
        for source_name, source in sources.items():
            admitted = _admits(policies, source, _pod(target), port)
            assert admitted == (source_name in callers_of[target]), f"{source_name} -> {target}:{port}"
            metrics = _admits(policies, source, _pod(target), port + METRICS_OFFSET)
            assert metrics == (source_name == "prometheus"), f"{source_name} -> {target} metrics"
            assert not _admits(policies, source, _pod(target), 9999), f"{source_name} -> {target}:9999"
    database = {"cnpg.io/cluster": "finmatch-db", "cnpg.io/podRole": "instance"}
    for source_name, source in sources.items():
        allowed = source_name in {*PROCESSES, "migrate"}
        assert _admits(policies, source, database, 5432) == allowed, f"{source_name} -> database"
    assert _admits(policies, ("monitoring", {}), database, 9187)
    assert _admits(policies, ("cnpg-system", {}), database, 8000)
    assert _admits(policies, ("app", database), database, 5432), "replication between instances"


# --- monitoring ----------------------------------------------------------------------------


def _anchors(markdown: str) -> set[str]:
    headings = re.findall(r"^#+\s+(.+?)\s*$", markdown, flags=re.MULTILINE)
    return {re.sub(r"[^\w\- ]", "", heading).strip().lower().replace(" ", "-") for heading in headings}


def _contract_metrics(markdown: str) -> set[str]:
    section = markdown.split("## Metrics contract", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^\|\s*`(finmatch_\w+)`", section, flags=re.MULTILINE))


REQUIRED_ALERTS = {
    "FinmatchDown",
    "HighErrorRate",
    "WebhookBacklogGrowing",
    "WorkerStalled",
    "DBPoolSaturated",
}


def test_alerts_are_explained_and_use_only_contract_metrics() -> None:
    docs = rendered("production")
    (rules,) = by_kind(docs, "PrometheusRule").values()
    markdown = DOCS.read_text(encoding="utf-8")
    anchors = _anchors(markdown)
    contract = _contract_metrics(markdown)
    assert contract, "docs/operations.md has a metrics contract table"
    alerts = [rule for group in rules["spec"]["groups"] for rule in group["rules"]]
    assert {alert["alert"] for alert in alerts} >= REQUIRED_ALERTS
    for alert in alerts:
        assert alert["labels"]["severity"] in ("critical", "warning", "info")
        assert alert["annotations"]["summary"]
        (anchor,) = re.findall(r"docs/operations\.md#([\w-]+)", alert["annotations"]["description"])
        assert anchor in anchors, f"{alert['alert']} points at a missing section #{anchor}"
        for metric in re.findall(r"\bfinmatch_\w+", alert["expr"]):
            base = re.sub(r"_(bucket|count|sum)$", "", metric)
            assert base in contract, f"{alert['alert']} uses {metric}, which the metrics contract lacks"


def test_pod_monitor_scrapes_every_process_metrics_port() -> None:
    docs = rendered("production")
    (monitor,) = by_kind(docs, "PodMonitor").values()
    (endpoint,) = monitor["spec"]["podMetricsEndpoints"]
    assert endpoint["path"] == "/metrics"
    for name in PROCESSES:
        deployment = by_kind(docs, "Deployment")[f"finmatch-{name}"]
        labels = deployment["spec"]["template"]["metadata"]["labels"]
        assert _selects(monitor["spec"]["selector"], labels)
        assert labels[monitor["spec"]["jobLabel"]] == "finmatch"
        ports = {p["name"] for p in pod_spec(deployment)["containers"][0]["ports"]}
        assert endpoint["port"] in ports
