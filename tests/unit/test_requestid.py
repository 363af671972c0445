"""kit.requestid: an id given is kept when it is safe; a new one is what uuid.uuid4().hex gives."""

import uuid

from kit.requestid import accept_or_generate, new_request_id


def test_a_new_id_is_a_random_version_4_uuid_in_hex() -> None:
    made = {new_request_id() for _ in range(1000)}
    assert len(made) == 1000
    for text in made:
        parsed = uuid.UUID(hex=text)
        assert (parsed.hex, parsed.version, parsed.variant) == (text, 4, uuid.RFC_4122)


def test_a_safe_id_is_kept_and_anything_else_replaced() -> None:
    assert accept_or_generate("trace-abc-123") == "trace-abc-123"
    for hostile in (None, "", "x" * 129, "a b", "é"):
        replaced = accept_or_generate(hostile)
        assert replaced != hostile and uuid.UUID(hex=replaced).version == 4
