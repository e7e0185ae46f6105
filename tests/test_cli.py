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


def _quiet_failure(proc, words: str) -> None:
    assert proc.returncode != 0
    assert proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in proc.stderr and words in lines[0], proc.stderr


def test_bad_input_to_extract_is_one_line_and_a_non_zero_exit(tmp_path):
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    binary = tmp_path / "blob.bin"
    binary.write_bytes(bytes(range(256)) * 40)
    fake_pdf = tmp_path / "report.pdf"
    fake_pdf.write_bytes(b"%PDF-1.4 not really a pdf")
    before = sorted(p.name for p in tmp_path.iterdir())
    _quiet_failure(run("extract", str(empty)), "empty file")
    _quiet_failure(run("extract", str(binary)), "not a page or a readable document")
    _quiet_failure(run("extract", str(fake_pdf)), "not a page or a readable document")
    _quiet_failure(run("extract", str(tmp_path)), "not a file")
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # nothing written beside the input


def test_bad_input_to_eval_is_one_line_and_a_non_zero_exit(tmp_path):
    _quiet_failure(run("eval", "/nonexistent"), "no such directory")
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    _quiet_failure(run("eval", str(tmp_path / "a.txt")), "not a directory")
    _quiet_failure(run("eval", str(tmp_path)), "no labelled pages")


def test_extract_keeps_a_pointer_body_and_finds_its_attachment(tmp_path):
    page = tmp_path / "shell.html"
    page.write_text(
        "<html><head><meta charset='utf-8'><title>沭阳县发改局2020年度政府信息公开工作年度报告-沭阳县发改局</title></head><body>"
        "<div class='nav'><a href='/'>首页</a><a href='/xxgk/'>信息公开</a></div>"
        "<div class='right'><h1>沭阳县发改局2020年度政府信息公开工作年度报告</h1><div>发布日期：2021-01-08 来源：</div>"
        "<div class='TRS_Editor'><p>详请见附件</p></div>"
        "<div>附件：<a href='./P020210108586100144513.pdf'>2021-01-08</a></div></div>"
        "<div class='footer'>版权所有：沭阳县人民政府</div></body></html>", encoding="utf-8")
    proc = run("extract", str(page), "--url", "http://www.shuyang.gov.cn/syfgj/ndbg/202101/t20210108_1.html")
    assert proc.returncode == 0, proc.stderr
    record = json.loads(proc.stdout)
    assert record["title"] == "沭阳县发改局2020年度政府信息公开工作年度报告"
    assert record["body_text"] == "详请见附件" and record["is_shell"] is True
    assert [a["url"] for a in record["attachments"]] == [
        "http://www.shuyang.gov.cn/syfgj/ndbg/202101/P020210108586100144513.pdf"]
    assert record["is_annual_report"] and record["report_year"] == 2020
    assert record["publisher"] == "沭阳县发改局"
