"""Generated bodies for the report years and look-alike documents that have no seed.

Wording follows the official structure (six sections since 2019, the older 统计表 era before)
with a few phrasing variants picked by a seeded RNG, so each replica is stable between runs.
"""
from __future__ import annotations

import random

from .model import Block
from .stats import YearStats

FORMAT_NOTICE = {"2019": "国办公开办函〔2019〕60号", "2021": "国办公开办函〔2021〕30号"}


def _rng(*parts) -> random.Random:
    return random.Random(":".join(str(p) for p in parts))


def _pick(rng: random.Random, options: list[str]) -> str:
    return rng.choice(options)


def report_blocks(org: str, year: int, st: YearStats, leaders: str, channel: str, tables: list[Block]) -> list[Block]:
    """A six-section report on the 2019 or 2021 template; `tables` prints sections 二 to 四 (the three
    statistical tables with their headings, or a pointer to the attachment holding them)."""
    rng = _rng(org, year)
    t = st.template
    apps = st.applications
    new_total, handled = apps["new"][6], apps["handled_total"][6]
    granted = apps["granted"][6] + apps["partly_granted"][6]
    blocks: list[Block] = [
        ("p", f"本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《国务院办公厅政府信息与政务公开办公室"
              f"关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（{FORMAT_NOTICE[t]}）要求编制。"
              "全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、"
              "存在的主要问题及改进情况、其他需要报告的事项。本报告所列数据的统计期限自"
              f"{year}年1月1日起至{year}年12月31日止。"),
        ("h", "一、总体情况"),
        ("p", f"{year}年，{org}在{leaders}的领导下，" + _pick(rng, [
            "认真贯彻落实《条例》和上级关于政务公开工作的部署要求，以公开促落实、促规范、促服务，政府信息公开工作取得新成效。",
            "坚持以公开为常态、不公开为例外，围绕中心工作深化政务公开，切实保障人民群众的知情权、参与权、表达权和监督权。",
            "紧扣年度政务公开工作要点，健全工作机制，规范公开流程，不断提升政务公开质量和实效。"])),
        ("p", f"（一）主动公开。全年通过{channel}等渠道主动公开政府信息{st.published_items}条，其中政府网站发布"
              f"{st.website_items}条，涵盖机构职能、政策文件、财政预决算、重点领域信息等内容。"),
        ("p", f"（二）依申请公开。全年共收到政府信息公开申请{new_total}件，上年结转{apps['carried_in'][6]}件，"
              f"办结{handled}件，其中予以公开或部分公开{granted}件，结转下年度继续办理{apps['carried_out'][6]}件，"
              "均在法定期限内答复。"),
        ("p", "（三）政府信息管理。" + _pick(rng, [
            "严格落实信息发布前保密审查和“三审三校”制度，动态调整政府信息公开目录，及时清理过期失效信息。",
            "建立信息发布审核台账，规范公开属性源头认定，做好规范性文件统一登记和公开。"])),
        ("p", "（四）平台建设。" + _pick(rng, [
            "按照政府网站集约化建设要求，优化政府信息公开专栏，完善政府信息公开指南、政府信息公开制度、法定主动公开内容和政府信息公开年报等栏目。",
            "持续加强政府网站和政务新媒体建设，做好栏目日常维护，提升信息发布的及时性和准确性。"])),
        ("p", "（五）监督保障。明确分管领导和专人负责政务公开工作，将政务公开纳入年度考核，"
              f"全年组织业务培训{rng.randint(1, 4)}次。"),
        *tables,
        ("h", "五、存在的主要问题及改进情况"),
        ("p", f"{year}年，{org}政府信息公开工作取得一定成效，但仍存在一些不足：" + _pick(rng, [
            "一是公开内容的深度和广度有待拓展；二是政策解读形式较为单一；三是工作人员业务能力有待进一步提升。",
            "一是部分栏目更新不够及时；二是主动回应社会关切的力度不够；三是基层政务公开标准化规范化水平有待提高。"])),
        ("p", f"{year + 1}年，我们将进一步加强组织领导，完善工作机制，丰富解读形式，加强业务培训，"
              "推动政府信息公开工作再上新台阶。"),
        ("h", "六、其他需要报告的事项"),
    ]
    if t == "2021":
        blocks.append(("p", f"本年度未收取政府信息公开信息处理费。{org}无其他需要报告的事项。"))
    else:
        blocks.append(("p", "无。"))
    return blocks


