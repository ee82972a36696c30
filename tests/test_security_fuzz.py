"""Fuzzing the server's OpenAPI with schemathesis: malformed and odd requests get a 4xx, never a 5xx, and change
nothing; and a corpus of broken member QR codes is refused every time."""

from __future__ import annotations

import base64
import random
from collections import Counter
from datetime import date, timedelta

import pytest
import requests
import schemathesis
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from server_fixtures import ServerProcess
from test_security_server import BUSINESS_TABLES
from test_server_api import enroll_op, push, register

from membership import codes

EXAMPLES = 25  # per operation and mode: bounded, derandomized
# Valid requests to these are meant to change state (anchoring audit rows); they are fuzzed negatively only.
POSITIVE_SKIP = {("POST", "/v1/audit")}


def state(server: ServerProcess) -> dict[str, int]:
    return {t: server.scalar(f"SELECT count(*) FROM {t}") for t in (*BUSINESS_TABLES, "terminal_audit", "staff")}


def test_schemathesis_finds_no_server_error_and_no_state_change(db_url, tmp_path):
    env = {f"MEMBERDESK_RATE_{name}": "off" for name in ("PUSH", "LOOKUP", "AUDIT", "REGISTER")}
    server = ServerProcess(db_url, tmp_path, env=env).start()
    try:
        term = register(server, 5)
        assert push(server, term, [enroll_op(codes.make_member_no(5, 1), "13800000001")]).status_code == 200
        before = state(server)
        schema = schemathesis.openapi.from_url(server.base_url + "/openapi.json")
        session = requests.Session()
        seen: Counter[tuple[str, str, int]] = Counter()
        server_errors: list[str] = []
        no_negative: list[str] = []
        operations = [result.ok() for result in schema.get_all_operations()]
        assert len(operations) >= 11

        def runner(operation, mode):
            key = (operation.method.upper(), operation.path)

            @settings(
                max_examples=EXAMPLES,
                derandomize=True,
                deadline=None,
                database=None,
                phases=[Phase.explicit, Phase.generate],
                suppress_health_check=list(HealthCheck),
            )
            @given(case=operation.as_strategy(generation_mode=mode))
            def run(case):
                # Authenticated as a real terminal: what it may send is fuzzed, not who it is.
                case.headers = {**(case.headers or {}), "authorization": f"Bearer {term['token']}"}
                try:
                    response = case.call(base_url=server.base_url, session=session, timeout=15)
                except (ValueError, requests.exceptions.InvalidHeader, requests.exceptions.InvalidURL):
                    return  # requests itself refuses to send it (a NUL in a header): nothing reached the server
                seen[(*key, response.status_code // 100)] += 1
                if response.status_code >= 500:
                    server_errors.append(f"{key} {mode.value}: {response.status_code} {response.text[:200]}")

            return run

        for operation in operations:
            for mode in (GenerationMode.NEGATIVE, GenerationMode.POSITIVE):
                if mode is GenerationMode.POSITIVE and (operation.method.upper(), operation.path) in POSITIVE_SKIP:
                    continue
                try:
                    runner(operation, mode)()
                except Unsatisfiable:
                    # Nothing to make invalid (an endpoint without inputs, like /v1/health).
                    assert mode is GenerationMode.NEGATIVE, operation.path
                    no_negative.append(operation.path)
        assert not server_errors, server_errors[:5]
        assert set(no_negative) <= {"/v1/health", "/v1/snapshot", "/v1/sync/status"}
        assert state(server) == before
        assert sum(n for (_, _, klass), n in seen.items() if klass == 4) > 100
    finally:
        server.close()


# -- the member QR fuzz corpus ----------------------------------------------------------------------------------

TODAY = date(2026, 11, 20)
EXPECTED = {
    "truncated": {"truncated", "malformed", "not_member_code"},
    "bad signature": {"forged", "truncated", "malformed", "unknown_key"},  # a changed key id names no key
    "unknown key": {"unknown_key"},
    "replayed": {"unknown_key"},
    "expired": {"expired"},
    "noise": {"not_member_code", "truncated", "malformed"},
}


def corpus(rng: random.Random, active: Ed25519PrivateKey, rotated_out: Ed25519PrivateKey) -> list[tuple[str, str]]:
    """Broken member QR codes. The terminal pins key 7 (``active``); key 9 was rotated out (unpinned)."""
    stranger = Ed25519PrivateKey.generate()
    member = codes.make_member_no(7, 42)
    good = codes.sign_member_token(active, 7, member, TODAY + timedelta(days=30))
    out: list[tuple[str, str]] = [("truncated", good[:n]) for n in range(1, len(good))]
    for _ in range(300):  # one character changed anywhere: the signature no longer matches
        i = rng.randrange(1, len(good))
        ch = rng.choice([c for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567" if c != good[i]])
        out.append(("bad signature", good[:i] + ch + good[i + 1 :]))
    raw = base64.b32decode(good[1:] + "=" * (-len(good[1:]) % 8))
    for _ in range(100):  # a random signature over a real body
        out.append(("bad signature", "M" + base64.b32encode(raw[:8] + rng.randbytes(64)).decode().rstrip("=")))
    for _ in range(50):  # someone else's key claiming the pinned key id
        number = codes.make_member_no(7, rng.randrange(1, 999_999))
        out.append(("bad signature", codes.sign_member_token(stranger, 7, number)))
    for key_id in (0, 8, 200, 255):  # a key id this terminal does not know
        out.append(("unknown key", codes.sign_member_token(stranger, key_id, member)))
    # "Replayed": a static member QR has no nonce; it is replayable until its key is rotated out (revoked and
    # unpinned everywhere), after which every token under that key is refused.
    for _ in range(50):
        number = codes.make_member_no(9, rng.randrange(1, 999_999))
        out.append(("replayed", codes.sign_member_token(rotated_out, 9, number)))
    for days in (1, 30, 365, 2000):
        out.append(("expired", codes.sign_member_token(active, 7, member, TODAY - timedelta(days=days))))
    for _ in range(100):  # noise and odd Unicode
        length = rng.randrange(0, 200)
        out.append(
            (
                "noise",
                "".join(chr(rng.choice([rng.randrange(32, 127), rng.randrange(0x80, 0x3000)])) for _ in range(length)),
            )
        )
    out += [("noise", ""), ("noise", "M"), ("noise", "M" + "=" * 116), ("noise", good[:-1] + "\u0000")]
    return out


def test_a_fuzzed_member_qr_corpus_is_refused_every_time():
    active, rotated_out = Ed25519PrivateKey.generate(), Ed25519PrivateKey.generate()
    pinned = {7: active.public_key()}
    good = codes.sign_member_token(active, 7, codes.make_member_no(7, 42), TODAY + timedelta(days=30))
    assert codes.verify_member_token(good, pinned, TODAY).member_no == codes.make_member_no(7, 42)  # the control
    assert codes.verify_member_token(
        codes.sign_member_token(rotated_out, 9, codes.make_member_no(9, 1)),
        {**pinned, 9: rotated_out.public_key()},
        TODAY,
    )  # before the rotation the same token was good
    cases = corpus(random.Random(20261120), active, rotated_out)
    refused: Counter[str] = Counter()
    for label, token in cases:
        with pytest.raises(codes.CodeError) as err:
            codes.verify_member_token(token, pinned, TODAY)
        assert err.value.reason in EXPECTED[label], (label, token, err.value.reason)
        refused[label] += 1
    assert sum(refused.values()) == len(cases) > 600
    assert set(refused) == set(EXPECTED)
