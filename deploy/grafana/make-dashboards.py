#!/usr/bin/env python3
"""Writes deploy/grafana/dashboards/{pipeline,services,news}.json.

The dashboards are generated so that every panel has the same shape (datasource uid, legend, units) and the
PromQL sits in one readable place. Edit this file and run `python3 deploy/grafana/make-dashboards.py`;
deploy/check-static.sh fails when the committed JSON differs from what this script writes.
Metric names are the Micrometer contract of the project guide in Prometheus form.
"""
import json
import pathlib
import sys

DS = {"type": "prometheus", "uid": "prometheus"}   # uid of the provisioned datasource (provisioning/datasources)
RATE = "$__rate_interval"
SVC = 'application=~"$application", instance=~"$instance"'
NLP = 'application="nlp-service"'   # extraction summaries: metrics-service records the same names per stored article


def q(expr, legend="__auto", instant=False):
    return {"expr": expr, "legend": legend, "instant": instant}


def panel(title, targets, kind="timeseries", unit="short", w=12, h=8, description="", stack=False,
          min0=True, decimals=None, thresholds=None, text=None):
    return {"title": title, "targets": targets, "kind": kind, "unit": unit, "w": w, "h": h,
            "description": description, "stack": stack, "min0": min0, "decimals": decimals,
            "thresholds": thresholds, "text": text}


def row(title):
    return {"row": title}


def render_panel(p, pid, x, y):
    out = {"id": pid, "type": p["kind"], "title": p["title"], "description": p["description"],
           "gridPos": {"h": p["h"], "w": p["w"], "x": x, "y": y}}
    if p["kind"] == "text":
        out["options"] = {"mode": "markdown", "content": p["text"]}
        return out
    out["datasource"] = DS
    out["targets"] = []
    for i, t in enumerate(p["targets"]):
        out["targets"].append({
            "refId": chr(ord("A") + i), "datasource": DS, "editorMode": "code", "expr": t["expr"],
            "legendFormat": t["legend"], "range": not t["instant"], "instant": t["instant"]})
    defaults = {"unit": p["unit"], "color": {"mode": "palette-classic"}}
    if p["min0"]:
        defaults["min"] = 0
    if p["decimals"] is not None:
        defaults["decimals"] = p["decimals"]
    steps = [{"color": "green", "value": None}]
    for value, color in (p["thresholds"] or []):
        steps.append({"color": color, "value": value})
    defaults["thresholds"] = {"mode": "absolute", "steps": steps}
    if p["kind"] == "timeseries":
        defaults["custom"] = {"drawStyle": "line", "lineWidth": 1, "fillOpacity": 10, "showPoints": "never",
                              "spanNulls": False,
                              "stacking": {"mode": "normal" if p["stack"] else "none", "group": "A"}}
        out["options"] = {"legend": {"displayMode": "list", "placement": "bottom", "showLegend": True},
                          "tooltip": {"mode": "multi", "sort": "desc"}}
    elif p["kind"] == "stat":
        defaults["color"] = {"mode": "thresholds"}
        out["options"] = {"reduceOptions": {"calcs": ["lastNotNull"], "fields": "", "values": False},
                          "colorMode": "value", "graphMode": "area", "justifyMode": "auto",
                          "orientation": "auto", "textMode": "auto"}
    elif p["kind"] == "bargauge":
        out["options"] = {"reduceOptions": {"calcs": ["lastNotNull"], "fields": "", "values": False},
                          "orientation": "horizontal", "displayMode": "gradient", "showUnfilled": True}
    elif p["kind"] == "table":
        out["options"] = {"showHeader": True, "cellHeight": "sm"}
        out["transformations"] = [{"id": "merge", "options": {}},
                                  {"id": "organize", "options": {"excludeByName": {"Time": True}}}]
        for t in out["targets"]:
            t["format"] = "table"
    out["fieldConfig"] = {"defaults": defaults, "overrides": []}
    return out


