"""kit.settings: where the processes are and what every process must be given."""

import pytest

from kit.settings import Settings


def test_a_process_is_at_host_and_port_unless_its_url_is_given() -> None:
    settings = Settings(host="10.0.0.5", guarantee_port=9002, loan_match_url="http://match.internal:80/")
    assert settings.url_of("guarantee") == "http://10.0.0.5:9002"
    assert settings.url_of("loan_match") == "http://match.internal:80"


def test_a_short_internal_secret_or_no_database_is_refused() -> None:
    with pytest.raises(RuntimeError, match="FINMATCH_INTERNAL_SECRET"):
        Settings(internal_secret="short").require_internal_secret()
    with pytest.raises(RuntimeError, match="FINMATCH_DATABASE_URL"):
        Settings(database_url=None).require_database_url()
