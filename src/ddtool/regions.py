"""Regions within a country that set a floor of their own.

One region does: the Xinjiang Uyghur Autonomous Region (XUAR) of China. The US Department of
Labor ties 21 of the 31 goods it lists for China to forced labour there (sector_facts.csv,
F053), and the forced labour it names is organised by the state, whatever the good. So a
supplier in China that its region (or city) or its name places there is floored on forced
labour as a forced-labour listing floors it (Scorer._plain; methodology, section 3.5). It is
ddtool's rule, not a listing: the evidence says so.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from ddtool.profiles import exact_key, subdivision_countries

# the fact the floor rests on (its value, year and source are read from the risk data)
XUAR_FACT = "F053"
XUAR_NAME = "the Xinjiang Uyghur Autonomous Region (XUAR)"
# how a floor reason of the region begins (the flag, `explain`'s "region floor")
XUAR_REASON = f"located in {XUAR_NAME}"

# The region's names and its prefectures' and main cities' (pinyin, Uyghur spellings,
# older romanisations), and those of the Xinjiang Production and Construction Corps (XPCC,
# bingtuan) and its cities, as a region or city column writes them. Only for a supplier in
# China: Aksu and Altay are also places in Turkey, Kazakhstan or Russia.
_REGION_WORDS = (
    "xinjiang",
    "sinkiang",
    "xuar",
    "uyghur autonomous region",
    "uighur autonomous region",
    "east turkestan",
    "east turkistan",
    "cn xj",
    "cn 65",
    "urumqi",
    "wulumuqi",
    "kashgar",
    "kashi",
    "aksu",
    "akesu",
    "korla",
    "kuerle",
    "hotan",
    "khotan",
    "hetian",
    "shihezi",
    "turpan",
    "turfan",
    "tulufan",
    "hami",
    "kumul",
    "yining",
    "ghulja",
    "gulja",
    "ili",
    "yili",
    "karamay",
    "kelamayi",
    "changji",
    "bortala",
    "bole",
    "kuytun",
    "kuitun",
    "atush",
    "artux",
    "tumxuk",
    "tumushuke",
    "aral",
    "alar",
    "wujiaqu",
    "beitun",
    "kokdala",
    "huyanghe",
    "tacheng",
    "altay",
    "bayingolin",
    "kizilsu",
    "khorgos",
    "horgos",
    "korgas",
    # county-level cities, counties and industrial zones where polysilicon, silicon metal,
    # aluminium, coal chemicals and cotton are made (Zhundong, Ganquanbao, Wucaiwan; Shanshan
    # of Turpan, Kuqa of Aksu, Fukang of Changji, Wusu of Tacheng); not those whose name is
    # also a place elsewhere in China (Shawan, a district of Leshan in Sichuan; Qinghe of
    # Hebei; Baicheng of Jilin; Xinhe of Hebei; Yiwu of Zhejiang)
    "zhundong",
    "ganquanbao",
    "wucaiwan",
    "midong",
    "dabancheng",
    "shanshan",
    "piqan",
    "toksun",
    "tuokexun",
    "kuqa",
    "kuche",
    "xayar",
    "shaya",
    "awat",
    "awati",
    "onsu",
    "wensu",
    "kalpin",
    "keping",
    "fukang",
    "jimsar",
    "jimusaer",
    "qitai",
    "manas",
    "manasi",
    "hutubi",
    "wusu",
    "dushanzi",
    "alashankou",
    "huocheng",
    "qapqal",
    "chabuchaer",
    "nilka",
    "nileke",
    "tekes",
    "zhaosu",
    "gongliu",
    "barkol",
    "balikun",
    "yarkand",
    "shache",
    "kargilik",
    "yecheng",
    "karakax",
    "moyu",
    "lop county",
    "luopu",
    "pishan",
    "guma",
    "keriya",
    "yutian",
    "minfeng",
    "niya",
    "qiemo",
    "cherchen",
    "ruoqiang",
    "charkilik",
    "maralbexi",
    "bachu",
    "peyziwat",
    "jiashi",
    "yengisar",
    "yingjisha",
    "tashkurgan",
    "luntai",
    "bugur",
    "yanqi",
    "karasahr",
    "bohu",
    "burqin",
    "buerjin",
    "fuyun",
    "emin",
    "dorbiljin",
    "xpcc",
    "bingtuan",
    "production and construction corps",
)
# the same in Chinese characters (no word boundaries in Chinese text)
_REGION_HAN = (
    "新疆",
    "乌鲁木齐",
    "喀什",
    "阿克苏",
    "库尔勒",
    "和田",
    "石河子",
    "吐鲁番",
    "哈密",
    "伊宁",
    "伊犁",
    "克拉玛依",
    "昌吉",
    "博乐",
    "阿拉尔",
    "五家渠",
    "塔城",
    "阿勒泰",
    "准东",
    "甘泉堡",
    "五彩湾",
    "米东",
    "鄯善",
    "托克逊",
    "库车",
    "沙雅",
    "阿瓦提",
    "阜康",
    "吉木萨尔",
    "奇台",
    "玛纳斯",
    "呼图壁",
    "独山子",
    "阿拉山口",
    "霍尔果斯",
    "奎屯",
    "莎车",
    "叶城",
    "墨玉",
    "巴楚",
    "焉耆",
    "巴里坤",
    "霍城",
    "察布查尔",
    "图木舒克",
    "北屯",
    "可克达拉",
    "胡杨河",
    "阿图什",
    "兵团",
)
# a name places a supplier there only by the region's own name or the XPCC's ("Xinjiang
# Huafu Textiles", "XPCC 1st Division"): a city's word in a name may be a brand
_NAME_WORDS = (
    "xinjiang",
    "sinkiang",
    "xpcc",
    "bingtuan",
    "production and construction corps",
)
_NAME_HAN = ("新疆", "兵团")


def _pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"(?<![^\W_])(?:" + "|".join(map(re.escape, words)) + r")(?![^\W_])")


_REGION = _pattern(_REGION_WORDS)
_NAME = _pattern(_NAME_WORDS)
# a name that says where its goods come from or do not, not where it is ("Xinjiang-sourced
# wafers", "non-Xinjiang cotton", "Xinjiang-free")
_NOT_PLACED = re.compile(
    r"(?:(?<![^\W_])(?:no|non|not|without|ex|from)\s+$)"
    r"|(?:^\s*(?:sourced|source|free|origin|content)(?![^\W_]))"
)


class Placed(NamedTuple):
    """What places a supplier in a region: the field ('region' or 'name') and its text."""

    field: str
    text: str


def xuar_place(region: str | None, name: str | None) -> Placed | None:
    """What places a supplier in China in the XUAR: its region's text ('Aksu', 'Xinjiang
    Uygur Zizhiqu', '新疆'), else its name's ('Xinjiang Huafu Textiles'); None if neither.
    (Names are read once each, most of them by a substring test alone: a large chain's
    Chinese suppliers have as many names.)"""
    if region and _in_region(region):
        return Placed("region", region)
    if name and _names_the_region(name):
        return Placed("name", name)
    return None


# a street named after a place of the region, as many Chinese cities name theirs after
# provinces and cities ("88 Xinjiang Road, Qingdao", "Wulumuqi Lu, Shanghai", "新疆路"): no
# place of the supplier's, in an address read as its region
_STREET = re.compile(
    # (a street in sections, "Wulumuqi Middle Road", "Urumqi Rd N", "Hami Bei Lu", "Yili 2nd
    # Road": a direction or section word between the place and the street's word)
    r"(?:\s+(?:north|south|east|west|middle|central|upper|lower|n|s|e|w|bei|nan|dong|xi|zhong"
    r"|\d+(?:st|nd|rd|th)?|first|second|third))*"
    r"\s+(?:road|rd|street|st|lu|jie|dajie|avenue|ave|lane|alley|hutong|xiang|dadao|dao"
    r"|boulevard|blvd)(?![^\W_])"
)
# (and in Chinese, a direction or a section's number before it: 乌鲁木齐北路, 伊犁南路, 新疆二路,
# Tianjin's 喀什道)
_STREET_HAN = re.compile(r"[北南东西中]?[一二三四五六七八九十]?(?:路|大街|街|大道|道|巷|胡同|大厦)")
# the other provinces, municipalities and main cities of China: an address naming one (not
# as its street's name) is there, whatever XUAR-like word it holds ("Hetian Town, Fujian",
# "Yili Industrial Park, Hohhot")
_ELSEWHERE = re.compile(
    r"(?<![^\W_])(?:beijing|tianjin|shanghai|chongqing|hebei|shanxi|shaanxi|inner mongolia"
    r"|nei mongol|neimenggu|liaoning|jilin|heilongjiang|jiangsu|zhejiang|anhui|fujian"
    r"|jiangxi|shandong|henan|hubei|hunan|guangdong|guangxi|hainan|sichuan|guizhou|yunnan"
    r"|tibet|xizang|gansu|qinghai|ningxia|hong kong|macau|macao|taiwan|qingdao|ningbo"
    r"|shenzhen|guangzhou|suzhou|hangzhou|xiamen|dalian|hohhot|wuhan|nanjing|chengdu"
    r"|dongguan|foshan|yiwu|shaoxing|wuxi|changzhou|nantong|jinan|zhengzhou)(?![^\W_])"
)
_ELSEWHERE_HAN = (
    *("北京", "天津", "上海", "重庆", "河北", "山西", "陕西", "内蒙古", "辽宁", "吉林"),
    *("黑龙江", "江苏", "浙江", "安徽", "福建", "江西", "山东", "河南", "湖北", "湖南"),
    *("广东", "广西", "海南", "四川", "贵州", "云南", "西藏", "甘肃", "青海", "宁夏"),
    *("香港", "澳门", "台湾", "青岛", "宁波", "深圳", "广州", "苏州", "杭州", "厦门"),
    *("大连", "呼和浩特", "武汉", "南京", "成都", "西安", "东莞", "佛山", "义乌"),
)


@lru_cache(maxsize=4096)  # (regions repeat: a few provinces and cities)
def _in_region(region: str) -> bool:
    key = exact_key(region)
    if _elsewhere(region, key):
        return False
    if any(not _STREET.match(key, found.end()) for found in _REGION.finditer(key)):
        return True
    return any(
        not _STREET_HAN.match(region, at + len(word))
        for word in _REGION_HAN
        for at in _finds(region, word)
    )


def _elsewhere(region: str, key: str) -> bool:
    """Whether a region's text names another province or city of China than the XUAR's,
    not as a street's name (Urumqi's "Beijing Road" is in Urumqi)."""
    if any(not _STREET.match(key, found.end()) for found in _ELSEWHERE.finditer(key)):
        return True
    return any(
        not _STREET_HAN.match(region, at + len(word))
        for word in _ELSEWHERE_HAN
        for at in _finds(region, word)
    )


def _finds(text: str, word: str) -> list[int]:
    """Where a word is found in a text, every time."""
    found, at = [], text.find(word)
    while at >= 0:
        found.append(at)
        at = text.find(word, at + 1)
    return found


def _names_the_region(name: str) -> bool:
    if any(word in name for word in _NAME_HAN):
        return True
    if name.isascii() and not any(word in name.casefold() for word in _NAME_WORDS):
        return False  # (the usual name: no word of the region's at all)
    return _placed_by(exact_key(name))


def _placed_by(name: str) -> bool:
    """Whether a name (exact_key's words) names the region as where the supplier is: not
    as where its goods come from ('Xinjiang-sourced wafers') or do not ('non-Xinjiang
    cotton')."""
    return any(
        not _NOT_PLACED.search(name[: found.start()])
        and not _NOT_PLACED.search(name[found.end() :])
        for found in _NAME.finditer(name)
    )


def countries_of_region(text: str) -> list[str]:
    """The countries (ISO 3166-1 alpha-3, sorted) of which a text is the name of a state,
    province or other subdivision (ISO 3166-2: "Pará", "Minas Gerais", "Punjab"), written
    in a country column; none where it names none."""
    key = exact_key(text)
    return subdivision_countries().get(key) or _REGIONS_NOT_SUBDIVISIONS.get(key, [])


# regions often written as the country that ISO 3166-2 does not name whole: Zanzibar, the
# semi-autonomous islands of Tanzania (its five regions are named apart)
_REGIONS_NOT_SUBDIVISIONS = {"zanzibar": ["TZA"]}
