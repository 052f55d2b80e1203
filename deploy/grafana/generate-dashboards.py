#!/usr/bin/env python3
"""Writes the provisioned Grafana dashboards (dashboards/*.json) from the panel lists below.

Every expression here is queried against a real Prometheus by deploy-tests' DashboardQueriesIT, which fails when one
returns no data: keep expressions that have data on a platform that has processed one feed (use `or ... * 0` for
series that exist only after a failure). Run `python3 deploy/grafana/generate-dashboards.py` after editing.
"""
import json
import pathlib

OUT = pathlib.Path(__file__).parent / "dashboards"
SERVICES = {
    "data-intake-service": "数据报送 data intake",
    "evaluation-service": "指标评价 evaluation",
    "ledger-service": "问题台账 ledger",
    "project-library-service": "项目库 project library",
}


def errors_ratio(selector):
    errors = f'sum by (service) (rate(http_server_requests_seconds_count{{{selector}status=~"5.."}}[5m]))'
    total = f'sum by (service) (rate(http_server_requests_seconds_count{{{selector}}}[5m]))'
    return f'({errors} or {total} * 0) / {total}'


def panel(title, exprs, unit="short", kind="timeseries", legend=None, width=12, height=8):
    if isinstance(exprs, str):
        exprs = [exprs]
    return {"title": title, "type": kind, "unit": unit, "exprs": exprs, "legend": legend, "w": width, "h": height}


def common_panels(service):
    s = f'service="{service}"'
    return [
        panel("HTTP requests / s by status", f'sum by (status) (rate(http_server_requests_seconds_count{{{s}}}[5m]))', "reqps"),
        panel("HTTP 5xx ratio", errors_ratio(s + ","), "percentunit"),
        panel("HTTP mean latency by uri",
              f'sum by (uri) (rate(http_server_requests_seconds_sum{{{s}}}[5m])) / sum by (uri) (rate(http_server_requests_seconds_count{{{s}}}[5m]))', "s"),
        panel("Outbox backlog (unsent rows)", f'sum by (instance) (tijian_outbox_backlog{{{s}}})'),
        panel("Outbox: age of the oldest unsent row", f'max by (instance) (tijian_outbox_oldest_age_seconds{{{s}}})', "s"),
        panel("Outbox published / s", f'sum(rate(tijian_outbox_published_total{{{s}}}[5m]))', "ops"),
        panel("Consumer lag by topic", f'sum by (group, topic) (tijian_kafka_consumer_lag{{{s}}})'),
        panel("Dead letters waiting", f'sum by (topic) (tijian_dlq_messages{{{s}}})'),
        panel("R2DBC pool: acquired / max", [f'sum by (instance) (r2dbc_pool_acquired_connections{{{s}}})',
                                             f'sum by (instance) (r2dbc_pool_max_allocated_connections{{{s}}})']),
        panel("R2DBC pool: pending acquisitions", f'sum by (instance) (r2dbc_pool_pending_connections{{{s}}})'),
        panel("Heap used", f'sum by (instance) (jvm_memory_used_bytes{{{s},area="heap"}})', "bytes"),
        panel("CPU", f'max by (instance) (process_cpu_usage{{{s}}})', "percentunit"),
    ]


