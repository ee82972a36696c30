"""Camera QR reading without Qt: decoder backends, backend choice, frame sources and the scan loop."""

from __future__ import annotations

import hashlib
import importlib.util
import itertools
import re
import subprocess
import sys
import threading
import time
from pathlib import Path
from types import ModuleType

import cv2
import numpy as np
import pytest
import segno
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.qrreader import (
    BACKENDS,
    CaptureSource,
    FrameSourceError,
    IterableSource,
    PyzbarReader,
    QrReader,
    QrReaderUnavailable,
    QrResult,
    ScanLoop,
    ZxingCppReader,
    get_reader,
    list_cameras,
    to_gray,
)
from membership.codes import TOKEN_LENGTH, make_member_no, sign_member_token

ROOT = Path(__file__).resolve().parents[1]
ALL_BACKENDS = list(BACKENDS)  # zxing-cpp, pyzbar, opencv
PRODUCT_BACKENDS = ["zxing-cpp", "pyzbar"]
FRAME_H, FRAME_W = 720, 1280


def _load_qrframes() -> ModuleType:
    # bench/ is scripts, not a package: load the generator by path, as `python bench/...` would.
    if "qrframes" in sys.modules:
        return sys.modules["qrframes"]
    spec = importlib.util.spec_from_file_location("qrframes", ROOT / "bench" / "qrframes.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["qrframes"] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def member_code() -> str:
    # A real signed token, but from a fixed key: OpenCV's detector misses a few percent of clean
    # codes depending on their bit pattern, and a fresh key per run would make its tests flip.
    key = Ed25519PrivateKey.from_private_bytes(hashlib.sha256(b"memberdesk test_qrreader").digest())
    return sign_member_token(key, 3, make_member_no(7, 123))


@pytest.fixture(scope="module")
def member_video(tmp_path_factory: pytest.TempPathFactory, member_code: str) -> Path:
    """The sliding-code video, written at test time through OpenCV's real encoder (no binary in git)."""
    qrframes = _load_qrframes()
    return qrframes.write_member_video(tmp_path_factory.mktemp("qr") / "member_code.mp4", member_code)


def qr_frame(text: str, *, module: int = 6, origin: tuple[int, int] = (300, 140)) -> tuple[np.ndarray, np.ndarray]:
    """A 1280×720 BGR frame with ``text`` as an upright QR, and the code's corners (TL, TR, BR, BL)."""
    qr = segno.make(text, error="m")
    dark = np.array(qr.matrix, dtype=bool)
    code = np.kron(np.where(dark, 0, 255).astype(np.uint8), np.ones((module, module), dtype=np.uint8))
    yy, xx = np.mgrid[0:FRAME_H, 0:FRAME_W]
    frame = (140 + 40 * xx / FRAME_W + 20 * yy / FRAME_H).astype(np.uint8)
    x0, y0 = origin
    quiet = 4 * module
    side = code.shape[0]
    frame[y0 - quiet : y0 + side + quiet, x0 - quiet : x0 + side + quiet] = 255
    frame[y0 : y0 + side, x0 : x0 + side] = code
    corners = np.array([(x0, y0), (x0 + side, y0), (x0 + side, y0 + side), (x0, y0 + side)], dtype=float)
    return cv2.cvtColor(frame, cv2.COLOR_GRAY2BGR), corners


def blank_frame() -> np.ndarray:
    rng = np.random.default_rng(5)
    frame = np.full((FRAME_H, FRAME_W, 3), 150, dtype=np.uint8)
    cv2.rectangle(frame, (100, 100), (400, 300), (40, 90, 200), -1)
    cv2.putText(frame, "MEMBER DESK 3", (500, 400), cv2.FONT_HERSHEY_SIMPLEX, 2.0, (20, 20, 20), 3)
    return np.clip(frame + rng.normal(0, 3, frame.shape), 0, 255).astype(np.uint8)


def assert_corners_near(actual: tuple[tuple[int, int], ...], expected: np.ndarray, tolerance: float) -> None:
    # Backends disagree by a pixel on whether a corner is the last dark pixel or the one after it.
    distances = np.linalg.norm(np.array(actual, dtype=float) - expected, axis=1)
    assert distances.max() <= tolerance, f"corners {actual} are not near {expected.tolist()}"


def test_the_reader_package_runs_without_qt() -> None:
    # The camera worker and the tests feed numpy frames; Qt stays in the widgets that show them.
    probe = (
        "import sys, numpy as np, desktop.qrreader as q\n"
        "for name in q.BACKENDS: q.BACKENDS[name]().decode(np.zeros((64, 64), np.uint8))\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'PyQt5', 'PyQt6')))"
    )
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# -- the code itself -------------------------------------------------------------------------------


def test_member_code_is_a_117_character_alphanumeric_qr(member_code: str) -> None:
    assert len(member_code) == TOKEN_LENGTH == 117
    assert re.fullmatch(r"M[A-Z2-7]{116}", member_code)
    qr = segno.make(member_code, error="m")
    assert (qr.mode, qr.error) == ("alphanumeric", "M")


# -- every backend ---------------------------------------------------------------------------------


@pytest.mark.parametrize("backend", ALL_BACKENDS)
def test_backend_decodes_member_code_with_its_outline(backend: str, member_code: str) -> None:
    reader = BACKENDS[backend]()
    frame, corners = qr_frame(member_code)

    results = reader.decode(frame)

    assert [r.text for r in results] == [member_code]
    assert_corners_near(results[0].corners, corners, tolerance=3)
    cx, cy = results[0].center
    assert abs(cx - corners[:, 0].mean()) < 3 and abs(cy - corners[:, 1].mean()) < 3
    # A gray frame is accepted as is and gives the same answer.
    assert reader.decode(to_gray(frame)) == results


_ROTATIONS = {
    "90 clockwise": (cv2.ROTATE_90_CLOCKWISE, lambda x, y: (FRAME_H - y, x)),
    "180": (cv2.ROTATE_180, lambda x, y: (FRAME_W - x, FRAME_H - y)),
    "90 counter-clockwise": (cv2.ROTATE_90_COUNTERCLOCKWISE, lambda x, y: (y, FRAME_W - x)),
}


@pytest.mark.parametrize("backend", ALL_BACKENDS)
@pytest.mark.parametrize("rotation", list(_ROTATIONS))
def test_corners_start_at_the_codes_own_top_left_when_turned(backend: str, rotation: str, member_code: str) -> None:
    reader = BACKENDS[backend]()
    frame, corners = qr_frame(member_code)
    code, move = _ROTATIONS[rotation]

    results = reader.decode(cv2.rotate(frame, code))

    assert [r.text for r in results] == [member_code]
    expected = np.array([move(x, y) for x, y in corners])  # still the code's TL, TR, BR, BL
    assert_corners_near(results[0].corners, expected, tolerance=4)


@pytest.mark.parametrize("backend", ALL_BACKENDS)
def test_frame_without_a_code_gives_no_results(backend: str) -> None:
    reader = BACKENDS[backend]()
    assert reader.decode(blank_frame()) == []
    assert reader.decode(np.zeros((480, 640), dtype=np.uint8)) == []


@pytest.mark.parametrize("backend", PRODUCT_BACKENDS)
def test_non_member_qr_is_returned_as_text_for_the_caller_to_refuse(backend: str) -> None:
    url = "https://example.com/promo?id=42&lang=zh"
    frame, _ = qr_frame(url, module=8)
    assert [r.text for r in BACKENDS[backend]().decode(frame)] == [url]


def test_to_gray_refuses_frames_it_cannot_read() -> None:
    with pytest.raises(ValueError, match="8-bit"):
        to_gray(np.zeros((10, 10), dtype=np.float32))
    with pytest.raises(ValueError, match="shape"):
        to_gray(np.zeros((10, 10, 2), dtype=np.uint8))
    bgra = np.zeros((4, 6, 4), dtype=np.uint8)
    assert to_gray(bgra).shape == (4, 6)


def test_second_pass_reads_a_code_too_faint_for_the_first(member_code: str) -> None:
    frame, _ = qr_frame(member_code)
    # 12 grey levels between dark and light modules: a dimmed phone screen under a bright lamp.
    faint = (120 + (frame.astype(np.float32) / 255.0) * 12).astype(np.uint8)
    assert ZxingCppReader(second_pass=False).decode(faint) == []
    results = ZxingCppReader().decode(faint)
    assert [r.text for r in results] == [member_code]
    assert_corners_near(results[0].corners, qr_frame(member_code)[1], tolerance=4)


# -- choosing a backend ----------------------------------------------------------------------------


def test_get_reader_prefers_zxing_cpp() -> None:
    assert isinstance(get_reader(), ZxingCppReader)
    assert isinstance(get_reader("pyzbar"), PyzbarReader)
    with pytest.raises(ValueError, match="unknown QR decoder"):
        get_reader("quagga")


def test_get_reader_falls_back_to_pyzbar_when_zxing_cpp_is_missing(
    monkeypatch: pytest.MonkeyPatch, member_code: str
) -> None:
    monkeypatch.setitem(sys.modules, "zxingcpp", None)  # `import zxingcpp` now raises ImportError

    reader = get_reader()
    assert isinstance(reader, PyzbarReader)
    frame, _ = qr_frame(member_code)
    assert [r.text for r in reader.decode(frame)] == [member_code]
    # Asking for zxing-cpp by name falls back the same way rather than leaving the desk without a camera.
    assert isinstance(get_reader("zxing-cpp"), PyzbarReader)


def test_get_reader_says_what_to_install_when_no_decoder_loads(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "zxingcpp", None)
    monkeypatch.setitem(sys.modules, "pyzbar", None)
    monkeypatch.setitem(sys.modules, "pyzbar.pyzbar", None)

    with pytest.raises(QrReaderUnavailable) as excinfo:
        get_reader()
    message = str(excinfo.value)
    assert "pip install zxing-cpp" in message and "libzbar0" in message


# -- frame sources ---------------------------------------------------------------------------------


def test_video_file_source_reads_every_frame_then_ends(member_video: Path) -> None:
    with CaptureSource.video_file(member_video) as source:
        frames = list(source)
        assert source.read() is None
    assert len(frames) == 40
    assert frames[0].shape == (480, 640, 3)


def test_video_file_can_be_paced_like_a_live_camera(member_video: Path) -> None:
    with CaptureSource.video_file(member_video, realtime=True) as source:
        started = time.monotonic()
        for _ in range(4):
            assert source.read() is not None
        elapsed = time.monotonic() - started
    assert elapsed >= 3 / 15 * 0.95  # written at 15 fps: three frame intervals between four frames


def test_missing_video_file_or_camera_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="not found"):
        CaptureSource.video_file(tmp_path / "nope.mp4")
    (tmp_path / "junk.mp4").write_bytes(b"not a video")
    with pytest.raises(FrameSourceError, match="could not be opened"):
        CaptureSource.video_file(tmp_path / "junk.mp4")
    with pytest.raises(FrameSourceError, match="Camera 97 could not be opened"):
        CaptureSource.camera(97)


