#!/usr/bin/env python3
"""Static checks of deploy/ that need no running service (used by deploy/check-static.sh).

  static.py dashboards              Grafana JSON: parses, schemaVersion, unique uid, datasource uid = provisioned, panel ids
  static.py compose FILE            docker-compose structure: pinned images, healthchecks, depends_on conditions, limits, mounts
  static.py k8s [FILE|-]            rendered Kubernetes manifests (kubectl kustomize output): required fields, probes,
                                    resources, and that every reference (ConfigMap, Secret, Service selector, HPA/PDB/KEDA
                                    target, ServiceAccount) resolves inside the render or is listed as external
  static.py kustomize-tree DIR      fallback without kustomize: every kustomization.yaml parses and every file it names exists
Each prints one line per finding and exits 1 when there is one.
"""
import json
import pathlib
import re
import sys

import yaml

DEPLOY = pathlib.Path(__file__).resolve().parent.parent
problems = []


def problem(msg):
    problems.append(msg)
    print("FAIL  " + msg)


def check_dashboards():
    prov = yaml.safe_load((DEPLOY / "grafana/provisioning/datasources/prometheus.yml").read_text())
    ds_uids = {d["uid"] for d in prov["datasources"]}
    uids = {}
    files = sorted((DEPLOY / "grafana/dashboards").glob("*.json"))
    if len(files) < 3:
        problem(f"expected the Pipeline, Services and News dashboards, found {[f.name for f in files]}")
    for f in files:
        try:
            d = json.loads(f.read_text(encoding="utf-8"))
        except json.JSONDecodeError as e:
            problem(f"{f.name}: invalid JSON: {e}")
            continue
        for key in ("uid", "title", "panels", "schemaVersion"):
            if key not in d:
                problem(f"{f.name}: no {key}")
        if not 36 <= d.get("schemaVersion", 0) <= 41:
            problem(f"{f.name}: schemaVersion {d.get('schemaVersion')} (expected ~39)")
        if d.get("uid") in uids:
            problem(f"{f.name}: uid {d['uid']} also in {uids[d['uid']]}")
        uids[d.get("uid")] = f.name
        ids, targets = set(), 0

        def walk(panels):
            for p in panels:
                yield p
                yield from walk(p.get("panels", []))
        for p in walk(d.get("panels", [])):
            where = f"{f.name}: panel {p.get('title')!r}"
            if p.get("id") in ids:
                problem(f"{where}: duplicate id {p.get('id')}")
            ids.add(p.get("id"))
            gp = p.get("gridPos", {})
            if not all(k in gp for k in "hwxy") or gp["x"] + gp["w"] > 24:
                problem(f"{where}: bad gridPos {gp}")
            if p.get("type") in ("row", "text"):
                continue
            if p.get("datasource", {}).get("uid") not in ds_uids:
                problem(f"{where}: datasource {p.get('datasource')} is not a provisioned uid {sorted(ds_uids)}")
            if not p.get("targets"):
                problem(f"{where}: no targets")
            for t in p.get("targets", []):
                targets += 1
                if not t.get("expr", "").strip():
                    problem(f"{where}: target {t.get('refId')} has no expr")
                if t.get("datasource", {}).get("uid") not in ds_uids:
                    problem(f"{where}: target {t.get('refId')} datasource is not provisioned")
        print(f"ok    {f.name}: uid {d.get('uid')}, {len(ids)} panels, {targets} targets")