def layout(items):
    panels, pid, x, y, rowh = [], 1, 0, 0, 0
    for it in items:
        if "row" in it:
            y += rowh
            x, rowh = 0, 0
            panels.append({"id": pid, "type": "row", "title": it["row"], "collapsed": False, "panels": [],
                           "gridPos": {"h": 1, "w": 24, "x": 0, "y": y}})
            pid += 1
            y += 1
            continue
        if x + it["w"] > 24:
            y += rowh
            x, rowh = 0, 0
        panels.append(render_panel(it, pid, x, y))
        pid += 1
        x += it["w"]
        rowh = max(rowh, it["h"])
    return panels


def variables():
    """$application and $instance for the Services dashboard (All = regex .*)."""
    def var(name, label, query):
        return {"name": name, "label": label, "type": "query", "datasource": DS, "query": query,
                "definition": query, "refresh": 2, "includeAll": True, "multi": True, "allValue": ".*", "sort": 1,
                "current": {"selected": True, "text": ["All"], "value": ["$__all"]}, "options": [], "hide": 0}
    return [var("application", "Service", "label_values(process_uptime_seconds, application)"),
            var("instance", "Instance", 'label_values(process_uptime_seconds{application=~"$application"}, instance)')]


def dashboard(uid, title, description, items, tags, with_vars=True):
    return {
        "uid": uid, "title": title, "description": description, "tags": ["newsflow"] + tags,
        "editable": True, "graphTooltip": 1, "timezone": "browser", "refresh": "30s",
        "schemaVersion": 39, "version": 1, "fiscalYearStartMonth": 0, "liveNow": False,
        "time": {"from": "now-1h", "to": "now"}, "timepicker": {},
        "links": [{"title": "Newsflow", "type": "dashboards", "tags": ["newsflow"], "asDropdown": True,
                   "includeVars": True, "keepTime": True}],
        "annotations": {"list": [{"builtIn": 1, "datasource": {"type": "grafana", "uid": "-- Grafana --"},
                                  "enable": True, "hide": True, "iconColor": "rgba(0, 211, 255, 1)",
                                  "name": "Annotations & Alerts", "type": "dashboard"}]},
        "templating": {"list": variables() if with_vars else []},
        "panels": layout(items),
    }


def quantiles(metric, by="", sel=""):
    grp = f"sum by ({by + ', ' if by else ''}le)"
    legend_prefix = "{{" + by + "}} " if by else ""
    out = [q(f"histogram_quantile({p}, {grp} (rate({metric}_bucket{sel}[{RATE}])))", f"{legend_prefix}p{int(p * 100)}")
           for p in (0.5, 0.9, 0.99)]
    mean_by = f"sum by ({by}) " if by else "sum"
    out.append(q(f"{mean_by}(rate({metric}_sum{sel}[{RATE}])) / {mean_by}(rate({metric}_count{sel}[{RATE}]))",
                 f"{legend_prefix}mean"))
    return out