class _FakeCapture:
    def __init__(self, opened: bool):
        self.opened = opened
        self.released = False

    def isOpened(self) -> bool:
        return self.opened

    def release(self) -> None:
        self.released = True


def test_list_cameras_reports_the_indexes_that_open_and_releases_all() -> None:
    made: dict[int, _FakeCapture] = {}

    def opener(index: int) -> _FakeCapture | None:
        if index == 2:
            raise RuntimeError("driver crashed")
        if index == 4:
            return None  # no device node at all
        made[index] = _FakeCapture(opened=index in (1, 3))
        return made[index]

    assert list_cameras(6, open_capture=opener) == [1, 3]
    assert sorted(made) == [0, 1, 3, 5] and all(c.released for c in made.values())
    assert list_cameras(4, open_capture=lambda i: None) == []
    # The real probe on this machine: whatever it finds, it finds without raising.
    found = list_cameras(3)
    assert found == sorted(set(found)) and all(0 <= i < 3 for i in found)


# -- the scan loop ---------------------------------------------------------------------------------


@pytest.mark.parametrize("backend", PRODUCT_BACKENDS)
def test_scan_loop_reports_the_code_in_a_recorded_video_once(
    backend: str, member_video: Path, member_code: str
) -> None:
    codes: list[tuple[str, tuple]] = []
    per_frame: list[list[QrResult]] = []
    loop = ScanLoop(
        CaptureSource.video_file(member_video),
        BACKENDS[backend](),
        on_code=lambda text, corners: codes.append((text, corners)),
        on_frame=lambda frame, results: per_frame.append(results),
    )

    assert loop.run() == 40

    assert [text for text, _ in codes] == [member_code]
    corners = np.array(codes[0][1], dtype=float)
    assert (corners >= -2).all() and (corners[:, 0] <= 642).all() and (corners[:, 1] <= 482).all()
    assert 0.8 * 148**2 < cv2.contourArea(corners.astype(np.float32)) < 1.2 * 148**2
    seen = [bool(results) for results in per_frame]
    assert len(seen) == 40 and not seen[0] and not seen[-1]
    assert sum(seen) >= 12  # resting in view for 16 frames, plus the fully visible part of the slide
    assert loop.source.read() is None  # the loop released the capture


