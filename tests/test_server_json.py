"""The server's stored JSON and its wire check, both on fast paths: they must say what the slow ones said."""

from __future__ import annotations

import gc
import json
import threading

from hypothesis import given
from hypothesis import strategies as st

from server.db import dumps
from server.security import MAX_WIRE_INT, _located_problem, wire_problem
from sync.gc_pause import collector_paused

# What a terminal and the server put in change data and outcomes: text (any, including the characters
# JSON must escape), integers, booleans, null, lists and objects.
_text = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=12)
_json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-MAX_WIRE_INT, MAX_WIRE_INT) | _text,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_text, inner, max_size=4),
    max_leaves=20,
)


def _stdlib(value):
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def test_stored_json_is_the_standard_librarys_form_byte_for_byte():
    tricky = {
        "z": '\u2028\u2029\x7f\x00\x1f"\\/é中😀\t\n',
        "a": [1, -MAX_WIRE_INT, None, True, False, {"b": 1, "a": {"y": [], "x": {}}}],
        "名": "会员",
    }
    assert dumps(tricky) == _stdlib(tricky)


@given(_json_values)
def test_stored_json_matches_for_any_value_a_terminal_sends(value):
    assert dumps(value) == _stdlib(value)


_anything = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**60), 2**60)
    | st.floats(allow_nan=False)
    | st.text(max_size=6)  # lone surrogates and NUL included
    | st.sampled_from(["\x00", "\ud800", "中\x00", "ok"]),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=4) | st.integers(0, 3), inner, max_size=4)
    ),
    max_leaves=12,
)


@given(_anything)
def test_the_wire_checks_fast_path_finds_what_the_full_walk_finds(value):
    assert wire_problem(value) == _located_problem(value, "payload")


def test_the_wire_check_names_where_the_problem_is():
    assert wire_problem({"a": [1, {"b": "x\x00"}]}) == "payload.a[1].b: a NUL character"
    assert wire_problem({"points": 1.5}) == "payload.points: a fractional number"
    assert wire_problem({"reason": "\ud800"}) == "payload.reason: text that is not valid Unicode"
    assert wire_problem({"n": MAX_WIRE_INT + 1}) == "payload.n: a number out of range"
    assert wire_problem({"会员": "张三", "n": MAX_WIRE_INT, "m": -MAX_WIRE_INT}) is None


def test_the_collector_waits_for_the_last_of_overlapping_pulls_and_keeps_a_disabled_state():
    assert gc.isenabled()
    inside = threading.Event()
    release = threading.Event()

    def other_pull():
        with collector_paused():
            inside.set()
            release.wait(10)

    thread = threading.Thread(target=other_pull)
    with collector_paused():
        assert not gc.isenabled()
        thread.start()
        assert inside.wait(10)
    assert not gc.isenabled()  # the other pull is still running
    release.set()
    thread.join(10)
    assert gc.isenabled()

    gc.disable()  # someone else turned it off: a pull leaves it off
    try:
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()

    try:
        with collector_paused():
            raise KeyError("a pull that fails")
    except KeyError:
        pass
    assert gc.isenabled()
