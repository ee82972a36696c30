"""Seeded generator of synthetic 1280×720 camera frames showing one member QR each, and of the test video.

Every frame is a pure function of (category, index, seed), so the benchmark is reproducible on any
machine. Run it directly to write sample PNGs or the sliding-code video:

    .venv/bin/python bench/qrframes.py samples /tmp/qrsamples      # 2 PNGs per category
    .venv/bin/python bench/qrframes.py video /tmp/member_code.mp4   # the ScanLoop test video
"""

from __future__ import annotations

import argparse
import hashlib
import math
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
import segno

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from membership.codes import make_member_no, sign_member_token

FRAME_W, FRAME_H = 1280, 720
DEFAULT_SEED = 20240611
CATEGORIES: tuple[str, ...] = (
    "clean",
    "small",
    "rotated",
    "perspective",
    "blurred",
    "low_contrast",
    "jpeg_noisy",
    "cluttered",
)
# What each category varies, for the benchmark's documentation.
CATEGORY_NOTES: dict[str, str] = {
    "clean": "upright (±4°), module 4–7 px, sensor noise σ 2",
    "small": "module 1.8–2.4 px (code ≈ 70–90 px wide), ±8°",
    "rotated": "any angle 0–360°, module 3.5–6 px",
    "perspective": "card tilted 25–55° out of the image plane (pinhole camera, f = 1000 px), module ≈ 4–6.5 px",
    "blurred": "Gaussian blur σ 1.0–2.0 px, module 4.5–6.5 px",
    "low_contrast": "12–50 grey levels between dark and light modules (dim screen, glare), plus a lighting gradient",
    "jpeg_noisy": "Gaussian noise σ 6–14, then JPEG quality 12–30",
    "cluttered": "busy background (text, boxes, stripes, other squares), ±20°, module 3.5–6 px",
}

_SRC_MODULE = 8  # pixels per module of the master image that is warped into the frame
_QUIET = 4  # quiet-zone modules, as printed and as shown by the member app


@dataclass(frozen=True)
class QrFrame:
    category: str
    index: int
    text: str
    image: np.ndarray  # BGR uint8, FRAME_H × FRAME_W
    corners: np.ndarray  # 4×2 float32, the code's outline (without quiet zone) in the frame


def member_key(seed: int = DEFAULT_SEED) -> Ed25519PrivateKey:
    """A signing key derived from the seed, so the member tokens are the same on every run."""
    return Ed25519PrivateKey.from_private_bytes(hashlib.sha256(f"qrframes-key-{seed}".encode()).digest())


def member_token(n: int, seed: int = DEFAULT_SEED) -> str:
    """The n-th member's signed QR token (Ed25519 signatures are deterministic)."""
    return sign_member_token(member_key(seed), 1, make_member_no(7, 1 + n % 999_999))


def qr_modules(text: str) -> np.ndarray:
    """The QR symbol as a boolean matrix (True = dark), without quiet zone, error level M."""
    return np.array(segno.make(text, error="m", boost_error=False).matrix, dtype=bool)


def code_image(text: str, module_px: int, *, quiet: int = _QUIET, dark: int = 0, light: int = 255) -> np.ndarray:
    """A gray image of the code with its quiet zone, ``module_px`` pixels per module."""
    modules = qr_modules(text)
    img = np.where(modules, dark, light).astype(np.uint8)
    img = np.kron(img, np.ones((module_px, module_px), dtype=np.uint8))
    pad = quiet * module_px
    return cv2.copyMakeBorder(img, pad, pad, pad, pad, cv2.BORDER_CONSTANT, value=light)


# -- backgrounds ---------------------------------------------------------------------------------