class _ScriptedReader(QrReader):
    """Says frame ``i`` (a 1×1 frame holding i) shows the codes in ``script[i]``."""

    name = "scripted"
    CORNERS = ((0, 0), (10, 0), (10, 10), (0, 10))

    def __init__(self, script: list[list[str]]):
        self.script = script

    def decode(self, frame: np.ndarray) -> list[QrResult]:
        return [QrResult(text, self.CORNERS) for text in self.script[int(frame[0, 0])]]


def _run_script(script: list[list[str]], **options: object) -> list[str]:
    codes: list[str] = []
    frames = [np.full((1, 1), i, dtype=np.uint8) for i in range(len(script))]
    ScanLoop(IterableSource(frames), _ScriptedReader(script), lambda text, _: codes.append(text), **options).run()
    return codes


def test_scan_loop_reports_again_only_after_the_code_left_the_view() -> None:
    a, b = ["MAAAA"], ["MBBBB"]
    # A two-frame dropout is a missed decode, not the member taking the phone away.
    assert _run_script([a, a, [], [], a, a], gone_after_frames=3) == ["MAAAA"]
    assert _run_script([a, a, [], [], [], a], gone_after_frames=3) == ["MAAAA", "MAAAA"]
    # Two codes in view at once are both reported; the same code twice in one frame, once.
    assert _run_script([a + b, a + b + b, b]) == ["MAAAA", "MBBBB"]


def test_scan_loop_repeats_a_code_held_in_view_after_the_timeout() -> None:
    ticks = itertools.count()  # one second per frame
    codes = _run_script([["MAAAA"]] * 7, repeat_after=2.5, clock=lambda: float(next(ticks)))
    assert codes == ["MAAAA"] * 3  # at t = 0, 3 and 6
    assert _run_script([["MAAAA"]] * 7, repeat_after=None) == ["MAAAA"]


def test_scan_loop_stops_from_another_thread() -> None:
    source = IterableSource(itertools.repeat(blank_frame()))  # a camera that never ends
    running = threading.Event()
    frames_seen = []

    def on_frame(frame: np.ndarray, results: list[QrResult]) -> None:
        frames_seen.append(results)
        if len(frames_seen) >= 3:
            running.set()

    loop = ScanLoop(source, get_reader(), on_code=lambda *_: None, on_frame=on_frame)
    worker = threading.Thread(target=loop.run, daemon=True)
    worker.start()
    assert running.wait(timeout=10)

    loop.stop()
    worker.join(timeout=10)

    assert not worker.is_alive()
    assert all(results == [] for results in frames_seen)
    assert source.read() is None  # closed by the loop on its own thread
