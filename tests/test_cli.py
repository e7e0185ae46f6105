"""The govcrawl command as a user runs it."""
import json
import subprocess
import sys

from tests.helpers import REALPAGES

GOVCRAWL = [sys.executable, "-m", "govcrawl.cli"]
KEYS = {"title", "publisher", "index_no", "doc_no", "published_date", "written_date", "topic",
        "report_year", "is_annual_report", "body_text", "attachments", "stats", "checks"}


def run(*args):
    return subprocess.run(GOVCRAWL + list(args), capture_output=True, text=True, timeout=120)


def test_extract_prints_one_json_object_with_tables():
    proc = run("extract", str(REALPAGES / "pingtan_2024_zfxxgk_ndbg_trs.html"),
               "--url", "https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/202503/t20250310_97791.htm")
    assert proc.returncode == 0, proc.stderr
    record = json.loads(proc.stdout)
    assert KEYS <= set(record) and "body_html" not in record
    assert record["report_year"] == 2024 and record["is_annual_report"] is True
    new_total = [c for c in record["stats"] if (c["table"], c["row"], c["column"]) == ("applications", "new", "total")]
    assert len(new_total) == 1 and new_total[0]["value"] is not None
    assert not [c for c in record["checks"] if c["status"] == "fail"]


def test_extract_reads_a_report_published_as_pdf(tmp_path):
    from govcrawl.sample_portals.pdfgen import report_pdf  # the replicas' own PDF maker

    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(report_pdf("五原县民政局2019年政府信息公开工作年度报告",
                               [("p", "本报告中所列数据的统计期限自2019年1月1日起至2019年12月31日止。")] * 5,
                               "五原县民政局"))
    proc = run("extract", str(pdf), "--url", "http://www.wuyuan.gov.cn/x/P0201.pdf")
    assert proc.returncode == 0, proc.stderr
    record = json.loads(proc.stdout)
    assert record["report_year"] == 2019 and "统计期限" in record["body_text"]


def test_extract_missing_file_is_a_clear_error():
    proc = run("extract", "/nonexistent/page.html")
    assert proc.returncode == 2 and "no such file" in proc.stderr


def test_eval_prints_per_field_accuracy_and_a_summary():
    proc = run("eval", str(REALPAGES))
    assert proc.returncode == 0, proc.stderr
    assert "report_year" in proc.stdout and "SUMMARY" in proc.stdout.splitlines()[-1]


def test_crawl_rejects_unknown_spider():
    proc = run("crawl", "nosuchportal")
    assert proc.returncode == 2 and "unknown spider" in proc.stderr
