"""Region (GB/T 2260) and industry (GB/T 4754-2017) codes, checked against real tables.

CONTRACT §1: a ``region_code`` is a 6-digit GB/T 2260 code; in a product, ``xx0000``
covers its province and ``xxxx00`` its prefecture. An ``industry_code`` is a section
letter and digits whose section and 2-digit division must exist.

We check every code's province against the 34 provincial-level prefixes; inside Gansu
(62) we also check the prefecture against the 14 市州 of domain-facts §6.1. 兰州新区 is
not a GB/T 2260 division: its enterprises use their county code (永登县 620121, 皋兰县 620122).
"""

from __future__ import annotations

import re

# GB/T 2260 provincial-level codes (first two digits).
PROVINCES: dict[str, str] = {
    "11": "北京市", "12": "天津市", "13": "河北省", "14": "山西省", "15": "内蒙古自治区",
    "21": "辽宁省", "22": "吉林省", "23": "黑龙江省",
    "31": "上海市", "32": "江苏省", "33": "浙江省", "34": "安徽省", "35": "福建省", "36": "江西省",
    "37": "山东省",
    "41": "河南省", "42": "湖北省", "43": "湖南省", "44": "广东省", "45": "广西壮族自治区",
    "46": "海南省",
    "50": "重庆市", "51": "四川省", "52": "贵州省", "53": "云南省", "54": "西藏自治区",
    "61": "陕西省", "62": "甘肃省", "63": "青海省", "64": "宁夏回族自治区", "65": "新疆维吾尔自治区",
    "71": "台湾省", "81": "香港特别行政区", "82": "澳门特别行政区",
}  # fmt: skip

# Gansu's 14 prefecture-level divisions (domain-facts §6.1: 12 地级市 and 2 自治州).
GANSU_PREFECTURES: dict[str, str] = {
    "6201": "兰州市", "6202": "嘉峪关市", "6203": "金昌市", "6204": "白银市", "6205": "天水市",
    "6206": "武威市", "6207": "张掖市", "6208": "平凉市", "6209": "酒泉市", "6210": "庆阳市",
    "6211": "定西市", "6212": "陇南市", "6229": "临夏回族自治州", "6230": "甘南藏族自治州",
}  # fmt: skip

# GB/T 4754-2017 sections and their 2-digit divisions (门类 → 大类 range).
SECTION_DIVISIONS: dict[str, range] = {
    "A": range(1, 6),  # 农、林、牧、渔业
    "B": range(6, 13),  # 采矿业
    "C": range(13, 44),  # 制造业
    "D": range(44, 47),  # 电力、热力、燃气及水生产和供应业
    "E": range(47, 51),  # 建筑业
    "F": range(51, 53),  # 批发和零售业
    "G": range(53, 61),  # 交通运输、仓储和邮政业
    "H": range(61, 63),  # 住宿和餐饮业
    "I": range(63, 66),  # 信息传输、软件和信息技术服务业
    "J": range(66, 70),  # 金融业
    "K": range(70, 71),  # 房地产业
    "L": range(71, 73),  # 租赁和商务服务业
    "M": range(73, 76),  # 科学研究和技术服务业
    "N": range(76, 80),  # 水利、环境和公共设施管理业
    "O": range(80, 83),  # 居民服务、修理和其他服务业
    "P": range(83, 84),  # 教育
    "Q": range(84, 86),  # 卫生和社会工作
    "R": range(86, 91),  # 文化、体育和娱乐业
    "S": range(91, 97),  # 公共管理、社会保障和社会组织
    "T": range(97, 98),  # 国际组织
}

_REGION = re.compile(r"^\d{6}$")
_INDUSTRY = re.compile(r"^([A-Z])(\d{2,4})?$")


def region_problem(code: str) -> str | None:
    """Why ``code`` is not a GB/T 2260 code we accept, or None when it is fine."""
    if not _REGION.match(code):
        return "must be 6 digits (GB/T 2260)"
    if code[:2] not in PROVINCES:
        return f"{code[:2]} is not a GB/T 2260 province code"
    if code[:2] == "62" and code[2:4] != "00" and code[:4] not in GANSU_PREFECTURES:
        return f"{code[:4]}xx is not one of Gansu's 14 prefecture-level divisions"
    if code[2:4] == "00" and code[4:] != "00":
        return "a province-level code ends in 0000"
    return None


# credit_push has the same function. Kept once per service on purpose: services never
# import each other's code, so each owns the rule it applies.
def region_covers(product_code: str, enterprise_code: str) -> bool:
    """A product code ``xx0000`` covers its province, ``xxxx00`` its prefecture, else itself."""
    if product_code.endswith("0000"):
        return enterprise_code[:2] == product_code[:2]
    if product_code.endswith("00"):
        return enterprise_code[:4] == product_code[:4]
    return enterprise_code == product_code


def industry_problem(code: str) -> str | None:
    """Why ``code`` is not a GB/T 4754-2017 code or prefix, or None when it is fine.

    Accepted: a section letter alone, or with 2 to 4 digits whose 2-digit division belongs
    to that section. One digit alone names no division, so it is refused.
    """
    match = _INDUSTRY.match(code)
    if not match:
        return "must be a GB/T 4754-2017 section letter, optionally followed by 2 to 4 digits"
    section, digits = match.group(1), match.group(2)
    divisions = SECTION_DIVISIONS.get(section)
    if divisions is None:
        return f"{section} is not a GB/T 4754-2017 section (A to T)"
    if digits is not None and int(digits[:2]) not in divisions:
        return f"division {digits[:2]} does not belong to section {section}"
    return None
