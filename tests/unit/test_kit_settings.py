"""kit.settings: where the processes are and what every process must be given."""

import pytest

from kit.settings import Settings


def test_a_process_is_at_host_and_port_unless_its_url_is_given() -> None:
    settings = Settings(host="10.0.0.5", guarantee_port=9002, loan_match_url="http://match.internal:80/")
    assert settings.url_of("guarantee") == "http://10.0.0.5:9002"
    assert settings.url_of("loan_match") == "http://match.internal:80"


def test_no_database_is_refused() -> None:
    with pytest.raises(RuntimeError, match="FINMATCH_DATABASE_URL"):
        Settings(database_url=None).require_database_url()


def test_empty_environment_values_count_as_unset(monkeypatch: pytest.MonkeyPatch) -> None:
    # The compose file passes "" for every variable the operator leaves out.
    monkeypatch.setenv("FINMATCH_GATEWAY_PORT", "")
    monkeypatch.setenv("FINMATCH_SIGNING_KEY", "")
    settings = Settings()
    assert settings.gateway_port == 8000
    assert settings.signing_key == ""
