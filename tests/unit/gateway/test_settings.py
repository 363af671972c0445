"""gateway.settings: a limit that cannot work is refused when the gateway starts."""

import pytest

from gateway.settings import GatewaySettings


def test_a_rate_limit_or_body_limit_of_zero_is_refused_at_start(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from deploy.cli import main

    monkeypatch.setenv("FINMATCH_RATE_LIMIT_PER_S", "0")
    assert main(["serve", "gateway"]) == 2
    assert "FINMATCH_RATE_LIMIT_PER_S" in capsys.readouterr().err
    monkeypatch.delenv("FINMATCH_RATE_LIMIT_PER_S")
    with pytest.raises(ValueError):
        GatewaySettings(max_body_bytes=0)