def legacy_report_blocks(org: str, year: int, st: YearStats, leaders: str, tables: list[Block]) -> list[Block]:
    """A pre-2019 report: narrative sections, closed by the 统计表 when `tables` prints one."""
    rng = _rng("legacy", org, year)
    apps_new = st.applications["new"][6]
    blocks: list[Block] = [
        ("p", f"根据《中华人民共和国政府信息公开条例》（以下简称《条例》）规定，现公布{org}{year}年度政府信息公开工作年度报告。"
              "本报告由概述，主动公开政府信息情况，依申请公开政府信息情况，政府信息公开的收费及减免情况，"
              "因政府信息公开申请行政复议、提起行政诉讼的情况，政府信息公开工作存在的主要问题及改进情况等部分组成。"
              f"本报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。"),
        ("h", "一、概述"),
        ("p", f"{year}年，{org}在{leaders}的正确领导下，" + _pick(rng, [
            "认真贯彻落实《条例》，把政府信息公开作为转变职能、建设服务型政府的重要抓手，不断拓展公开领域，规范公开程序。",
            "围绕年度政务公开工作要点，加强组织领导，完善制度建设，扎实推进政府信息公开工作。"])),
        ("h", "二、主动公开政府信息情况"),
        ("p", f"全年共主动公开政府信息{st.published_items}条，其中通过政府网站公开{st.website_items}条，"
              f"回应公众关注热点{rng.randint(1, 20)}次。"),
        ("h", "三、依申请公开政府信息情况"),
        ("p", f"全年共受理政府信息公开申请{apps_new}件，均已按期答复。" if apps_new else
              "全年未收到政府信息公开申请。"),
        ("h", "四、政府信息公开的收费及减免情况"),
        ("p", "本年度未收取任何政府信息公开费用。"),
        ("h", "五、因政府信息公开申请行政复议、提起行政诉讼的情况"),
        ("p", "本年度未发生因政府信息公开申请行政复议、提起行政诉讼的情况。"),
        ("h", "六、政府信息公开工作存在的主要问题及改进情况"),
        ("p", "我们的政府信息公开工作还存在公开内容不够全面、更新不够及时等问题。下一步将进一步健全工作机制，"
              "加强人员培训，提高政府信息公开工作水平。"),
    ]
    return blocks + list(tables)


def workpoints_blocks(org: str, year: int) -> list[Block]:
    return [
        ("p", f"为深入贯彻落实党中央、国务院和省、市关于全面推进政务公开工作的部署要求，结合工作实际，现将{org}{year}年政务公开工作要点通知如下。"),
        ("h", "一、深化重点领域信息公开"),
        ("p", "围绕优化营商环境、乡村振兴、社会救助、生态环境等重点领域，及时准确公开政策文件和执行情况。"),
        ("h", "二、加强政策解读和回应关切"),
        ("p", "坚持政策文件与解读材料同步组织、同步审签、同步部署，多用图表图解、音频视频等形式解读政策。"),
        ("h", "三、规范政府信息公开工作"),
        ("p", f"严格执行《条例》，规范依申请公开办理，按时编制发布{year - 1}年政府信息公开工作年度报告。"),
        ("h", "四、强化组织保障"),
        ("p", "各单位要明确分管领导和工作人员，细化任务分工，确保各项工作要点落实到位。"),
    ]


def annual_report_letter_blocks(issuer: str, year: int) -> list[Block]:
    """A 函/通知 about compiling the annual reports: mentions them, but is not one."""
    return [
        ("p", "各乡镇（街道）、各部门："),
        ("p", f"根据《中华人民共和国政府信息公开条例》第四十九条、第五十条规定，为做好{year}年度政府信息公开工作年度报告"
              "编制和发布工作，现将有关事项通知如下："),
        ("p", f"一、各单位要按照国务院办公厅政府信息与政务公开办公室规定的统一格式，于{year + 1}年1月31日前"
              "向社会公布本单位上一年度政府信息公开工作年度报告。"),
        ("p", "二、年度报告应当包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、"
              "政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项等内容，数据要真实准确。"),
        ("p", "三、年度报告发布后，请将报告链接报送至本级政务公开工作主管部门备案。"),
        ("p", issuer),
    ]


def budget_blocks(org: str, year: int, amount: float) -> list[Block]:
    return [
        ("p", f"根据预算公开工作要求，现将{org}{year}年部门预算公开如下："),
        ("h", "一、部门基本情况"),
        ("p", f"{org}负责本辖区相关行政管理和公共服务工作，内设机构和人员编制按批复执行。"),
        ("h", "二、收支预算总体情况"),
        ("p", f"{year}年收入预算{amount:.2f}万元，支出预算{amount:.2f}万元，收支平衡。"),
        ("h", "三、“三公”经费预算情况"),
        ("p", f"{year}年“三公”经费预算较上年有所下降，主要是厉行节约、压减一般性支出。"),
    ]


def guide_blocks(org: str, address: str) -> list[Block]:
    return [
        ("p", f"为更好地提供政府信息公开服务，根据《中华人民共和国政府信息公开条例》，编制{org}政府信息公开指南。"),
        ("h", "一、主动公开"),
        ("p", "主动公开的政府信息通过政府网站政府信息公开专栏、政务新媒体和公开查阅点等途径公开。"),
        ("h", "二、依申请公开"),
        ("p", "公民、法人或者其他组织可以通过当面、邮寄或网上提交等方式申请获取政府信息。"),
        ("h", "三、受理机构"),
        ("p", f"受理机构：{org}政务公开工作办公室；办公地址：{address}。"),
    ]


def rules_blocks(org: str) -> list[Block]:
    return [
        ("p", f"为规范{org}政府信息公开工作，制定本制度。"),
        ("p", "第一条 政府信息公开工作实行主要领导负总责、分管领导具体抓、工作人员具体办的工作机制。"),
        ("p", "第二条 拟公开的政府信息发布前须经保密审查，确保不泄露国家秘密、商业秘密和个人隐私。"),
        ("p", "第三条 依申请公开应当在法定期限内答复，并建立办理台账。"),
    ]


def notice_blocks(org: str, subject: str) -> list[Block]:
    return [
        ("p", f"为做好{subject}相关工作，经研究，现将有关事项通知如下："),
        ("p", "一、提高思想认识，明确责任分工，确保工作有序推进。"),
        ("p", "二、加强协调配合，按时完成各项任务，重要情况及时报告。"),
        ("p", org),
    ]
