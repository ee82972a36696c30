"""The live camera preview: frames from the camera worker, with each detected code outlined."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import QLabel, QSizePolicy


class CameraPreview(QLabel):
    """Shows the newest frame scaled to fit; detected codes get a green outline."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("CameraPreview")
        self.setMinimumSize(320, 180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.frames_shown = 0
        self.outlined = 0

    def show_frame(self, frame: np.ndarray, results: list) -> None:
        if frame.ndim == 2:
            frame = np.repeat(frame[:, :, None], 3, axis=2)
        rgb = np.ascontiguousarray(frame[:, :, ::-1])
        height, width = rgb.shape[:2]
        image = QImage(rgb.data, width, height, 3 * width, QImage.Format.Format_RGB888).copy()
        if results:
            painter = QPainter(image)
            pen = QPen(QColor("#22c55e"))
            pen.setWidth(max(3, width // 200))
            painter.setPen(pen)
            for result in results:
                painter.drawPolygon(QPolygonF([QPointF(x, y) for x, y in result.corners]))
            painter.end()
            self.outlined += 1
        self.setPixmap(
            QPixmap.fromImage(image).scaled(
                self.size(), Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
        )
        self.frames_shown += 1
