"""The guides' user journeys (README.md links them: docs/bank.md, guarantor.md, matching.md), in
order, against `finmatch up` run as real processes.

Every request goes through the gateway with the paths, bodies and fields the guides show, so an
example that stops being true fails here; the Python snippets (webhook verification, feed
polling) are taken from docs/bank.md and run as they are. Dates the guides pin in
the future (a consent's `expires_on`) are computed instead, so the test does not expire.

One enterprise goes through every journey (credit.py, guarantee.py, matching.py), in the guides'
order: later chapters rely on what earlier ones made (its rating, its bank, delivery counts).
"""

import re

import pytest

from tests.journeys import credit, guarantee, matching
from tests.support.readme import README, ReadmeReceiver
from tests.support.sync_api import Client, Orgs, new_org

CAST = (
    ("tax", "甘肃省税务局", "tax_authority"),
    ("bank", "兰州银行", "bank"),
    ("app", "甘肃银税互动 app", "partner_app"),
    ("fund", "国家融资担保基金", "guarantor"),
    ("prov", "甘肃金控融资担保集团", "guarantor"),
    ("local", "兰州市融资担保", "guarantor"),
)


def test_readme_opens_with_the_two_commands_and_its_links_resolve() -> None:
    assert README.startswith("# finmatch\n\n```sh\nmake run ")
    assert README.splitlines()[4].startswith("make test ")
    # GitHub's heading anchors: lower case, punctuation dropped, spaces become hyphens.
    headings = re.findall(r"^#+ (.+)$", re.sub(r"```.*?```", "", README, flags=re.S), re.M)
    anchors = {re.sub(r"[^\w\- ]", "", h.lower()).replace(" ", "-") for h in headings}
    links = set(re.findall(r"\]\(#([^)]+)\)", README))
    assert links <= anchors, links - anchors
    # The front page links the role guides; tests/contract/test_doc_links.py resolves every link.
    assert "](docs/bank.md)" in README


@pytest.mark.e2e
def test_readme_journeys(admin: Client, receiver: ReadmeReceiver, monkeypatch: pytest.MonkeyPatch) -> None:
    orgs: Orgs = {label: new_org(admin, name, role) for label, name, role in CAST}
    tax, bank, app = orgs["tax"][1], orgs["bank"][1], orgs["app"][1]
    bank_org = orgs["bank"][0]
    credit.journey(tax, bank, app, bank_org, receiver, monkeypatch)
    guarantee.journey(admin, orgs)
    matching.journey(admin, bank, app, bank_org)
    credit.report_the_loan(bank, tax)
