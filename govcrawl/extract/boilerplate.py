"""Line-level boilerplate of portal pages: breadcrumbs, 来源/编辑/点击 lines, print/close buttons,
font-size switches, share bars, 责任编辑 lines. Shared by body extraction and normalize."""
from __future__ import annotations

import re

_S = r"[\s\u3000\xa0]*"
_PATTERNS = [
    # breadcrumbs: 首页 >> 政府信息公开 >> … >> 正文, 当前位置：首页 > …
    rf"^{_S}(当前位置|您的位置|您当前的位置|您现在的位置|现在位置|所在位置|位置){_S}[:：]",
    rf"^{_S}首{_S}页{_S}(>|＞|»|›|/|\||→|>>)",
    r"(>>|＞＞|»|>|＞|›)\s*正\s*文\s*$",
    # 来源/作者/编辑/点击 line (short)
    rf"^{_S}(\d{{4}}[-/年.]\d{{1,2}}[-/月.]\d{{1,2}}日?[\s\d:：]*)?{_S}(信息来源|文章来源|来源|作者|编辑|点击|浏览次数|阅读次数|访问量|发布者|发布人){_S}[:：].{{0,40}}(作者|编辑|点击|浏览|阅读|字号|字体|记者|通讯员|摄影){_S}[:：]",
    rf"^{_S}[（(【\[]?{_S}(责任编辑|编辑|审核|校对|初审|复审|终审|责编|网站编辑){_S}[:：][^。]{{0,30}}[）)】\]]?{_S}$",
    # print / close / font size / share
    r"(打印本页|打印此页|打印页面|关闭窗口|关闭本页|关闭页面|【\s*打印\s*】|【\s*关闭\s*】|\[\s*打印\s*\]|\[\s*关闭\s*\])",
    rf"(【|\[){_S}字{_S}(体|号){_S}[:：]?{_S}(大|【?大)",
    rf"^{_S}(字体|字号){_S}[:：]?{_S}[\[【]?{_S}大{_S}[\]】]?{_S}[\[【]?{_S}中{_S}[\]】]?{_S}[\[【]?{_S}小",
    rf"^{_S}分享到{_S}[:：]?",
    r"^扫一扫在手机(上)?(打开|查看)当前页",
    r"^(上一篇|下一篇)\s*[:：]",
    r"^(版权所有|主办单位|承办单位|主办|承办|技术支持|网站标识码|联系我们|网站地图)\s*[:：]?",
    r"[京津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤琼川贵云陕甘青蒙桂藏宁新]ICP备",
    r"^【?(收藏|打印|关闭|返回顶部|回到顶部)】?(\s*【?(收藏|打印|关闭|返回顶部)】?)*$",
]
_RE = [re.compile(p) for p in _PATTERNS]


def is_boilerplate_line(line: str) -> bool:
    """True for a short page-furniture line that is never part of a document's text."""
    s = line.strip()
    if not s:
        return True
    if len(s) > 120:
        return False
    return any(r.search(s) for r in _RE)


# A bare label left at the end of an article container by an empty attachment / related-links block.
_TRAILING_LABEL = re.compile(
    rf"^{_S}(附{_S}件|相关附件|附件下载|相关文章|相关链接|相关阅读|相关新闻|相关信息|相关稿件){_S}[:：]?{_S}$")


def strip_boilerplate(text: str) -> str:
    """Drop boilerplate lines, and bare labels of empty blocks at the end; keep the rest in order."""
    lines = [ln for ln in text.split("\n") if not is_boilerplate_line(ln)]
    while lines and _TRAILING_LABEL.match(lines[-1]):
        lines.pop()
    return "\n".join(lines)
