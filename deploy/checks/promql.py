#!/usr/bin/env python3
"""Evaluates every PromQL expression of the Grafana dashboards and the alert rules through Prometheus' HTTP API.

Used by deploy/check-promql.sh; see there for the options. Exit status 0 only when every expression parses and
evaluates, every newsflow_* metric is one of the contract's names, and (with --require-data) every matching
panel returns at least one series.
"""
import argparse
import json
import pathlib
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

DEPLOY = pathlib.Path(__file__).resolve().parent.parent

# The Micrometer contract (project guide) in Prometheus form: counters _total, timers _seconds_*, summaries _count/_sum/_max.
def _family(base, suffixes):
    return {base + s for s in suffixes}

TIMER = ("_seconds_bucket", "_seconds_count", "_seconds_sum", "_seconds_max")
SUMMARY = ("_count", "_sum", "_max")
CONTRACT = set().union(
    {"newsflow_articles_ingested_total", "newsflow_pages_split_total", "newsflow_articles_enriched_total",
     "newsflow_articles_stored_total", "newsflow_articles_duplicates_total", "newsflow_store_errors_total",
     "newsflow_deadletters_total", "newsflow_gateway_auth_rejected_total", "newsflow_gateway_ratelimited_total",
     "newsflow_gateway_shed_total", "newsflow_aggregates_pending"},
    _family("newsflow_pages_articles", SUMMARY),
    _family("newsflow_extraction_entities", SUMMARY),
    _family("newsflow_extraction_figures", SUMMARY),
    _family("newsflow_enrichment_duration", TIMER),
    _family("newsflow_pipeline_latency", TIMER),
    _family("newsflow_aggregates_latency", TIMER),
)
# Other metric families the dashboards may use (Spring Boot / Micrometer / Kafka client / Mongo driver / Prometheus).
KNOWN_PREFIXES = ("http_server_requests_seconds_", "jvm_", "process_", "system_", "kafka_producer_", "kafka_consumer_",
                  "spring_cloud_stream_binder_kafka_", "mongodb_driver_", "executor_", "logback_", "disk_",
                  "application_", "reactor_netty_", "spring_kafka_")
KNOWN_NAMES = {"up", "scrape_duration_seconds", "scrape_samples_scraped", "ALERTS", "ALERTS_FOR_STATE"}
KEYWORDS = {"and", "or", "unless", "by", "without", "on", "ignoring", "group_left", "group_right", "bool", "offset",
            "inf", "nan", "atan2", "start", "end"}

BUILTIN_VARS = {"__rate_interval": "1m", "__interval": "30s", "__interval_ms": "30000", "__range": "1h",
                "__range_s": "3600", "__range_ms": "3600000"}


def substitute(expr, variables):
    def repl(m):
        name = m.group(1) or m.group(2) or m.group(3)
        return variables.get(name, m.group(0))
    return re.sub(r"\$\{(\w+)(?::\w+)?\}|\$(\w+)|\[\[(\w+)\]\]", repl, expr)


def dashboard_vars(d, overrides):
    values = dict(BUILTIN_VARS)
    for v in d.get("templating", {}).get("list", []):
        if v.get("includeAll") and v.get("allValue"):
            values[v["name"]] = v["allValue"]
        else:
            cur = v.get("current", {}).get("value")
            values[v["name"]] = cur[0] if isinstance(cur, list) and cur else (cur or ".*")
    values.update(overrides)
    return values


def walk_panels(panels):
    for p in panels:
        yield p
        yield from walk_panels(p.get("panels", []))


def collect(dashboards, rules, overrides):
    """[(source, panel_key or None, expr)] — panel_key is 'Dashboard title/Panel title' for panel targets."""
    items = []
    for path in dashboards:
        d = json.loads(path.read_text(encoding="utf-8"))
        values = dashboard_vars(d, overrides)
        for v in d.get("templating", {}).get("list", []):
            q = v.get("query")
            q = q.get("query", "") if isinstance(q, dict) else (q or "")
            m = re.fullmatch(r"\s*label_values\((.+),\s*\w+\s*\)\s*", q)
            if v.get("type") == "query" and m:
                items.append((f"{path.name}: variable ${v['name']}", None, substitute(m.group(1), values)))
        for p in walk_panels(d.get("panels", [])):
            for t in p.get("targets", []):
                if t.get("expr"):
                    key = f'{d["title"]}/{p["title"]}'
                    items.append((f"{path.name}: {p['title']} [{t.get('refId', '?')}]", key,
                                  substitute(t["expr"], values)))
    for path in rules:
        import yaml  # only needed for rule files
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        for g in doc.get("groups", []):
            for r in g.get("rules", []):
                items.append((f"{path.name}: {r.get('alert') or r.get('record')}", None, r["expr"]))
    return items


