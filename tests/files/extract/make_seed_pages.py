"""Build the seed-style detail pages in this folder from /work/shared/seeds/*.txt.

Each page wraps a seed report's text in the page furniture of the portal style it came from
(navigation, breadcrumb, metadata block, share/print bars, hidden copies, scripts, footer), in the
encoding such portals use. Run once; the generated .html files are committed as fixtures."""
from __future__ import annotations

import html
import os
import sys

SEEDS = os.environ.get("SEEDS_DIR", "/work/shared/seeds")
HERE = os.path.dirname(os.path.abspath(__file__))


def esc(s: str) -> str:
    return html.escape(s, quote=False)


def paragraphs(lines: list[str]) -> str:
    """Text lines -> <p> paragraphs; runs of ' | ' lines -> <table> rows."""
    out: list[str] = []
    table: list[str] = []

    def flush() -> None:
        if table:
            rows = "".join("<tr>" + "".join(f"<td>{esc(c.strip())}</td>" for c in r.split("|")) + "</tr>" for r in table)
            out.append(f'<table border="1" cellspacing="0" class="MsoNormalTable"><tbody>{rows}</tbody></table>')
            table.clear()

    for ln in lines:
        if " | " in ln or ln.rstrip().endswith("|"):
            table.append(ln.rstrip().rstrip("|"))
            continue
        flush()
        if ln.strip():
            out.append(f'<p style="text-indent:2em;"><span style="font-family:仿宋_GB2312;">{esc(ln.strip())}</span></p>')
    flush()
    return "\n".join(out)


NAV = """<div class="top"><a href="/">首页</a> <a href="/col/col1/index.html">政务公开</a> <a href="/col/col2/index.html">政务服务</a>
<a href="/col/col3/index.html">互动交流</a> <a href="/col/col4/index.html">走进{place}</a></div>
<div class="search"><form action="/search"><input type="text" name="q" value="请输入关键字"><button>搜索</button></form></div>"""
FOOTER = """<div class="footer"><p>主办单位：{place}人民政府办公室　承办：{place}大数据发展中心</p>
<p>网站标识码：{sid}　<a href="https://beian.miit.gov.cn/">浙ICP备05012345号</a>　<a href="/sitemap.html">网站地图</a></p></div>"""


def seed_lines(name: str) -> list[str]:
    path = [f for f in os.listdir(SEEDS) if f.startswith(name)][0]
    with open(os.path.join(SEEDS, path), encoding="utf-8") as f:
        return f.read().split("\n")


def page_003() -> bytes:
    """Zhejiang Hanweb 信息公开 page: table.xxgk, title, #zoom body with ZJEG_RSS markers."""
    lines = seed_lines("003")
    body = lines[4:lines.index("打印本页 关闭窗口 |")]
    title = lines[3]
    doc = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<meta name="SiteName" content="台州市路桥区人民政府"><meta name="SiteDomain" content="www.luqiao.gov.cn">
<meta name="SiteIDCode" content="3310040001"><meta name="ColumnName" content="政府信息公开年报">
<meta name="ColumnType" content="信息公开"><meta name="Maketime" content="2024-01-12 16:20:33">
<title>{esc(title)}</title><script src="/module/jslib/jquery/jquery.js"></script></head><body>
{NAV.format(place="路桥")}
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/col/col1229566/index.html">政府信息公开</a> &gt; 政府信息公开年报</div>
<table class="xxgk" width="100%" border="1">
<tr><td class="xxgk_tit">索引号:</td><td>001008010003/2024-158571</td><td class="xxgk_tit">公开方式:</td><td>主动公开</td></tr>
<tr><td class="xxgk_tit">发布机构:</td><td>路桥区府办</td><td class="xxgk_tit">公开日期:</td><td>2024-01-12</td></tr>
<tr><td class="xxgk_tit">有效性</td><td></td><td class="xxgk_tit">文件编号</td><td></td></tr>
</table>
<div class="article"><h1 class="title">{esc(title)}</h1>
<div id="zoom"><!--ZJEG_RSS.content.begin--><meta name="ContentStart">
<p style="text-align:center"><strong>{esc(body[0])}</strong></p><p style="text-align:center"><strong>{esc(body[1])}</strong></p>
{paragraphs(body[2:])}
<meta name="ContentEnd"><!--ZJEG_RSS.content.end--></div>
<div class="bt_link"><a href="javascript:window.print()">打印本页</a> <a href="javascript:window.close()">关闭窗口</a></div></div>
<script>var i_webid = 'jcms_files'; var i_columnid = 1229566;</script>
{FOOTER.format(place="路桥区", sid="3310040001")}</body></html>"""
    return doc.encode("utf-8")


def page_001() -> bytes:
    """Old county CMS in GB2312: layout tables, breadcrumb, '来源: 作者: 编辑: 点击:' line."""
    lines = seed_lines("001")
    title = lines[2]
    body = [ln for ln in lines[6:]]
    doc = f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>{esc(title)}-庆阳市西峰区人民政府</title></head><body>
<table width="1000" align="center"><tr><td>{NAV.format(place="西峰")}</td></tr></table>
<table width="1000" align="center"><tr><td width="240" valign="top" class="left">
<ul><li><a href="/xxgk/zn/">政府信息公开指南</a></li><li><a href="/xxgk/zd/">政府信息公开制度</a></li>
<li><a href="/xxgk/nb/">信息公开年度报告</a></li><li><a href="/xxgk/fd/">法定主动公开内容</a></li></ul></td>
<td valign="top"><div class="dqwz">{esc(lines[0])}</div>
<table width="100%"><tr><td align="center" class="biaoti">{esc(title)}</td></tr>
<tr><td align="center" class="sj">{esc(lines[4])}<script>document.write(hits)</script></td></tr>
<tr><td class="nr">{paragraphs(body)}</td></tr>
<tr><td align="right"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></td></tr></table>
</td></tr></table>
<div class="footer"><p>版权所有：庆阳市西峰区人民政府 技术支持：西峰区信息中心</p><p>陇ICP备05001234号</p></div>
</body></html>"""
    return doc.encode("gb18030")