PIPELINE = dashboard(
    "newsflow-pipeline", "Newsflow / Pipeline",
    "Articles flowing ingest -> nlp -> metrics: throughput per stage, end-to-end latency against the 1s SLO, "
    "consumer lag and dead letters.",
    [
        row("Throughput"),
        panel("Stage throughput", [
            q(f'sum(rate(newsflow_articles_ingested_total{{outcome="accepted"}}[{RATE}]))', "ingested (accepted)"),
            q(f"sum(rate(newsflow_articles_enriched_total[{RATE}]))", "enriched"),
            q(f"sum(rate(newsflow_articles_stored_total[{RATE}]))", "stored"),
            q(f"sum(rate(newsflow_pages_split_total[{RATE}]))", "pages split"),
        ], unit="reqps", w=12, description="Per-second rate at each stage. In a healthy pipeline the three article "
                                           "lines coincide; a gap between two lines is where articles are stuck."),
        panel("Ingest outcomes", [
            q(f"sum by (outcome) (rate(newsflow_articles_ingested_total[{RATE}]))", "{{outcome}}"),
        ], unit="reqps", w=6, stack=True, description="accepted, duplicate (same deterministic id) and rejected."),
        panel("Stored in range", [
            q("sum(increase(newsflow_articles_stored_total[$__range]))", "stored"),
        ], kind="stat", unit="short", w=3, decimals=0),
        panel("p99 ingest → stored", [
            q(f"histogram_quantile(0.99, sum by (le) (rate(newsflow_pipeline_latency_seconds_bucket[{RATE}])))", "p99"),
        ], kind="stat", unit="s", w=3, thresholds=[(0.5, "orange"), (1, "red")],
            description="SLO: p99 below 1s (alert NewsflowPipelineLatencySLOBreached)."),
        row("Latency"),
        panel("End-to-end latency (ingested → stored)",
              quantiles("newsflow_pipeline_latency_seconds"), unit="s", w=12,
              description="newsflow.pipeline.latency: from ArticleSubmitted.ingestedAt to the MongoDB write."),
        panel("Enrichment duration (nlp-service)",
              quantiles("newsflow_enrichment_duration_seconds"), unit="s", w=6),
        panel("Stored within the 1s SLO", [
            q(f'sum(rate(newsflow_pipeline_latency_seconds_bucket{{le=~"1(\\\\.0+)?"}}[{RATE}])) '
              f'/ sum(rate(newsflow_pipeline_latency_seconds_count[{RATE}]))', "within 1s"),
        ], unit="percentunit", w=6, min0=False,
            description="Share of articles stored within 1s of ingestion (SLO bucket le=1)."),
        panel("Ingested → in the aggregates",
              quantiles("newsflow_aggregates_latency_seconds"), unit="s", w=12,
              description="newsflow.aggregates.latency: an article is readable by id once stored; the aggregate "
                          "applier adds its contribution to the entity, figure, region and trend answers right after "
                          "(batches queued meanwhile together)."),
        panel("Stored articles waiting for the aggregates", [
            q("sum by (instance) (newsflow_aggregates_pending)", "{{instance}}"),
        ], unit="short", w=12, description="newsflow.aggregates.pending: at most newsflow.metrics.store.max-pending "
                                           "(2000) per instance; the consumer stops polling beyond."),
        row("Kafka consumers"),
        panel("Consumer group lag", [
            q("sum by (group, topic) (spring_cloud_stream_binder_kafka_offset)", "{{group}} ← {{topic}}"),
        ], unit="short", w=8, description="Records not yet consumed per group and topic (Spring Cloud Stream binder). "
                                          "Alert NewsflowConsumerLagGrowing fires when it grows for 10m."),
        panel("Lag per partition", [
            q("max by (application, topic, partition) (kafka_consumer_fetch_manager_records_lag)",
              "{{application}} {{topic}}[{{partition}}]"),
            q("max by (application, client_id) (kafka_consumer_fetch_manager_records_lag_max)",
              "{{application}} {{client_id}} max"),
        ], unit="short", w=8, description="One partition growing alone points at a stuck consumer or a poisoned record."),
        panel("Records consumed", [
            q(f"sum by (application, topic) (rate(kafka_consumer_fetch_manager_records_consumed_total[{RATE}]))",
              "{{application}} {{topic}}"),
        ], unit="reqps", w=8),
        row("Failures"),
        panel("Dead letters by stage and reason", [
            q(f"sum by (stage, reason) (increase(newsflow_deadletters_total[{RATE}]))", "{{stage}}: {{reason}}"),
            q(f"sum(increase(newsflow_deadletters_total[{RATE}])) or vector(0)", "all stages"),
        ], unit="short", w=10, stack=False,
            description="Records sent to a dead-letter topic (<topic>.<stage>.dlq) with the reason header."),
        panel("Errors", [
            q(f"sum(rate(newsflow_store_errors_total[{RATE}])) or vector(0)", "store errors (metrics-service)"),
            q(f'sum(rate(newsflow_articles_ingested_total{{outcome="rejected"}}[{RATE}])) or vector(0)',
              "rejected at ingest"),
            q(f"sum(rate(newsflow_articles_duplicates_total[{RATE}])) or vector(0)", "duplicates at store"),
            q(f'sum by (application) (rate(http_server_requests_seconds_count{{status=~"5.."}}[{RATE}]))',
              "{{application}} HTTP 5xx"),
        ], unit="reqps", w=10),
        panel("Dead letters in range", [
            q("sum(increase(newsflow_deadletters_total[$__range])) or vector(0)", "dead letters"),
        ], kind="stat", unit="short", w=4, decimals=0, thresholds=[(1, "red")]),
    ], ["pipeline"], with_vars=False)


