"""Pulled rows on a desk: a row the server sends again unchanged is left as stored, a changed one is taken
over, and what counts is the stored row (not a memory of what was sent before)."""

from __future__ import annotations

from conftest import enroll
from server_fixtures import assert_converged, quiesce

from sync.pull import PullApplier


def _member(store, member_no: str) -> dict:
    return dict(store.member_row(member_no))


def _pages_from_start(terminal) -> list[dict]:
    """Everything the server has for this desk, pulled again from change 0 (as a restored desk would)."""
    pages, since = [], 0
    while True:
        page = terminal.engine.client.pull(since, 5000)
        pages.append(page)
        since = page["next"]
        if not page["more"]:
            return pages


def test_a_member_sent_again_unchanged_is_not_rewritten(server, make_terminal):
    first, second = make_terminal(server, 7), make_terminal(server, 8)
    member = enroll(first.services, first.desk, phone="13812345678").member_no
    first.services.earn(first.cashier, member, 12_000)  # the server sends the member row again
    quiesce(first, second)
    stored = _member(second.store, member)
    assert stored["phone"] == "138****5678" and second.store.member_by_phone("13812345678")["member_no"] == member

    # The whole history once more, past the cursor check: every row comes again as it is stored.
    pages = _pages_from_start(second)
    assert any(c["entity"] == "member" and c["key"] == member for p in pages for c in p["changes"])
    PullApplier(second.store).apply_pages(pages, second.clock())
    # A rewrite would seal the number again under a fresh nonce: the row is exactly as it was.
    assert _member(second.store, member) == stored
    assert_converged(server, first, second)


def test_a_changed_member_is_taken_over_with_its_new_phone(server, make_terminal):
    first, second = make_terminal(server, 7), make_terminal(server, 8)
    member = enroll(first.services, first.desk, phone="13812345678", name="张三").member_no
    quiesce(first, second)
    first.services.edit_profile(first.desk, member, {"name": "张三丰", "phone": "13987654321"})
    quiesce(first, second)
    row = _member(second.store, member)
    assert (row["name"], row["phone"]) == ("张三丰", "139****4321")
    assert second.store.member_by_phone("13987654321")["member_no"] == member
    assert second.store.member_by_phone("13812345678") is None
    assert second.store.full_phone(member) == "13987654321"
    assert_converged(server, first, second)


def test_a_stored_row_that_differs_from_the_server_is_put_right_by_the_same_version(server, make_terminal):
    first, second = make_terminal(server, 7), make_terminal(server, 8)
    member = enroll(first.services, first.desk, phone="13812345678", name="张三").member_no
    quiesce(first, second)
    expected = _member(second.store, member)
    # The row changed here behind the protocol's back (a repaired file, a bug): the server's version,
    # sent again unchanged, is compared with what is stored and so still replaces it.
    with second.store.transaction() as conn:
        conn.execute("UPDATE members SET name = '李四', tier = 'gold' WHERE member_no = ?", (member,))
    PullApplier(second.store).apply_pages(_pages_from_start(second), second.clock())
    row = _member(second.store, member)
    assert (row["name"], row["tier"]) == (expected["name"], expected["tier"])
    assert second.store.member_by_phone("13812345678")["member_no"] == member
    assert_converged(server, first, second)