def page_002() -> bytes:
    """Traditional-Chinese variant of a TRS page (server-side conversion with pinyin glosses)."""
    lines = seed_lines("002")
    title = "五原縣民政局2020年政府信息公開(kāi)工作年度報(bào)告"
    doc = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{esc(title)}_五原縣人民政府</title>
<meta name="ArticleTitle" content="{esc(title)}"><meta name="PubDate" content="2021-01-20 10:12">
<meta name="ContentSource" content="五原縣民政局"><meta name="SiteIDCode" content="1508210001"></head><body>
<div class="header"><a href="/">首頁(yè)</a> <a href="/zwgk/">政務(wù)公開(kāi)</a> <a href="javascript:;" class="jt">簡(jiǎn)體版</a></div>
<div class="crumb">您現(xiàn)在的位置：<a href="/">首頁(yè)</a> &gt; <a href="/zwgk/">政務(wù)公開(kāi)</a> &gt; 年度報(bào)告</div>
<div class="detail"><h2>{esc(title)}</h2>
<div class="info"><span>發(fā)布時(shí)間：2021-01-20</span> <span>來(lái)源：五原縣民政局</span></div>
<div class="TRS_Editor">{paragraphs(lines)}</div>
<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a></div></div>
<div class="footer">主辦：五原縣人民政府辦公室</div></body></html>"""
    return doc.encode("utf-8")


def page_004() -> bytes:
    """Township page on a county portal, GBK bytes with no charset declaration, 统计表 table."""
    lines = seed_lines("004")
    title = lines[0]
    k = lines.index("政府信息公开情况统计表")
    text_part = lines[3:k]
    stats = lines[k + 1:]
    head = [ln for ln in stats[:4] if ln.strip()]
    cells = stats[4:]
    rows = []
    for i in range(0, len(cells), 3):
        chunk = cells[i:i + 3] + [""] * (3 - len(cells[i:i + 3]))
        rows.append("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in chunk) + "</tr>")
    table = (f'<p align="center"><b>政府信息公开情况统计表</b></p>' + "".join(f"<p align=center>{esc(h)}</p>" for h in head)
             + '<table border="1" cellspacing="0" cellpadding="0">' + "".join(rows) + "</table>")
    doc = f"""<html><head><title>{esc(title)}</title></head><body>
<div class="top">舟山市定海区金塘管委会 <a href="/">首页</a> <a href="/xxgk/">信息公开</a></div>
<div class="main"><div class="con_title">{esc(title)}</div>
<div class="con_info">{esc(lines[1])}</div>
<div class="con_text" id="detailContent">{paragraphs(text_part)}{table}</div>
<div style="display:none" class="copy">{esc(title)}（隐藏副本）</div>
<div class="con_tool">【<a href="javascript:window.print()">打印</a>】【<a href="javascript:window.close()">关闭</a>】</div></div>
<div class="footer">舟山市定海区金塘管委会 版权所有</div></body></html>"""
    return doc.replace("\xa0", "&nbsp;").encode("gbk")


def page_000() -> bytes:
    """Shandong county portal page for a 街道 report with 2019-template tables (TRS)."""
    lines = seed_lines("000")
    title = "水泊街道2019年政府信息公开工作年度报告"
    doc = f"""<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{esc(title)}-梁山县人民政府</title><meta name="SiteIDCode" content="3708320001">
<meta name="ColumnName" content="政府信息公开年报"></head><body>
{NAV.format(place="梁山")}
<div class="xxgk_table"><table>
<tr><th>索 引 号</th><td>11370832004329321X/2020-0000123</td><th>发布机构</th><td>水泊街道</td></tr>
<tr><th>发文日期</th><td>2020-01-15</th><th>主题分类</th><td>年度报告</td></tr>
<tr><th>名　　称</th><td>{esc(title)}</td><th>文　　号</th><td></td></tr></table></div>
<div class="article"><h1>{esc(title)}</h1><div class="time">发布日期：2020-01-15 来源：水泊街道</div>
<div class="view TRS_UEDITOR trs_paper_default trs_web">{paragraphs(lines)}</div>
<div id="fjlist"><p>附件：<a href="/module/download/downfile.jsp?classid=0&amp;filename=2001151034123.pdf">水泊街道2019年政府信息公开工作年度报告.pdf</a></p></div>
</div>{FOOTER.format(place="梁山县", sid="3708320001")}</body></html>"""
    return doc.encode("utf-8")


PAGES = {
    "seed000_sd_trs_2019_tables.html": page_000,
    "seed001_gs_oldcms_gb2312.html": page_001,
    "seed002_nmg_traditional_pinyin.html": page_002,
    "seed003_zj_hanweb_xxgk.html": page_003,
    "seed004_zj_township_nocharset_gbk.html": page_004,
}

if __name__ == "__main__":
    out = sys.argv[1] if len(sys.argv) > 1 else HERE
    for name, fn in PAGES.items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(fn())
        print(name)