def check_compose(path):
    path = pathlib.Path(path)
    doc = yaml.safe_load(path.read_text())
    services = doc.get("services") or {}
    if not services:
        problem(f"{path}: no services")
    required = {"kafka", "prometheus", "grafana", "gateway", "ingest-service", "nlp-service", "metrics-service"}
    missing = required - services.keys()
    if missing:
        problem(f"{path}: missing services {sorted(missing)}")
    if not any(s.get("image", "").startswith("mongo:") for s in services.values()):
        problem(f"{path}: no mongo service")
    for name, s in services.items():
        where = f"compose service {name}"
        image = s.get("image")
        if image and (":" not in image or image.endswith(":latest")):
            problem(f"{where}: image {image} is not pinned")
        if not image and "build" not in s:
            problem(f"{where}: neither image nor build")
        if "build" in s:
            b = s["build"]
            ctx = (path.parent / b.get("context", ".")).resolve()
            df = ctx / b.get("dockerfile", "Dockerfile")
            if not df.is_file():
                problem(f"{where}: Dockerfile {df} missing")
        one_shot = s.get("restart") == "no"
        if not one_shot and "healthcheck" not in s:
            problem(f"{where}: no healthcheck")
        limits = s.get("deploy", {}).get("resources", {}).get("limits", {})
        if not (s.get("mem_limit") or limits.get("memory")):
            problem(f"{where}: no memory limit")
        deps = s.get("depends_on", {})
        if isinstance(deps, list):
            problem(f"{where}: depends_on must use conditions")
            deps = {}
        for dep, cond in deps.items():
            if dep not in services:
                problem(f"{where}: depends on unknown service {dep}")
                continue
            c = cond.get("condition")
            if c == "service_healthy" and "healthcheck" not in services[dep]:
                problem(f"{where}: waits for {dep} healthy but {dep} has no healthcheck")
            if c not in ("service_healthy", "service_completed_successfully"):
                problem(f"{where}: depends_on {dep} condition {c}")
        for v in s.get("volumes", []):
            src = v.split(":")[0] if isinstance(v, str) else v.get("source", "")
            if src.startswith((".", "/")) and not (path.parent / src).exists():
                problem(f"{where}: mounted path {src} does not exist")
    for name in ("gateway", "ingest-service", "nlp-service", "metrics-service"):
        env = services.get(name, {}).get("environment", {})
        wanted = {"gateway": ("INGEST_URL", "NLP_URL", "METRICS_URL", "NEWSFLOW_API_KEYS"),
                  "metrics-service": ("KAFKA_BOOTSTRAP_SERVERS", "MONGODB_URI")}.get(name, ("KAFKA_BOOTSTRAP_SERVERS",))
        for key in wanted:
            if key not in env:
                problem(f"compose service {name}: environment lacks {key}")
    print(f"ok    {path.name}: {len(services)} services checked")


EXTERNAL_SECRETS = {"newsflow-secrets", "newsflow-mongodb-password", "newsflow-mongodb-connection"}  # created out of band or by an operator


