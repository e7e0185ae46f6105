"""Text helpers: seed loading, HTML escaping, Chinese punctuation and the traditional+gloss variant."""
from __future__ import annotations

import html
import re
from functools import lru_cache
from importlib import resources

SEED_FILES = {
    "000": "000_168270b2927a7f2f.txt",
    "001": "001_f0fa1c2612b109d1.txt",
    "002": "002_0728df078b1b9443.txt",
    "003": "003_80105b2af6c240b0.txt",
    "004": "004_609d1e7d69fac241.txt",
}

_CJK = r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”‘’《》、。]"
_FULLWIDTH = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}
_GLOSS = re.compile(r"([\u4e00-\u9fff])\(([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+)\)")


@lru_cache(maxsize=None)
def seed_text(seed: str) -> str:
    """The seed report's text as shipped with the package (copied from shared/seeds)."""
    return resources.files(__package__).joinpath("seeds").joinpath(SEED_FILES[seed]).read_text("utf-8")


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def cn_punct(text: str) -> str:
    """Turn ASCII punctuation next to Chinese text into the full-width forms a portal shows.

    The seeds are NFKC-folded; real pages carry （一） and ： — equal after NFKC.  Pinyin
    glosses like 據(jù) keep their ASCII brackets, as the converter that made them wrote them.
    """
    glosses: list[str] = []

    def keep(m: re.Match) -> str:
        glosses.append(m.group(0))
        return f"\x00{len(glosses) - 1}\x00"

    text = _GLOSS.sub(keep, text)
    out = []
    for i, ch in enumerate(text):
        if ch in _FULLWIDTH:
            before = text[i - 1] if i else ""
            after = text[i + 1] if i + 1 < len(text) else ""
            if re.match(_CJK, before or " ") or re.match(_CJK, after or " "):
                ch = _FULLWIDTH[ch]
        out.append(ch)
    text = "".join(out)
    return re.sub(r"\x00(\d+)\x00", lambda m: glosses[int(m.group(1))], text)


@lru_cache(maxsize=1)
def gloss_map() -> dict[str, str]:
    """Traditional character -> pinyin gloss, learned from seed 002 (the converter's own choices)."""
    return {m.group(1): m.group(2) for m in _GLOSS.finditer(seed_text("002"))}


@lru_cache(maxsize=1)
def _s2t():
    import opencc

    return opencc.OpenCC("s2t")


def to_glossed_traditional(text: str) -> str:
    """Simplified text -> the traditional variant with pinyin glosses that seed 002 shows."""
    trad = _s2t().convert(text)
    glosses = gloss_map()
    return "".join(f"{ch}({glosses[ch]})" if ch in glosses else ch for ch in trad)


def split_title(title: str, at: str) -> list[str]:
    """Split a heading after the marker, as the 路桥 page sets its two-line body heading."""
    i = title.find(at)
    return [title] if i < 0 else [title[: i + len(at)], title[i + len(at):]]
