"""The demo's Gansu: who takes part, and a few thousand enterprises made from a fixed seed.

Names an evaluator in Gansu recognises: the provincial tax authority, the 14 市州 (GB/T 2260)
and 兰州新区, the banks that run 银税互动 and 政银担 there, the three-layer guarantee chain of
国办发〔2019〕6号 (国家融资担保基金 → 甘肃省融资再担保集团 → one local guarantor per 市州) and a
partner app. The enterprises are fictitious but valid: USCCs with GB 32100 check characters,
county codes inside their 市州, ratings A/B/M/C/D of last year (税总发〔2019〕113号: A, B and M
are pushed). Everything is derived from a seed, so two loads describe the same enterprises.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from kit.uscc import ALPHABET, check_character

TAX_AUTHORITY = "国家税务总局甘肃省税务局"
PARTNER_APP = "甘肃省中小企业公共服务平台"
NATIONAL_FUND = "国家融资担保基金"
PROVINCIAL = "甘肃省融资再担保集团有限公司"
# Policy funds (CONTRACT §6) and their offices (the seed's 责任单位), and a supervisor for the console.
IP_OFFICE = "甘肃省市场监督管理局（知识产权局）"
COMMERCE = "甘肃省商务厅"
INDUSTRY_OFFICE = "甘肃省工业和信息化厅"
REGULATOR = "甘肃省地方金融监督管理局"
POOL = "甘肃省小微外贸企业互助贷款风险补偿担保基金"
BRIDGE_FUND = "甘肃省中小微企业续贷转贷基金"
BANKS = ("甘肃银行", "兰州银行", "甘肃省农村信用社联合社", "中国工商银行甘肃省分行")
ENTERPRISE_COUNT = 3000
SEED = 620000

# 国办发〔2019〕6号: bank at least 20%, national fund 0-20%, provincial no less than national.
SHARES_BP = {"bank": 2000, "guarantor": 3000, "provincial": 3000, "national": 2000}


@dataclass(frozen=True)
class Prefecture:
    code: str
    name: str
    short: str
    counties: tuple[tuple[str, str], ...]  # (GB/T 2260 code, name)

    @property
    def guarantor(self) -> str:
        return f"{self.short}融资担保有限公司"


# The 14 市州 (GB/T 2260) and 兰州新区, which is not a division of its own: its enterprises use
# the codes of 永登县 and 皋兰县, where it lies (its guarantor is the 15th local one).
PREFECTURES: tuple[Prefecture, ...] = (
    Prefecture("620100", "兰州市", "兰州市", (("620102", "城关区"), ("620103", "七里河区"),
               ("620104", "西固区"), ("620105", "安宁区"), ("620123", "榆中县"))),
    Prefecture("620200", "嘉峪关市", "嘉峪关市", (("620200", "嘉峪关市"),)),
    Prefecture("620300", "金昌市", "金昌市", (("620302", "金川区"), ("620321", "永昌县"))),
    Prefecture("620400", "白银市", "白银市", (("620402", "白银区"), ("620403", "平川区"),
               ("620421", "靖远县"), ("620423", "景泰县"))),
    Prefecture("620500", "天水市", "天水市", (("620502", "秦州区"), ("620503", "麦积区"),
               ("620522", "秦安县"), ("620523", "甘谷县"))),
    Prefecture("620600", "武威市", "武威市", (("620602", "凉州区"), ("620621", "民勤县"),
               ("620622", "古浪县"))),
    Prefecture("620700", "张掖市", "张掖市", (("620702", "甘州区"), ("620722", "民乐县"),
               ("620723", "临泽县"))),
    Prefecture("620800", "平凉市", "平凉市", (("620802", "崆峒区"), ("620821", "泾川县"),
               ("620881", "华亭市"))),
    Prefecture("620900", "酒泉市", "酒泉市", (("620902", "肃州区"), ("620921", "金塔县"),
               ("620981", "玉门市"), ("620982", "敦煌市"))),
    Prefecture("621000", "庆阳市", "庆阳市", (("621002", "西峰区"), ("621021", "庆城县"),
               ("621022", "环县"))),
    Prefecture("621100", "定西市", "定西市", (("621102", "安定区"), ("621121", "通渭县"),
               ("621122", "陇西县"))),
    Prefecture("621200", "陇南市", "陇南市", (("621202", "武都区"), ("621221", "成县"),
               ("621224", "康县"))),
    Prefecture("622900", "临夏回族自治州", "临夏州", (("622901", "临夏市"), ("622921", "临夏县"),
               ("622927", "积石山保安族东乡族撒拉族自治县"))),
    Prefecture("623000", "甘南藏族自治州", "甘南州", (("623001", "合作市"), ("623021", "临潭县"),
               ("623027", "夏河县"))),
    Prefecture("620100", "兰州新区", "兰州新区", (("620121", "永登县"), ("620122", "皋兰县"))),
)  # fmt: skip

# (GB/T 4754-2017 class, what the name says it does)
INDUSTRIES = (
    ("C1371", "果蔬加工"), ("C1511", "酒业"), ("C3411", "机械制造"), ("C2614", "化工材料"),
    ("C3130", "钢铁制品"), ("C3985", "电子元件"), ("I6513", "软件科技"), ("A0141", "中药材种植"),
    ("A0311", "牛羊养殖"), ("F5171", "农资贸易"), ("G5430", "物流"), ("E4813", "建设工程"),
    ("M7520", "新材料研发"), ("D4415", "光伏发电"),
)  # fmt: skip
WORDS = ("陇原", "丝路", "祁连", "黄河", "敦煌", "崆峒", "河西", "金城", "伏羲", "飞天", "雪域", "麦积")
RATINGS = ("A",) * 30 + ("B",) * 35 + ("M",) * 20 + ("C",) * 10 + ("D",) * 5


@dataclass(frozen=True)
class Enterprise:
    uscc: str
    name: str
    rating: str
    region_code: str
    prefecture: int  # index in PREFECTURES
    industry_code: str
    avg_annual_tax_fen: int
    small_micro: bool
    employees: int
    revenue_fen: int
    total_assets_fen: int
    established_year: int


def uscc_for(region_code: str, rng: random.Random) -> str:
    """``91`` (企业, 市场监管) + the county code + a 9-character body + the GB 32100 check."""
    first17 = "91" + region_code + "".join(rng.choice(ALPHABET) for _ in range(9))
    return first17 + check_character(first17)


def enterprises(count: int = ENTERPRISE_COUNT, seed: int = SEED) -> list[Enterprise]:
    rng = random.Random(seed)
    made: list[Enterprise] = []
    seen: set[str] = set()
    while len(made) < count:
        index = rng.randrange(len(PREFECTURES))
        prefecture = PREFECTURES[index]
        code, county = rng.choice(prefecture.counties)
        industry, trade = rng.choice(INDUSTRIES)
        uscc = uscc_for(code, rng)
        name = f"{county.removesuffix('区').removesuffix('县')}{rng.choice(WORDS)}{trade}有限公司"
        name = name if name not in seen else f"{name[:-4]}{len(made)}号有限公司"
        seen.add(name)
        employees = rng.randint(5, 280)
        revenue_yuan = rng.randint(3, 900) * 100_000
        made.append(
            Enterprise(
                uscc=uscc,
                name=name,
                rating=rng.choice(RATINGS),
                region_code=code,
                prefecture=index,
                industry_code=industry,
                avg_annual_tax_fen=rng.randint(2, 300) * 10_000 * 100,
                small_micro=employees < 100 and revenue_yuan < 50_000_000,
                employees=employees,
                revenue_fen=revenue_yuan * 100,
                total_assets_fen=revenue_yuan * rng.randint(8, 20) * 10,
                established_year=rng.randint(2006, 2022),
            )
        )
    return made


def products() -> dict[str, list[dict[str, object]]]:
    """Each bank's products, modelled on the kinds Gansu's banks offer (by bank name)."""
    return {
        "甘肃银行": [
            {"name": "陇税e贷", "product_type": "pure_credit", "min_amount_fen": 10_000_000,
             "max_amount_fen": 300_000_000, "min_term_months": 6, "max_term_months": 36,
             "annual_rate_bp": 395, "min_rating": "B", "tax_multiple": {"A": 10, "B": 6, "M": 3},
             "region_codes": ["620000"]},
            {"name": "政银担·陇原惠企贷", "product_type": "guaranteed", "min_amount_fen": 10_000_000,
             "max_amount_fen": 1_000_000_000, "min_term_months": 12, "max_term_months": 36,
             "annual_rate_bp": 420, "requires_guarantee": True, "guarantee_fee_bp": 100},
        ],
        "兰州银行": [
            {"name": "知识产权质押贷", "product_type": "collateral", "min_amount_fen": 50_000_000,
             "max_amount_fen": 1_000_000_000, "min_term_months": 12, "max_term_months": 36,
             "annual_rate_bp": 430, "accepted_collateral": ["ip"]},
            {"name": "金城税易贷", "product_type": "pure_credit", "min_amount_fen": 5_000_000,
             "max_amount_fen": 200_000_000, "min_term_months": 3, "max_term_months": 24,
             "annual_rate_bp": 410, "min_rating": "B", "tax_multiple": {"A": 8, "B": 5},
             "region_codes": ["620100"]},
        ],
        "甘肃省农村信用社联合社": [
            {"name": "创业担保贷款", "product_type": "entrepreneurship", "min_amount_fen": 1_000_000,
             "max_amount_fen": 400_000_000, "min_term_months": 12, "max_term_months": 36,
             "annual_rate_bp": 345, "requires_guarantee": True, "guarantee_fee_bp": 0,
             "interest_subsidy_bp": 150, "sizes": ["micro", "small"]},
            {"name": "政银担·惠农贷", "product_type": "guaranteed", "min_amount_fen": 5_000_000,
             "max_amount_fen": 300_000_000, "min_term_months": 12, "max_term_months": 36,
             "annual_rate_bp": 450, "requires_guarantee": True, "guarantee_fee_bp": 100,
             "industry_prefixes": ["A", "C13"]},
        ],
        "中国工商银行甘肃省分行": [
            {"name": "经营快贷（税务贷）", "product_type": "pure_credit", "min_amount_fen": 10_000_000,
             "max_amount_fen": 1_000_000_000, "min_term_months": 6, "max_term_months": 12,
             "annual_rate_bp": 365, "min_rating": "A", "tax_multiple": {"A": 8}},
        ],
    }  # fmt: skip