SERVICES = dashboard(
    "newsflow-services", "Newsflow / Services",
    "HTTP, JVM, Kafka clients and the MongoDB pool of gateway, ingest-service, nlp-service and metrics-service.",
    [
        row("Availability"),
        panel("Targets up", [q('up{job="newsflow"}', "{{service}} {{instance}}")], kind="stat", unit="none",
              w=12, h=4, min0=True, decimals=0, description="1 = scraped; 0 fires NewsflowServiceDown."),
        panel("Uptime", [q(f"process_uptime_seconds{{{SVC}}}", "{{application}} {{instance}}")], kind="stat",
              unit="s", w=12, h=4),
        row("HTTP"),
        panel("Requests by status", [
            q(f'sum by (application, status) (rate(http_server_requests_seconds_count{{{SVC}, uri!~"/actuator.*"}}[{RATE}]))',
              "{{application}} {{status}}"),
        ], unit="reqps", w=8),
        panel("Latency", [
            q(f'sum by (application) (rate(http_server_requests_seconds_sum{{{SVC}, uri!~"/actuator.*"}}[{RATE}])) '
              f'/ sum by (application) (rate(http_server_requests_seconds_count{{{SVC}, uri!~"/actuator.*"}}[{RATE}]))',
              "{{application}} mean"),
            q(f'max by (application) (http_server_requests_seconds_max{{{SVC}, uri!~"/actuator.*"}})',
              "{{application}} max"),
            q(f'histogram_quantile(0.99, sum by (application, le) (rate(http_server_requests_seconds_bucket{{{SVC}, uri!~"/actuator.*"}}[{RATE}])))',
              "{{application}} p99"),
        ], unit="s", w=8, description="p99 appears when management.metrics.distribution.percentiles-histogram."
                                      "http.server.requests=true."),
        panel("5xx ratio", [
            q(f'sum by (application) (rate(http_server_requests_seconds_count{{{SVC}, status=~"5.."}}[{RATE}])) '
              f'/ sum by (application) (rate(http_server_requests_seconds_count{{{SVC}}}[{RATE}]))',
              "{{application}}"),
        ], unit="percentunit", w=8, thresholds=[(0.05, "red")],
            description="Gateway above 5% for 5m fires NewsflowGatewayHigh5xxRatio."),
        panel("Busiest endpoints", [
            q(f'topk(10, sum by (application, method, uri) (rate(http_server_requests_seconds_count{{{SVC}, uri!~"/actuator.*"}}[{RATE}])))',
              "{{application}} {{method}} {{uri}}"),
        ], kind="bargauge", unit="reqps", w=12),
        panel("Gateway: rejected, rate-limited and shed", [
            q(f"sum by (reason) (rate(newsflow_gateway_auth_rejected_total[{RATE}]))", "auth rejected: {{reason}}"),
            q(f"sum(rate(newsflow_gateway_ratelimited_total[{RATE}]))", "rate limited"),
            q(f"sum by (route) (rate(newsflow_gateway_shed_total[{RATE}]))", "shed (route at its in-flight limit): {{route}}"),
        ], unit="reqps", w=12,
            description="429s: a key over its rate, or a route with its maximum of requests in flight (overload)."),
        row("JVM"),
        panel("Heap used / max", [
            q(f'sum by (application, instance) (jvm_memory_used_bytes{{{SVC}, area="heap"}})', "{{application}} {{instance}} used"),
            q(f'sum by (application, instance) (jvm_memory_max_bytes{{{SVC}, area="heap"}} > 0)', "{{application}} {{instance}} max"),
        ], unit="bytes", w=8),
        panel("Non-heap used", [
            q(f'sum by (application, instance) (jvm_memory_used_bytes{{{SVC}, area="nonheap"}})', "{{application}} {{instance}}"),
        ], unit="bytes", w=8),
        panel("GC pauses", [
            q(f"sum by (application, instance) (rate(jvm_gc_pause_seconds_sum{{{SVC}}}[{RATE}]))",
              "{{application}} {{instance}} time/s"),
            q(f"max by (application, instance) (jvm_gc_pause_seconds_max{{{SVC}}})", "{{application}} {{instance}} max"),
        ], unit="s", w=8),
        panel("Threads", [
            q(f"jvm_threads_live_threads{{{SVC}}}", "{{application}} {{instance}} live"),
            q(f"jvm_threads_peak_threads{{{SVC}}}", "{{application}} {{instance}} peak"),
        ], unit="short", w=8),
        panel("CPU", [
            q(f"process_cpu_usage{{{SVC}}}", "{{application}} {{instance}} process"),
            q(f"max(system_cpu_usage{{{SVC}}})", "machine"),
        ], unit="percentunit", w=8),
        panel("Allocation rate", [
            q(f"sum by (application, instance) (rate(jvm_gc_memory_allocated_bytes_total{{{SVC}}}[{RATE}]))",
              "{{application}} {{instance}}"),
        ], unit="Bps", w=8),
        row("Kafka clients"),
        panel("Producer send rate", [
            q(f"sum by (application) (rate(kafka_producer_record_send_total{{{SVC}}}[{RATE}]))", "{{application}} sent"),
            q(f"sum by (application) (rate(kafka_producer_record_error_total{{{SVC}}}[{RATE}]))", "{{application}} errors"),
        ], unit="reqps", w=8),
        panel("Producer request latency", [
            q(f"max by (application) (kafka_producer_request_latency_avg{{{SVC}}})", "{{application}} avg"),
            q(f"max by (application) (kafka_producer_request_latency_max{{{SVC}}})", "{{application}} max"),
        ], unit="ms", w=8),
        panel("Consumer records and lag", [
            q(f"sum by (application) (rate(kafka_consumer_fetch_manager_records_consumed_total{{{SVC}}}[{RATE}]))",
              "{{application}} consumed/s"),
            q(f"max by (application) (kafka_consumer_fetch_manager_records_lag_max{{{SVC}}})", "{{application}} lag max"),
        ], unit="short", w=8),
        row("MongoDB (metrics-service)"),
        panel("Connection pool", [
            q(f"sum by (server_address) (mongodb_driver_pool_size{{{SVC}}})", "{{server_address}} size"),
            q(f"sum by (server_address) (mongodb_driver_pool_checkedout{{{SVC}}})", "{{server_address}} in use"),
            q(f"sum by (server_address) (mongodb_driver_pool_waitqueuesize{{{SVC}}})", "{{server_address}} waiting"),
        ], unit="short", w=12),
        panel("Commands", [
            q(f"sum by (command, status) (rate(mongodb_driver_commands_seconds_count{{{SVC}}}[{RATE}]))",
              "{{command}} {{status}}"),
            q(f"sum by (command) (rate(mongodb_driver_commands_seconds_sum{{{SVC}}}[{RATE}])) "
              f"/ sum by (command) (rate(mongodb_driver_commands_seconds_count{{{SVC}}}[{RATE}]))", "{{command}} mean s"),
        ], unit="short", w=12),
    ], ["services"])