def check_k8s(stream):
    docs = [d for d in yaml.safe_load_all(stream) if d]
    by_kind = {}
    for d in docs:
        for key in ("apiVersion", "kind", "metadata"):
            if key not in d:
                problem(f"manifest without {key}: {str(d)[:80]}")
        by_kind.setdefault(d.get("kind"), {})[d["metadata"]["name"]] = d
    names = lambda kind: set(by_kind.get(kind, {}))
    deployments = by_kind.get("Deployment", {})
    if not deployments:
        problem("no Deployment rendered")
    for name, dep in deployments.items():
        spec = dep["spec"]
        pod = spec["template"]
        sel = spec["selector"]["matchLabels"]
        if any(pod["metadata"]["labels"].get(k) != v for k, v in sel.items()):
            problem(f"Deployment {name}: selector {sel} does not match its pod labels")
        for c in pod["spec"]["containers"]:
            where = f"Deployment {name} container {c['name']}"
            for probe in ("livenessProbe", "readinessProbe"):
                path = c.get(probe, {}).get("httpGet", {}).get("path", "")
                if not path.startswith("/actuator/health/"):
                    problem(f"{where}: {probe} not on an actuator health group ({path!r})")
            res = c.get("resources", {})
            if not res.get("requests") or not res.get("limits", {}).get("memory"):
                problem(f"{where}: resources requests and memory limit required")
            for ef in c.get("envFrom", []):
                ref = ef.get("configMapRef") or ef.get("secretRef")
                kind = "ConfigMap" if "configMapRef" in ef else "Secret"
                if ref["name"] not in names(kind) and not (kind == "Secret" and ref["name"] in EXTERNAL_SECRETS):
                    problem(f"{where}: envFrom {kind} {ref['name']} not rendered")
            for e in c.get("env", []):
                vf = e.get("valueFrom", {})
                for key, kind in (("configMapKeyRef", "ConfigMap"), ("secretKeyRef", "Secret")):
                    if key in vf:
                        ref = vf[key]["name"]
                        if ref in names(kind):
                            data = by_kind[kind][ref].get("data", {}) | by_kind[kind][ref].get("stringData", {})
                            if vf[key]["key"] not in data and not vf[key].get("optional"):
                                problem(f"{where}: {kind} {ref} has no key {vf[key]['key']}")
                        elif not (kind == "Secret" and ref in EXTERNAL_SECRETS):
                            problem(f"{where}: {kind} {ref} not rendered and not a documented external secret")
        sa = pod["spec"].get("serviceAccountName")
        if sa and sa not in names("ServiceAccount"):
            problem(f"Deployment {name}: ServiceAccount {sa} not rendered")
    pods = [d["spec"]["template"]["metadata"]["labels"] for d in deployments.values()]
    for name, svc in by_kind.get("Service", {}).items():
        sel = svc["spec"].get("selector", {})
        if sel and not any(all(p.get(k) == v for k, v in sel.items()) for p in pods):
            problem(f"Service {name}: selector {sel} matches no Deployment")
    for kind in ("HorizontalPodAutoscaler", "ScaledObject"):
        for name, o in by_kind.get(kind, {}).items():
            ref = o["spec"]["scaleTargetRef"]
            if ref["name"] not in deployments:
                problem(f"{kind} {name}: target {ref['name']} not rendered")
    for name, pdb in by_kind.get("PodDisruptionBudget", {}).items():
        sel = pdb["spec"]["selector"]["matchLabels"]
        if not any(all(p.get(k) == v for k, v in sel.items()) for p in pods):
            problem(f"PodDisruptionBudget {name}: selector matches no Deployment")
    hpa_targets = {o["spec"]["scaleTargetRef"]["name"] for o in by_kind.get("HorizontalPodAutoscaler", {}).values()}
    keda_targets = {o["spec"]["scaleTargetRef"]["name"] for o in by_kind.get("ScaledObject", {}).values()}
    if hpa_targets & keda_targets:
        problem(f"both an HPA and a KEDA ScaledObject scale {sorted(hpa_targets & keda_targets)}")
    kinds = ", ".join(f"{len(v)} {k}" for k, v in sorted(by_kind.items()))
    print(f"ok    rendered: {kinds}")


def check_kustomize_tree(root):
    root = pathlib.Path(root)
    for k in sorted(root.rglob("kustomization.yaml")):
        doc = yaml.safe_load(k.read_text())
        for key in ("resources", "components"):
            for r in doc.get(key, []):
                if not (k.parent / r).exists():
                    problem(f"{k}: {key} entry {r} does not exist")
        for p in doc.get("patches", []):
            if "path" in p and not (k.parent / p["path"]).exists():
                problem(f"{k}: patch {p['path']} does not exist")
        for f in k.parent.glob("*.yaml"):
            list(yaml.safe_load_all(f.read_text()))
        print(f"ok    {k.relative_to(root)} (files exist, YAML parses; not rendered)")


def main():
    cmd = sys.argv[1]
    if cmd == "dashboards":
        check_dashboards()
    elif cmd == "compose":
        check_compose(sys.argv[2])
    elif cmd == "k8s":
        arg = sys.argv[2] if len(sys.argv) > 2 else "-"
        check_k8s(sys.stdin.read() if arg == "-" else pathlib.Path(arg).read_text())
    elif cmd == "kustomize-tree":
        check_kustomize_tree(sys.argv[2])
    else:
        raise SystemExit(__doc__)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