def metric_names(expr):
    s = re.sub(r'"(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)*\'|`[^`]*`', '""', expr)
    s = re.sub(r"\{[^}]*\}", " ", s)
    s = re.sub(r"\[[^\]]*\]", " ", s)
    s = re.sub(r"\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)", " ", s)
    names = set()
    for m in re.finditer(r"[A-Za-z_:][A-Za-z0-9_:]*", s):
        before = s[m.start() - 1] if m.start() else " "
        if before.isdigit() or before == ".":
            continue                                    # 1e3, 5m after offset
        rest = s[m.end():].lstrip()
        if rest.startswith("("):
            continue                                    # a function call
        if m.group(0).lower() in KEYWORDS:
            continue
        names.add(m.group(0))
    return names


def unknown_metrics(expr):
    bad = []
    for n in metric_names(expr):
        if n.startswith("newsflow_"):
            if n not in CONTRACT:
                bad.append(n)
        elif n not in KNOWN_NAMES and not n.startswith(KNOWN_PREFIXES):
            bad.append(n)
    return sorted(bad)


def query(prom, expr, timeout=10):
    url = prom.rstrip("/") + "/api/v1/query?" + urllib.parse.urlencode({"query": expr})
    try:
        with urllib.request.urlopen(url, timeout=timeout) as r:
            body = json.load(r)
    except urllib.error.HTTPError as e:
        try:
            body = json.load(e)
        except Exception:
            body = {"status": "error", "errorType": f"http {e.code}", "error": str(e)}
    except (urllib.error.URLError, OSError) as e:
        raise SystemExit(f"cannot reach Prometheus at {prom}: {e}")
    if body.get("status") != "success":
        return None, f'{body.get("errorType")}: {body.get("error")}'
    data = body["data"]
    n = len(data["result"]) if data["resultType"] in ("vector", "matrix") else 1
    return n, None


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("prom_url")
    ap.add_argument("--require-data", metavar="REGEX",
                    help="fail when a panel whose 'Dashboard title/Panel title' matches returns no series from any target")
    ap.add_argument("--timeout", type=float, default=0,
                    help="with --require-data: keep re-querying empty panels for up to this many seconds")
    ap.add_argument("--var", action="append", default=[], metavar="NAME=VALUE",
                    help="value of a dashboard variable (default: its All value; $__rate_interval=1m, $__range=1h)")
    ap.add_argument("--dashboards", default=str(DEPLOY / "grafana" / "dashboards"))
    ap.add_argument("--rules", default=str(DEPLOY / "prometheus" / "alerts.yml"))
    ap.add_argument("--list", action="store_true", help="print the expressions and exit")
    args = ap.parse_args(argv)

    overrides = dict(v.split("=", 1) for v in args.var)
    dash_dir = pathlib.Path(args.dashboards)
    dashboards = sorted(dash_dir.glob("*.json")) if dash_dir.is_dir() else [dash_dir]
    items = collect(dashboards, [pathlib.Path(args.rules)], overrides)
    if args.list:
        for src, _, expr in items:
            print(f"{src}\n    {expr}")
        return 0

    passed = failed = 0
    panel_series = {}
    for src, key, expr in items:
        bad = unknown_metrics(expr)
        n, err = query(args.prom_url, expr)
        if err or bad:
            failed += 1
            print(f"FAIL  {src}\n      {expr}\n      " + (err or f"metric not in the contract/known families: {', '.join(bad)}"))
            continue
        passed += 1
        print(f"ok    {src}  ({n} series)")
        if key is not None:
            panel_series.setdefault(key, []).append(expr)

    if args.require_data:
        pattern = re.compile(args.require_data)
        wanted = {k: v for k, v in panel_series.items() if pattern.search(k)}
        if not wanted:
            print(f"FAIL  --require-data {args.require_data!r} matches no panel")
            failed += 1
        deadline = time.monotonic() + args.timeout
        empty = dict(wanted)
        while True:
            empty = {k: v for k, v in empty.items() if not any((query(args.prom_url, e)[0] or 0) > 0 for e in v)}
            if not empty or time.monotonic() >= deadline:
                break
            time.sleep(2)
        for key in sorted(wanted):
            if key in empty:
                failed += 1
                print(f"FAIL  no data: {key}\n      " + "\n      ".join(wanted[key]))
            else:
                passed += 1
                print(f"ok    has data: {key}")

    print(f"promql: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