TOP_ENTITIES = """### Top entities
Entity names are unbounded, so they are **not** Prometheus labels (one time series per name would
overwhelm it). Top entities, timelines and related entities come from the query API, which aggregates in MongoDB:

* `GET /api/v1/entities/top?type=PERSON&limit=20`
* `GET /api/v1/entities/{type}/{name}/timeline`
* `GET /api/v1/trends`

(through the gateway, header `X-API-Key` with scope `read`)."""

NEWS = dashboard(
    "newsflow-news", "Newsflow / News",
    "What is being ingested: articles by source and section, pages split, entities and figures extracted per article.",
    [
        row("Articles"),
        panel("Accepted articles by source", [
            q(f'sum by (source) (rate(newsflow_articles_ingested_total{{outcome="accepted"}}[{RATE}]))', "{{source}}"),
        ], unit="reqps", w=12, stack=True),
        panel("Articles by source in range", [
            q('sort_desc(sum by (source) (increase(newsflow_articles_ingested_total{outcome="accepted"}[$__range])))',
              "{{source}}", instant=True),
        ], kind="bargauge", unit="short", w=6, decimals=0),
        panel("Articles by section in range", [
            q('sort_desc(sum by (section) (label_replace(increase(newsflow_articles_ingested_total{outcome="accepted"}[$__range]), '
              '"section", "(none)", "section", "")))', "{{section}}", instant=True),
        ], kind="bargauge", unit="short", w=6, decimals=0,
            description="Uses the section tag of newsflow.articles.ingested (the article's section field, a bounded "
                        "set); articles without one, or services that do not tag it, count under (none)."),
        panel("Ingest outcomes by source in range", [
            q("sum by (source, outcome) (increase(newsflow_articles_ingested_total[$__range]))", "", instant=True),
        ], kind="table", unit="short", w=12, decimals=0),
        panel("Pages split and articles per page", [
            q(f"sum(rate(newsflow_pages_split_total[{RATE}]))", "pages/s"),
            q(f"sum(rate(newsflow_pages_articles_sum[{RATE}])) / sum(rate(newsflow_pages_articles_count[{RATE}]))",
              "articles per page (mean)"),
            q("max(newsflow_pages_articles_max)", "articles per page (max)"),
        ], unit="short", w=12),
        row("Extraction"),
        panel("Entities per article", [
            q(f"sum(rate(newsflow_extraction_entities_sum{{{NLP}}}[{RATE}])) / sum(rate(newsflow_extraction_entities_count{{{NLP}}}[{RATE}]))",
              "mean"),
            q(f"max(newsflow_extraction_entities_max{{{NLP}}})", "max"),
        ], unit="short", w=9),
        panel("Figures per article", [
            q(f"sum(rate(newsflow_extraction_figures_sum{{{NLP}}}[{RATE}])) / sum(rate(newsflow_extraction_figures_count{{{NLP}}}[{RATE}]))",
              "mean"),
            q(f"max(newsflow_extraction_figures_max{{{NLP}}})", "max"),
        ], unit="short", w=9),
        panel("Per article in range", [
            q(f"sum(increase(newsflow_extraction_entities_sum{{{NLP}}}[$__range])) / sum(increase(newsflow_extraction_entities_count{{{NLP}}}[$__range]))",
              "entities"),
            q(f"sum(increase(newsflow_extraction_figures_sum{{{NLP}}}[$__range])) / sum(increase(newsflow_extraction_figures_count{{{NLP}}}[$__range]))",
              "figures"),
        ], kind="stat", unit="short", w=6, decimals=1),
        panel("Enriched vs duplicates", [
            q(f"sum(rate(newsflow_articles_enriched_total[{RATE}]))", "enriched"),
            q(f'sum(rate(newsflow_articles_ingested_total{{outcome="duplicate"}}[{RATE}])) or vector(0)', "duplicate at ingest"),
            q(f"sum(rate(newsflow_articles_duplicates_total[{RATE}])) or vector(0)", "duplicate at store"),
        ], unit="reqps", w=12),
        panel("Top entities", [], kind="text", w=12, text=TOP_ENTITIES),
    ], ["news"], with_vars=False)


def main():
    out = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else pathlib.Path(__file__).parent / "dashboards"
    out.mkdir(parents=True, exist_ok=True)
    for name, d in (("pipeline", PIPELINE), ("services", SERVICES), ("news", NEWS)):
        (out / f"{name}.json").write_text(json.dumps(d, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {out}/pipeline.json services.json news.json")


if __name__ == "__main__":
    main()