def _smooth_noise(rng: np.random.Generator, h: int, w: int, cell: int) -> np.ndarray:
    small = rng.random((max(2, h // cell), max(2, w // cell)), dtype=np.float32)
    return cv2.resize(small, (w, h), interpolation=cv2.INTER_CUBIC)


def _desk_background(rng: np.random.Generator) -> np.ndarray:
    """A counter top under shop lighting: a tinted gradient with soft texture and a few objects."""
    h, w = FRAME_H, FRAME_W
    base = rng.uniform(90, 190)
    tint = rng.uniform(-20, 20, size=3)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    angle = rng.uniform(0, 2 * math.pi)
    gradient = ((xx - w / 2) * math.cos(angle) + (yy - h / 2) * math.sin(angle)) / w * rng.uniform(20, 60)
    texture = (_smooth_noise(rng, h, w, 40) - 0.5) * 30 + (_smooth_noise(rng, h, w, 6) - 0.5) * 10
    gray = base + gradient + texture
    bg = np.clip(np.stack([gray + t for t in tint], axis=-1), 0, 255).astype(np.uint8)
    for _ in range(rng.integers(2, 6)):
        colour = tuple(int(c) for c in rng.integers(30, 230, size=3))
        x, y = int(rng.integers(0, w)), int(rng.integers(0, h))
        if rng.random() < 0.5:
            cv2.rectangle(bg, (x, y), (x + int(rng.integers(40, 300)), y + int(rng.integers(40, 200))), colour, -1)
        else:
            cv2.circle(bg, (x, y), int(rng.integers(20, 120)), colour, -1)
    return cv2.GaussianBlur(bg, (0, 0), 1.5)


def _cluttered_background(rng: np.random.Generator) -> np.ndarray:
    """A receipt-strewn, poster-covered counter: text, stripes, boxes and square-ish marks everywhere."""
    bg = _desk_background(rng)
    h, w = FRAME_H, FRAME_W
    fonts = (cv2.FONT_HERSHEY_SIMPLEX, cv2.FONT_HERSHEY_DUPLEX, cv2.FONT_HERSHEY_PLAIN, cv2.FONT_HERSHEY_COMPLEX)
    alphabet = np.array(list("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ¥.%-"))
    for _ in range(rng.integers(25, 45)):
        text = "".join(rng.choice(alphabet, size=int(rng.integers(4, 22))))
        colour = tuple(int(c) for c in rng.integers(0, 256, size=3))
        org = (int(rng.integers(-50, w)), int(rng.integers(10, h)))
        cv2.putText(
            bg,
            text,
            org,
            fonts[int(rng.integers(len(fonts)))],
            float(rng.uniform(0.5, 2.2)),
            colour,
            int(rng.integers(1, 4)),
            cv2.LINE_AA,
        )
    for _ in range(rng.integers(8, 20)):
        colour = tuple(int(c) for c in rng.integers(0, 256, size=3))
        p1 = (int(rng.integers(0, w)), int(rng.integers(0, h)))
        p2 = (int(rng.integers(0, w)), int(rng.integers(0, h)))
        cv2.line(bg, p1, p2, colour, int(rng.integers(1, 6)), cv2.LINE_AA)
    # Barcode-like stripes and finder-pattern-like squares: the things that fool a detector.
    for _ in range(rng.integers(2, 5)):
        x, y = int(rng.integers(0, w - 200)), int(rng.integers(0, h - 80))
        for dx in np.cumsum(rng.integers(2, 9, size=40)):
            if x + dx < w and rng.random() < 0.5:
                cv2.line(bg, (int(x + dx), y), (int(x + dx), y + 70), (20, 20, 20), int(rng.integers(1, 4)))
    for _ in range(rng.integers(3, 8)):
        s = int(rng.integers(12, 40))
        x, y = int(rng.integers(0, w - 7 * s // 4)), int(rng.integers(0, h - 7 * s // 4))
        cv2.rectangle(bg, (x, y), (x + s, y + s), (10, 10, 10), -1)
        cv2.rectangle(bg, (x + s // 7, y + s // 7), (x + s - s // 7, y + s - s // 7), (240, 240, 240), -1)
        cv2.rectangle(bg, (x + 2 * s // 7, y + 2 * s // 7), (x + s - 2 * s // 7, y + s - 2 * s // 7), (10, 10, 10), -1)
    noise = rng.normal(0, 6, size=bg.shape)
    return np.clip(bg + noise, 0, 255).astype(np.uint8)


# -- placing the code ---------------------------------------------------------------------------


def _square(side: float) -> np.ndarray:
    return np.array([[0, 0], [side, 0], [side, side], [0, side]], dtype=np.float32)


def _rotated_quad(side: float, angle_deg: float) -> np.ndarray:
    a = math.radians(angle_deg)
    rot = np.array([[math.cos(a), -math.sin(a)], [math.sin(a), math.cos(a)]], dtype=np.float32)
    return (_square(side) - side / 2) @ rot.T


def _tilted_quad(rng: np.random.Generator, side: float) -> np.ndarray:
    """The outline of a square card of ``side`` pixels tilted out of the image plane, pinhole-projected."""
    focal = 1000.0
    tilt = math.radians(rng.uniform(25, 55))
    axis = rng.uniform(0, 2 * math.pi)
    spin = math.radians(rng.uniform(-30, 30))
    k = np.array([math.cos(axis), math.sin(axis), 0.0])
    kx = np.array([[0, -k[2], k[1]], [k[2], 0, -k[0]], [-k[1], k[0], 0]])
    r_tilt = np.eye(3) + math.sin(tilt) * kx + (1 - math.cos(tilt)) * kx @ kx
    r_spin = np.array([[math.cos(spin), -math.sin(spin), 0], [math.sin(spin), math.cos(spin), 0], [0, 0, 1]])
    half = side / 2
    corners3 = np.array([[-half, -half, 0], [half, -half, 0], [half, half, 0], [-half, half, 0]])
    pts = corners3 @ (r_tilt @ r_spin).T + np.array([0, 0, focal])
    return (pts[:, :2] * focal / pts[:, 2:3]).astype(np.float32)


def _place(bg: np.ndarray, card: np.ndarray, quad: np.ndarray, blur_sigma: float) -> None:
    """Warp the gray card onto the BGR background so its corners land on ``quad`` (in place)."""
    h, w = card.shape
    src = np.array([[0, 0], [w, 0], [w, h], [0, h]], dtype=np.float32)
    hom = cv2.getPerspectiveTransform(src, quad.astype(np.float32))
    if blur_sigma > 0.3:  # anti-aliasing before shrinking, about what a lens does anyway
        card = cv2.GaussianBlur(card, (0, 0), blur_sigma)
    warped = cv2.warpPerspective(card, hom, (FRAME_W, FRAME_H), flags=cv2.INTER_LINEAR, borderValue=0)
    mask = cv2.warpPerspective(np.full_like(card, 255), hom, (FRAME_W, FRAME_H), flags=cv2.INTER_LINEAR)
    alpha = (mask.astype(np.float32) / 255.0)[..., None]
    bg[:] = (bg * (1 - alpha) + warped[..., None].astype(np.float32) * alpha).astype(np.uint8)


def _position(rng: np.random.Generator, quad: np.ndarray, margin: int = 10) -> np.ndarray:
    """Shift a centred quad to a random spot where it lies fully inside the frame."""
    lo, hi = quad.min(axis=0), quad.max(axis=0)
    x = rng.uniform(margin - lo[0], FRAME_W - margin - hi[0])
    y = rng.uniform(margin - lo[1], FRAME_H - margin - hi[1])
    return quad + np.array([x, y], dtype=np.float32)


@dataclass(frozen=True)
class Look:
    """How one frame shows its code; the categories draw these from ranges, sweeps set them directly."""

    module: float  # pixels per module in the frame (at the card's centre when tilted)
    angle: float = 0.0  # in-plane rotation, degrees
    tilt: bool = False  # tilted out of the image plane (perspective)
    blur: float = 0.0  # Gaussian σ over the whole frame, pixels
    noise: float = 2.0  # Gaussian sensor noise σ, grey levels
    jpeg_quality: int | None = None
    dark: int = 0
    light: int = 255
    cluttered: bool = False


def draw_look(category: str, rng: np.random.Generator) -> Look:
    """The category's random draw of a :class:`Look` (ranges documented in ``CATEGORY_NOTES``)."""
    if category == "clean":
        return Look(module=rng.uniform(4, 7), angle=rng.uniform(-4, 4))
    if category == "small":
        return Look(module=rng.uniform(1.8, 2.4), angle=rng.uniform(-8, 8))
    if category == "rotated":
        return Look(module=rng.uniform(3.5, 6), angle=rng.uniform(0, 360))
    if category == "perspective":
        return Look(module=rng.uniform(4, 6.5), tilt=True)
    if category == "blurred":
        return Look(module=rng.uniform(4.5, 6.5), angle=rng.uniform(-10, 10), blur=rng.uniform(1.0, 2.0))
    if category == "low_contrast":
        module, angle = rng.uniform(4, 6.5), rng.uniform(-10, 10)
        dark = int(rng.integers(100, 150))
        return Look(module=module, angle=angle, dark=dark, light=dark + int(rng.integers(12, 51)))
    if category == "jpeg_noisy":
        return Look(
            module=rng.uniform(3.5, 6),
            angle=rng.uniform(-10, 10),
            noise=rng.uniform(6, 14),
            jpeg_quality=int(rng.integers(12, 31)),
        )
    if category == "cluttered":
        return Look(module=rng.uniform(3.5, 6), angle=rng.uniform(-20, 20), cluttered=True)
    raise ValueError(f"unknown category {category!r}")


def render(text: str, look: Look, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """A BGR frame showing ``text`` as ``look`` says, and the code's outline in it (4×2 float32)."""
    card_modules = qr_modules(text).shape[0] + 2 * _QUIET
    side = card_modules * look.module
    quad = _tilted_quad(rng, side) if look.tilt else _rotated_quad(side, look.angle)
    quad = _position(rng, quad)

    bg = _cluttered_background(rng) if look.cluttered else _desk_background(rng)
    dark, light = look.dark, look.light
    if (dark, light) != (0, 255):
        # Dim, flat light: the whole scene is squeezed into the code's grey range.
        bg = (dark + (bg.astype(np.float32) / 255.0) * (light - dark)).astype(np.uint8)
    card = code_image(text, _SRC_MODULE, dark=dark, light=light)
    _place(bg, card, quad, blur_sigma=0.45 * _SRC_MODULE / look.module)

    frame = bg.astype(np.float32)
    if (dark, light) != (0, 255):
        yy, xx = np.mgrid[0:FRAME_H, 0:FRAME_W].astype(np.float32)
        light_angle = rng.uniform(0, 2 * math.pi)
        ramp = (xx / FRAME_W - 0.5) * math.cos(light_angle) + (yy / FRAME_H - 0.5) * math.sin(light_angle)
        frame *= (1.0 + ramp * rng.uniform(0.2, 0.4))[..., None]
    if look.blur:
        frame = cv2.GaussianBlur(frame, (0, 0), look.blur)
    frame += rng.normal(0, look.noise, size=frame.shape)
    image = np.clip(frame, 0, 255).astype(np.uint8)
    if look.jpeg_quality is not None:
        ok, buf = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, look.jpeg_quality])
        if not ok:
            raise RuntimeError("JPEG encoding failed")
        image = cv2.imdecode(buf, cv2.IMREAD_COLOR)

    inset = _QUIET / card_modules
    hom = cv2.getPerspectiveTransform(_square(1.0), quad)
    code_unit = np.array(
        [[inset, inset], [1 - inset, inset], [1 - inset, 1 - inset], [inset, 1 - inset]], dtype=np.float32
    )
    return image, cv2.perspectiveTransform(code_unit[None], hom)[0]


def make_frame(category: str, index: int, seed: int = DEFAULT_SEED) -> QrFrame:
    """Frame ``index`` of ``category``: the same pixels for the same arguments, on every machine."""
    if category not in CATEGORIES:
        raise ValueError(f"unknown category {category!r}")
    cat_no = CATEGORIES.index(category)
    rng = np.random.default_rng([seed, cat_no, index])
    text = member_token(cat_no * 10_000 + index, seed)
    image, corners = render(text, draw_look(category, rng), rng)
    return QrFrame(category, index, text, image, corners)


def frames(category: str, count: int = 60, seed: int = DEFAULT_SEED) -> Iterator[QrFrame]:
    for index in range(count):
        yield make_frame(category, index, seed)


def blank_frame(index: int, seed: int = DEFAULT_SEED, *, cluttered: bool = False) -> np.ndarray:
    """A frame with no code at all: most frames a desk camera sees look like this."""
    rng = np.random.default_rng([seed, 99, index])
    bg = _cluttered_background(rng) if cluttered else _desk_background(rng)
    return np.clip(bg + rng.normal(0, 2.0, size=bg.shape), 0, 255).astype(np.uint8)


# -- the test video ------------------------------------------------------------------------------


def sliding_code_frames(
    text: str, *, count: int = 40, size: tuple[int, int] = (640, 480), module_px: int = 4, seed: int = 7
) -> Iterator[np.ndarray]:
    """A code sliding in from the left, resting in the middle, and leaving to the right.

    The first and last frames show no code at all, so a reader must lose it between the two.
    """
    w, h = size
    rng = np.random.default_rng(seed)
    card = code_image(text, module_px)
    ch, cw = card.shape
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    base = (120 + 40 * xx / w + 20 * yy / h + (_smooth_noise(rng, h, w, 16) - 0.5) * 20).astype(np.float32)
    enter, leave = count * 3 // 10, count * 7 // 10  # moving until `enter`, resting until `leave`
    centre_x = (w - cw) // 2
    top = (h - ch) // 2
    for i in range(count):
        if i < enter:
            x = int(-cw - 10 + (centre_x + cw + 10) * i / enter)
        elif i < leave:
            x = centre_x
        else:
            x = int(centre_x + (w + 10 - centre_x) * (i - leave + 1) / (count - leave))
        frame = base.copy()
        x0, x1 = max(x, 0), min(x + cw, w)
        if x1 > x0:
            frame[top : top + ch, x0:x1] = card[:, x0 - x : x1 - x]
        frame += rng.normal(0, 2.0, size=frame.shape)
        gray = np.clip(frame, 0, 255).astype(np.uint8)
        yield cv2.cvtColor(gray, cv2.COLOR_GRAY2BGR)


def write_video(path: str | Path, frames_bgr: list[np.ndarray] | Iterator[np.ndarray], fps: float = 15.0) -> Path:
    """Write frames with mp4v into ``path``; falls back to MJPG in a .avi where mp4 cannot be written.

    Returns the path actually written (its suffix may have changed).
    """
    path = Path(path)
    frames_bgr = list(frames_bgr)
    h, w = frames_bgr[0].shape[:2]
    for suffix, fourcc in ((path.suffix or ".mp4", "mp4v"), (".avi", "MJPG")):
        target = path.with_suffix(suffix)
        writer = cv2.VideoWriter(str(target), cv2.VideoWriter_fourcc(*fourcc), fps, (w, h))
        if not writer.isOpened():
            writer.release()
            continue
        for frame in frames_bgr:
            writer.write(frame)
        writer.release()
        if target.is_file() and target.stat().st_size > 0:
            return target
    raise RuntimeError("OpenCV could not write a video with mp4v or MJPG")


def write_member_video(path: str | Path, text: str | None = None, **kwargs: object) -> Path:
    """The ScanLoop test video: ~40 frames, 640×480, one member code sliding in, resting, leaving."""
    return write_video(path, sliding_code_frames(text or member_token(0), **kwargs))  # type: ignore[arg-type]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    samples = sub.add_parser("samples", help="write a few frames of every category as PNG")
    samples.add_argument("out_dir", type=Path)
    samples.add_argument("--per-category", type=int, default=2)
    samples.add_argument("--seed", type=int, default=DEFAULT_SEED)
    video = sub.add_parser("video", help="write the sliding member-code video used by the tests")
    video.add_argument("path", type=Path)
    args = parser.parse_args(argv)
    if args.command == "samples":
        args.out_dir.mkdir(parents=True, exist_ok=True)
        for category in CATEGORIES:
            for f in frames(category, args.per_category, args.seed):
                cv2.imwrite(str(args.out_dir / f"{category}_{f.index:03d}.png"), f.image)
        print(f"wrote {len(CATEGORIES) * args.per_category} frames to {args.out_dir}")
    else:
        written = write_member_video(args.path)
        print(f"wrote {written}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
