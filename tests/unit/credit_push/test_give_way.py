"""service/dispatch.py GiveWay: the dispatcher claims nothing new while an upload is being stored
in its process, for at most ``max_s`` at a time (delayed, never starved)."""

from __future__ import annotations

from services.credit_push.service.dispatch import GiveWay, storing_upload


def test_it_never_holds_without_an_upload() -> None:
    give_way = GiveWay(2.0)
    assert not give_way.now_holds(0.0)
    assert not give_way.now_holds(100.0)


def test_it_holds_while_an_upload_is_stored_and_not_after() -> None:
    give_way = GiveWay(2.0)
    with storing_upload():
        assert give_way.now_holds(10.0)
        assert give_way.now_holds(11.9)
    assert not give_way.now_holds(12.0)


def test_it_lets_one_claim_through_every_max_s() -> None:
    give_way = GiveWay(2.0)
    with storing_upload():
        assert give_way.now_holds(0.0)
        assert give_way.now_holds(1.9)
        assert not give_way.now_holds(2.0)  # one claim goes ahead
        assert give_way.now_holds(2.5)  # then it gives way again, from there
        assert give_way.now_holds(4.0)
        assert not give_way.now_holds(4.5)


def test_uploads_overlapping_count_until_the_last_ends() -> None:
    give_way = GiveWay(2.0)
    with storing_upload():
        with storing_upload():
            assert give_way.now_holds(0.0)
        assert give_way.now_holds(0.5)
    assert not give_way.now_holds(1.0)


def test_an_upload_that_fails_stops_holding() -> None:
    give_way = GiveWay(2.0)
    try:
        with storing_upload():
            raise RuntimeError("the upload's statement failed")
    except RuntimeError:
        pass
    assert not give_way.now_holds(0.0)