DASHBOARDS = {
    "tijian-pipeline": ("Tijian · pipeline overview 流水线总览", [
        panel("1 · Rows accepted / s by department", 'sum by (department) (rate(tijian_intake_rows_total{outcome="accepted"}[5m]))', "ops", width=6),
        panel("2 · Observations evaluated / s", 'sum by (kind) (rate(tijian_evaluation_observations_consumed_total[5m]))', "ops", width=6),
        panel("3 · Problems opened / s by class", 'sum by (class) (rate(tijian_ledger_problems_identified_total[5m]))', "ops", width=6),
        panel("4 · Projects drafted / s", 'sum(rate(tijian_projects_changes_total{action="DRAFTED"}[5m]))', "ops", width=6),
        panel("Rows rejected / s by department", 'sum by (department) (rate(tijian_intake_rows_total{outcome="rejected"}[5m]))', "ops", width=6),
        panel("Results published / s by verdict", 'sum by (verdict) (rate(tijian_evaluation_results_published_total[5m]))', "ops", width=6),
        panel("Evaluation latency p99", 'max(tijian_evaluation_latency_seconds{quantile="0.99"})', "s", width=6),
        panel("Problems in the ledger by status", 'sum by (status) (tijian_ledger_problems)', width=6),
        panel("Lag between stages (consumer group → topic)", 'sum by (group, topic) (tijian_kafka_consumer_lag)', width=8),
        panel("Outbox: oldest unsent row by service", 'max by (service) (tijian_outbox_oldest_age_seconds)', "s", width=8),
        panel("Dead letters waiting by topic", 'sum by (topic) (tijian_dlq_messages)', width=8),
        panel("HTTP 5xx ratio by service", errors_ratio(""), "percentunit", width=12),
        panel("Services up", 'up', kind="stat", width=12),
    ]),
    "tijian-kafka": ("Tijian · Kafka", [
        panel("Consumer lag by group, topic and partition", 'sum by (group, topic, partition) (tijian_kafka_consumer_lag)', width=24),
        panel("Lag as the binder sees it (running consumers)", 'sum by (group, topic) (spring_cloud_stream_binder_kafka_offset)'),
        panel("Records consumed / s by service", 'sum by (service) (rate(kafka_consumer_fetch_manager_records_consumed_total[5m]))', "ops"),
        panel("Records produced / s by topic", 'sum by (topic) (rate(kafka_producer_topic_record_send_total[5m]))', "ops"),
        panel("Producer errors / s", 'sum by (service) (rate(kafka_producer_record_error_total[5m]))', "ops"),
        panel("Dead letters waiting by topic", 'sum by (topic, group) (tijian_dlq_messages)'),
        panel("Outbox backlog by service", 'sum by (service) (tijian_outbox_backlog)'),
    ]),
    "tijian-jvm": ("Tijian · JVM", [
        panel("Heap used", 'sum by (service) (jvm_memory_used_bytes{area="heap"})', "bytes"),
        panel("Heap max", 'sum by (service) (jvm_memory_max_bytes{area="heap"})', "bytes"),
        panel("GC pause time / s", 'sum by (service) (rate(jvm_gc_pause_seconds_sum[5m]))', "s"),
        panel("Live threads", 'sum by (service) (jvm_threads_live_threads)'),
        panel("Process CPU", 'max by (service) (process_cpu_usage)', "percentunit"),
        panel("Uptime", 'max by (service) (process_uptime_seconds)', "s"),
    ]),
    "tijian-rectification": ("Tijian · 整治 rectification", [
        panel("Open problems by class and unit 未整改", 'sum by (class, unit) (tijian_ledger_problems_by_unit{state="open"})', kind="table", width=8),
        panel("Overdue problems by class and unit 已逾期", 'sum by (class, unit) (tijian_ledger_problems_by_unit{state="overdue"})', kind="table", width=8),
        panel("Verified problems by class and unit 已核验", 'sum by (class, unit) (tijian_ledger_problems_by_unit{state="verified"})', kind="table", width=8),
        panel("Problems by class and status", 'sum by (class, status) (tijian_ledger_problems)'),
        panel("Overdue open problems", 'max(tijian_ledger_problems_overdue)', kind="stat"),
        panel("Problems opened / s by class", 'sum by (class) (rate(tijian_ledger_problems_identified_total[5m]))', "ops"),
        panel("Projects by status", 'sum by (status) (tijian_projects_projects)'),
        panel("Investment of the library (万元)", 'max(tijian_projects_investment_total_wan_yuan)', kind="stat"),
    ]),
    "tijian-data-intake-service": ("Tijian · " + SERVICES["data-intake-service"], [
        panel("Batches by status and kind", 'sum by (status, kind) (tijian_intake_batches_total{service="data-intake-service"})'),
        panel("Batches running", 'sum(tijian_intake_batches_running{service="data-intake-service"})'),
        panel("Rows / s by outcome", 'sum by (outcome) (rate(tijian_intake_rows_total{service="data-intake-service"}[5m]))', "ops"),
        panel("Rejected rows by error code", 'sum by (code) (tijian_intake_rows_rejected_total{service="data-intake-service"})'),
        panel("Mean batch duration", 'sum by (kind) (rate(tijian_intake_batch_duration_seconds_sum{service="data-intake-service"}[5m])) / sum by (kind) (rate(tijian_intake_batch_duration_seconds_count{service="data-intake-service"}[5m]))', "s"),
    ] + common_panels("data-intake-service")),
    "tijian-evaluation-service": ("Tijian · " + SERVICES["evaluation-service"], [
        panel("Observations consumed / s by kind", 'sum by (kind) (rate(tijian_evaluation_observations_consumed_total{service="evaluation-service"}[5m]))', "ops"),
        panel("Results published by verdict", 'sum by (verdict) (tijian_evaluation_results_published_total{service="evaluation-service"})'),
        panel("Recomputations / s", 'sum(rate(tijian_evaluation_recomputations_total{service="evaluation-service"}[5m]))', "ops"),
        panel("Latency input → result (p50, p95, p99)", 'max by (quantile) (tijian_evaluation_latency_seconds{service="evaluation-service"})', "s"),
    ] + common_panels("evaluation-service")),
    "tijian-ledger-service": ("Tijian · " + SERVICES["ledger-service"], [
        panel("Problems identified by class", 'sum by (class) (tijian_ledger_problems_identified_total{service="ledger-service"})'),
        panel("Problems by class and status", 'sum by (class, status) (tijian_ledger_problems{service="ledger-service"})'),
        panel("Overdue open problems", 'max(tijian_ledger_problems_overdue{service="ledger-service"})'),
    ] + common_panels("ledger-service")),
    "tijian-project-library-service": ("Tijian · " + SERVICES["project-library-service"], [
        panel("Project changes by action", 'sum by (action) (tijian_projects_changes_total{service="project-library-service"})'),
        panel("Projects by status and type", 'sum by (status, type) (tijian_projects_projects{service="project-library-service"})'),
        panel("Investment (万元)", 'max(tijian_projects_investment_total_wan_yuan{service="project-library-service"})'),
    ] + common_panels("project-library-service")),
}


