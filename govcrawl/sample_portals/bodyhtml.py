"""Render a report body (list of blocks) as the HTML an editor of each kind leaves behind."""
from __future__ import annotations

from .model import Block, Table
from .tables import render_table
from .textutil import cn_punct, esc

_MSO_P = ('<p class="MsoNormal" style="text-indent:32.0pt;line-height:28.0pt;mso-line-height-rule:exactly">'
          '<span style="font-size:16.0pt;font-family:仿宋_GB2312">{}</span></p>')
_MSO_H = ('<p class="MsoNormal" style="text-indent:32.0pt;line-height:28.0pt;mso-line-height-rule:exactly">'
          '<span style="font-size:16.0pt;font-family:黑体">{}</span></p>')
_MSO_C = ('<p class="MsoNormal" align="center" style="text-align:center;line-height:28.0pt">'
          '<b><span style="font-size:18.0pt;font-family:方正小标宋简体">{}</span></b></p>')

FLAVORS = {
    # flavor: (paragraph, heading, centred heading, table flavor)
    "mso": (_MSO_P, _MSO_H, _MSO_C, "mso"),
    "editor": ('<p style="text-indent: 2em; text-align: justify;">{}</p>',
               '<p style="text-indent: 2em; text-align: justify;"><strong>{}</strong></p>',
               '<p style="text-align: center;"><strong>{}</strong></p>', "plain"),
    "trs": ('<p style="TEXT-JUSTIFY: inter-ideograph; TEXT-ALIGN: justify; TEXT-INDENT: 2em">{}</p>',
            '<p style="TEXT-INDENT: 2em"><strong>{}</strong></p>',
            '<p style="TEXT-ALIGN: center"><strong>{}</strong></p>', "mso"),
    "plain": ("<p>　　{}</p>", "<p>　　<strong>{}</strong></p>", '<p align="center"><b>{}</b></p>', "plain"),
}


def render_blocks(blocks: list[Block], flavor: str = "editor") -> str:
    para, head, centre, table_flavor = FLAVORS[flavor]
    out = []
    for kind, payload in blocks:
        if kind == "table":
            assert isinstance(payload, Table)
            out.append(render_table(payload, table_flavor))
        elif kind == "html":
            out.append(str(payload))
        elif kind == "line":
            out.append(para.format(esc(str(payload))) if str(payload).strip() else para.format(""))
        elif kind == "link":
            href, text = payload  # type: ignore[misc]
            out.append(f'<p><a href="{esc(href)}" target="_blank">{esc(text)}</a></p>')
        else:
            template = {"p": para, "h": head, "center": centre}[kind]
            out.append(template.format(esc(cn_punct(str(payload)))))
    return "\n".join(out)
