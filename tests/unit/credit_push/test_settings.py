"""credit_push's own settings: the retry schedule is whole seconds, read from the setting."""

import pytest
from pydantic import ValidationError

from services.credit_push.settings import CreditPushSettings


def test_retry_schedule_follows_a_copied_setting() -> None:
    base = CreditPushSettings(webhook_retry_schedule="5,300")
    assert base.retry_schedule_s == (5, 300)
    assert base.model_copy(update={"webhook_retry_schedule": "1,1"}).retry_schedule_s == (1, 1)


def test_a_schedule_that_is_not_whole_seconds_is_refused() -> None:
    with pytest.raises(ValidationError, match="whole seconds"):
        CreditPushSettings(webhook_retry_schedule="5,1.5")