def grafana_panel(p, index, x, y):
    targets = [{"datasource": {"type": "prometheus", "uid": "prometheus"}, "expr": e, "refId": chr(65 + i),
                "legendFormat": p["legend"] or "__auto"} for i, e in enumerate(p["exprs"])]
    result = {"id": index + 1, "title": p["title"], "type": p["type"],
              "datasource": {"type": "prometheus", "uid": "prometheus"},
              "gridPos": {"h": p["h"], "w": p["w"], "x": x, "y": y},
              "fieldConfig": {"defaults": {"unit": p["unit"]}, "overrides": []},
              "options": {}, "targets": targets}
    if p["type"] == "table":
        for t in targets:
            t["instant"] = True
            t["format"] = "table"
    return result


def dashboard(uid, title, panels):
    x = y = row_height = 0
    out = []
    for i, p in enumerate(panels):
        if x + p["w"] > 24:
            x, y = 0, y + row_height
            row_height = 0
        out.append(grafana_panel(p, i, x, y))
        x += p["w"]
        row_height = max(row_height, p["h"])
    return {"uid": uid, "title": title, "tags": ["tijian"], "timezone": "browser", "schemaVersion": 39,
            "version": 1, "editable": True, "refresh": "30s", "time": {"from": "now-1h", "to": "now"},
            "templating": {"list": []}, "annotations": {"list": []}, "panels": out}


for uid, (title, panels) in DASHBOARDS.items():
    (OUT / f"{uid}.json").write_text(json.dumps(dashboard(uid, title, panels), ensure_ascii=False, indent=2) + "\n",
                                     encoding="utf-8")
