"""Rating files (CONTRACT §3 "Rating files"): CSV and .xlsx bodies of POST /v1/credit/ratings,
rejected rows named by their row number, bad files refused whole, and large files processed
in the background with progress a client can poll."""

from __future__ import annotations

import io
from typing import Any

import openpyxl  # type: ignore[import-untyped]

from services.credit_push.rules.rating_files import CSV_TYPE, XLSX_TYPE
from tests.support.api import Actor, Api, make_uscc
from tests.support.credit_push import eventually, item, upload

ZH_HEADER = [
    *("统一社会信用代码", "纳税人名称", "信用级别", "评价年度"),
    *("行政区划代码", "年均纳税额（分）", "小微企业"),
]
EN_HEADER = ["uscc", "name", "rating", "year", "region_code", "avg_annual_tax_fen", "small_micro"]


def _csv(rows: list[list[Any]]) -> str:
    return "\r\n".join(",".join(str(c) for c in row) for row in rows) + "\r\n"


def _xlsx(rows: list[list[Any]]) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


async def _post(api: Api, tax: Actor, body: bytes, media: str, **headers: str) -> Any:
    return await api.call(
        tax, "POST", "/v1/credit/ratings", content=body, headers={"Content-Type": media, **headers}
    )


async def _rating(api: Api, tax: Actor, uscc: str) -> dict[str, Any]:
    got = await api.call(tax, "GET", f"/v1/credit/ratings/{uscc}")
    assert got.status_code == 200, got.text
    body: dict[str, Any] = got.json()
    return body


async def test_a_gbk_csv_with_chinese_columns_is_stored_and_bad_rows_named_by_row_number(api: Api) -> None:
    tax = await api.org("tax_authority")
    good, other = make_uscc(), make_uscc()
    rows: list[list[Any]] = [
        ZH_HEADER,
        [good, "兰州某某商贸有限公司", "B", 2024, "620102", 1234500, "是"],
        [make_uscc()[:-1] + "I", "坏代码公司", "A", 2024, "", "", ""],  # row 3: bad USCC
        [],  # an empty line is no item, yet counts as a row of the file
        [other, "天水某某有限公司", "A", 2024, "", "", ""],  # optional cells empty: absent
        [good, "兰州某某商贸有限公司", "B", 2024, "", "", ""],  # row 6: same uscc and year again
        [make_uscc(), "某公司", "E", 2024, "", "", ""],  # row 7: unknown level
    ]
    answer = await _post(api, tax, _csv(rows).encode("gbk"), f"{CSV_TYPE}; charset=GBK")
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert (body["accepted"], body["unchanged"]) == (2, 0)
    assert [r["index"] for r in body["rejected"]] == [3, 6, 7]
    assert "duplicate of row 2" in body["rejected"][1]["detail"]
    stored = await _rating(api, tax, good)
    assert (stored["name"], stored["rating"]) == ("兰州某某商贸有限公司", "B")
    assert stored["avg_annual_tax_fen"] == 1234500
    assert (await _rating(api, tax, other)).get("avg_annual_tax_fen") is None

    again = await _post(api, tax, _csv(rows[:2]).encode("gbk"), CSV_TYPE)
    assert again.json() == {"accepted": 0, "unchanged": 1, "rejected": []}


async def test_rejected_rows_are_explained_in_the_clerks_language(api: Api) -> None:
    tax = await api.org("tax_authority")
    uscc = make_uscc()
    rows: list[list[Any]] = [
        ZH_HEADER,
        [uscc, "兰州某某商贸有限公司", "E", 2024, "", "", ""],
        [uscc, "兰州某某商贸有限公司", "B", 2024, "", "", ""],
        [uscc, "兰州某某商贸有限公司", "B", 2024, "", "", ""],
    ]
    body = _csv(rows).encode("utf-8")
    zh = (await _post(api, tax, body, CSV_TYPE, **{"Accept-Language": "zh-CN"})).json()
    assert [r["detail"] for r in zh["rejected"]] == [
        "信用级别（rating）：未知级别 'E'，应为 A、B、M、C、D 之一",
        "与第 3 行重复（同一次上传中统一社会信用代码和评价年度相同）",
    ]
    en = (await _post(api, tax, body, CSV_TYPE)).json()
    assert en["rejected"][0]["detail"] == "rating: unknown level 'E'; one of A, B, M, C, D"


async def test_utf8_with_bom_and_english_columns(api: Api) -> None:
    tax = await api.org("tax_authority")
    uscc = make_uscc()
    text = _csv([EN_HEADER, [uscc, "Lanzhou Trading Co", "m", 2023, "620100", 99, "false"]])
    answer = await _post(api, tax, b"\xef\xbb\xbf" + text.encode(), CSV_TYPE)
    assert answer.status_code == 200, answer.text
    assert answer.json() == {"accepted": 1, "unchanged": 0, "rejected": []}
    assert (await _rating(api, tax, uscc))["rating"] == "M"


