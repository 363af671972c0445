"""The working-day calendar through the gateway: loading a notice, showing the calendar in force,
and a demand's respond_by counted on it (CONTRACT §5)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from kit.shapes import business_date, business_today
from services.loan_match.rules.calendar import add_working_days, calendar_of, library_calendar
from tests.support.api import Api
from tests.support.loan_match import WAN, publish, put_profile


def calendar_url(year: int) -> str:
    return f"/v1/match/calendar/{year}"


async def put_calendar(api: Api, year: int, holidays: list[date], workdays: list[date]) -> Any:
    body = {"holidays": [d.isoformat() for d in holidays], "workdays": [d.isoformat() for d in workdays]}
    return await api.client.put(calendar_url(year), json=body, headers=api.admin_headers)


async def test_a_year_without_notice_shows_the_statutory_calendar(api: Api) -> None:
    bank = await api.org("bank")
    response = await api.call(bank, "GET", calendar_url(2041))
    assert response.status_code == 200, response.text
    shown = response.json()
    assert shown["year"] == 2041 and shown["source"] == "statutory" and shown["workdays"] == []
    assert "2041-10-01" in shown["holidays"] and "2041-01-01" in shown["holidays"]


async def test_the_library_covers_2025(api: Api) -> None:
    app = await api.org("partner_app")
    shown = (await api.call(app, "GET", calendar_url(2025))).json()
    assert shown["source"] == "library"
    assert "2025-10-08" in shown["holidays"] and "2025-09-28" in shown["workdays"]


async def test_a_loaded_notice_is_shown_normalised(api: Api) -> None:
    holidays = [date(2042, 1, 1), date(2042, 1, 2), date(2042, 1, 4)]  # 4 Jan 2042 is a Saturday
    response = await put_calendar(api, 2042, holidays, [date(2042, 1, 5), date(2042, 1, 6)])
    assert response.status_code == 200, response.text
    assert response.json() == {
        "year": 2042,
        "source": "loaded",
        "holidays": ["2042-01-01", "2042-01-02"],
        "workdays": ["2042-01-05"],  # 6 Jan is a Monday: working anyway
    }
    shown = (await api.client.get(calendar_url(2042), headers=api.admin_headers)).json()
    assert shown == response.json()


async def test_only_the_admin_loads_a_notice(api: Api) -> None:
    bank = await api.org("bank")
    response = await api.call(bank, "PUT", calendar_url(2043), json={"holidays": [], "workdays": []})
    assert response.status_code == 403


async def test_a_notice_with_dates_of_another_year_or_both_kinds_is_refused(api: Api) -> None:
    before = (await api.client.get(calendar_url(2044), headers=api.admin_headers)).json()
    other_year = await put_calendar(api, 2044, [date(2045, 1, 1)], [])
    assert other_year.status_code == 422 and "2044" in other_year.json()["detail"]
    both = await put_calendar(api, 2044, [date(2044, 1, 2)], [date(2044, 1, 2)])
    assert both.status_code == 422 and "both" in both.json()["detail"]
    after = (await api.client.get(calendar_url(2044), headers=api.admin_headers)).json()
    assert after == before
    out_of_range = await api.client.get(calendar_url(1999), headers=api.admin_headers)
    assert out_of_range.status_code == 422


async def test_a_demand_respond_by_follows_a_loaded_notice(api: Api) -> None:
    """Load a notice for this year that rests the library's due date, then put the library's
    calendar back (loaded), so other tests' deadlines stay as the library says."""
    bank, app = await api.org("bank"), await api.org("partner_app")
    await publish(api, bank)
    profile = await put_profile(api, app)
    today = business_today()
    library = library_calendar(today.year) or calendar_of(today.year, None)
    usual = add_working_days(today, 10, {y: calendar_of(y, None) for y in (today.year, today.year + 1)})
    try:
        rests = sorted(library.holidays | {usual}) if usual.year == today.year else sorted(library.holidays)
        assert (await put_calendar(api, today.year, rests, sorted(library.workdays))).status_code == 200
        body = {"uscc": profile["uscc"], "amount_fen": 100 * WAN, "term_months": 12, "purpose": "流动资金"}
        response = await api.call(app, "POST", "/v1/match/demands", json=body)
        assert response.status_code == 201, response.text
        demand = response.json()
        if business_date(datetime.fromisoformat(demand["created_at"])) == today and usual.year == today.year:
            assert date.fromisoformat(demand["respond_by"]) > usual
    finally:
        await put_calendar(api, today.year, sorted(library.holidays), sorted(library.workdays))