async def test_an_xlsx_workbook_is_read_with_numbers_as_numbers(api: Api) -> None:
    tax = await api.org("tax_authority")
    uscc = make_uscc()
    rows: list[list[Any]] = [
        ZH_HEADER,
        [uscc, "酒泉某某农业有限公司", "A", 2024, 620900, 5000000, "是"],
        [make_uscc(), "某公司", "A", "二〇二四", None, None, None],  # row 3: a year that is not a number
    ]
    answer = await _post(api, tax, _xlsx(rows), XLSX_TYPE)
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["accepted"] == 1
    assert [(r["index"], r["detail"][:5]) for r in body["rejected"]] == [(3, "year:")]
    stored = await _rating(api, tax, uscc)
    assert (stored["year"], stored["avg_annual_tax_fen"]) == (2024, 5000000)


async def test_bad_files_are_refused_whole_with_clear_problems_in_both_languages(api: Api) -> None:
    tax = await api.org("tax_authority")
    plain = await _post(api, tax, b"uscc,name\n", "text/plain")
    assert plain.status_code == 415
    assert plain.json()["type"].endswith("/unsupported-media-type")

    broken = await _post(api, tax, b"PK\x03\x04 not really a workbook", XLSX_TYPE)
    assert broken.status_code == 422
    assert broken.json()["type"].endswith("/unreadable-rating-file")

    binary = await _post(api, tax, b"\xff\xfe\x00\x00\x81\x30", CSV_TYPE)
    assert binary.status_code == 422
    assert binary.json()["type"].endswith("/unreadable-rating-file")

    columns = _csv([["统一社会信用代码", "纳税人名称", "等级"], [make_uscc(), "某公司", "A"]]).encode()
    wrong = await _post(api, tax, columns, CSV_TYPE)
    assert wrong.status_code == 422
    problem = wrong.json()
    assert problem["type"].endswith("/invalid-rating-columns")
    assert "信用级别/rating" in problem["detail"] and "等级" in problem["detail"]
    zh = await _post(api, tax, columns, CSV_TYPE, **{"Accept-Language": "zh-CN"})
    assert zh.json()["type"] == problem["type"]
    assert "信用级别" in zh.json()["detail"] and "表头" in zh.json()["detail"]

    empty = await _post(api, tax, _csv([ZH_HEADER]).encode(), CSV_TYPE)
    assert empty.status_code == 422
    assert empty.json()["type"].endswith("/empty-rating-file")

    bank = await api.org("bank")
    refused = await _post(api, bank, _csv([ZH_HEADER]).encode(), CSV_TYPE)
    assert refused.status_code == 403


async def test_a_large_file_is_processed_in_the_background_with_progress(api: Api) -> None:
    tax, other_tax = await api.org("tax_authority"), await api.org("tax_authority")
    # Level C is outside the push set: no events, so the shared stack's banks are not flooded.
    data = [[make_uscc(), f"企业{n}", "C", 2024, "", "", ""] for n in range(10_050)]
    rows: list[list[Any]] = [EN_HEADER, *data]
    rows[4999][3] = 1999  # row 5000 of the file: a year before 2014
    await upload(api, other_tax, [item(rating="C")])  # stored at once, and kept in the history too
    answer = await _post(api, tax, _csv(rows).encode(), CSV_TYPE, **{"Idempotency-Key": "big-file-1"})
    assert answer.status_code == 202, answer.text
    upload_id = answer.json()["upload_id"]

    async def finished() -> dict[str, Any] | None:
        got = await api.call(other_tax, "GET", f"/v1/credit/uploads/{upload_id}")
        assert got.status_code == 200, got.text
        assert got.headers.get("etag")
        status: dict[str, Any] = got.json()
        assert status["rows"] == 10_050 and status["status"] in ("running", "finished")
        return status if status["status"] == "finished" else None

    status = await eventually(finished, within_s=120)
    assert (status["done"], status["accepted"], status["unchanged"]) == (10_050, 10_049, 0)
    assert [(r["index"], r["uscc"]) for r in status["rejected"]] == [(5000, rows[4999][0])]
    assert "before 2014" in status["rejected"][0]["detail"]
    zh = await api.call(
        other_tax, "GET", f"/v1/credit/uploads/{upload_id}", headers={"Accept-Language": "zh-CN"}
    )
    assert zh.json()["rejected"][0]["detail"] == "评价年度（year）：1999 年早于首个评价年度 2014 年"
    assert (await _rating(api, tax, rows[10_050][0]))["rating"] == "C"

    replay = await _post(api, tax, _csv(rows).encode(), CSV_TYPE, **{"Idempotency-Key": "big-file-1"})
    assert (replay.status_code, replay.json()) == (202, {"upload_id": upload_id})

    history: list[dict[str, Any]] = []
    cursor = None
    while True:
        params = {"limit": 1000, **({"cursor": cursor} if cursor else {})}
        page = await api.call(tax, "GET", "/v1/credit/uploads", params=params)
        assert page.status_code == 200, page.text
        history += page.json()["items"]
        cursor = page.json()["next_cursor"]
        if not cursor:
            break
    assert upload_id in [u["id"] for u in history]
    small = [u for u in history if u["org_id"] == other_tax.org_id]
    assert [(u["media_type"], u["status"], u["rows"], u["accepted"]) for u in small] == [
        ("application/json", "finished", 1, 1)
    ]
    bank = await api.org("bank")
    assert (await api.call(bank, "GET", "/v1/credit/uploads")).status_code == 403
