"""Scanned codes into the window: the one router for wedge, serial and camera scans, and the camera."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from membership import codes
from sync.settings import CAMERA

from ..i18n import translate


class ScanMixin:
    """Routes every scanned code from wherever the clerk is; starts and stops the camera."""

    def route_scan(self, code: str, source: str = "wedge") -> None:
        """The one entry point for every scanned code, wherever the user is.

        ``source`` is ``"wedge"``, ``"camera"`` or ``"serial"`` (for the log; routing is the same). A member
        code opens the member; a coupon opens its verification, checked, for the member on screen; a
        paper slip opens back-entry for that slip; a payment code or anything else gets a message on the
        current screen, never a name search. If the screen holds a half-filled form the desk asks first.
        Call on the GUI thread.
        """
        from .. import scanroute

        if self.session is None or QApplication.activeModalWidget() is not None:
            return
        kind, code = scanroute.classify(code)
        screen = self.stack.currentWidget()
        if kind == scanroute.SLIP:
            if not self.allowed("back_entry"):
                screen.show_error(
                    translate("MainWindow", "This is a paper slip; a desk clerk or a manager keys it in.")
                )
                return
            self._leave_then(screen, lambda: self._open_slip(code))
        elif kind == scanroute.COUPON:
            member = self._member_on_screen(screen)
            self._leave_then(screen, lambda: self.show_coupon(member, code))
        elif kind in (scanroute.WECHAT_PAY, scanroute.ALIPAY):
            screen.show_error(
                translate(
                    "MainWindow", "This is a WeChat Pay payment code, not a member code. Ask for the member code."
                )
                if kind == scanroute.WECHAT_PAY
                else translate(
                    "MainWindow", "This is an Alipay payment code, not a member code. Ask for the member code."
                )
            )
        elif kind == scanroute.UNKNOWN:
            try:
                codes.verify_member_token(code, {}, self.services._today())
            except codes.CodeError as exc:  # says what is wrong: not a member code, incomplete
                screen.show_error(exc)
        else:
            services, session = self.services, self.session

            def found(hits) -> None:
                if self.session is not session:
                    return
                if not hits:
                    self.stack.currentWidget().show_error(
                        translate("MainWindow", "No member has the scanned code {code}.").format(code=code)
                    )
                    return
                member_no = hits[0].member_no
                self._leave_then(self.stack.currentWidget(), lambda: self.show_member(member_no))

            self.tasks.run(lambda: services.lookup(session, code), found, lambda exc: self._scan_failed(exc))

    def precheck_online(self) -> bool:
        """Whether a redemption or coupon verification will ask the server first (a synced terminal that
        believes it is online); the screen then shows that it is checking."""
        services = self.services
        if getattr(services, "engine", None) is None:
            return False
        is_online = getattr(services, "_is_online", None)
        return bool(is_online() if is_online is not None else self.online)

    def _scan_failed(self, exc: BaseException) -> None:
        self.stack.currentWidget().show_error(exc)

    def _member_on_screen(self, screen) -> str | None:
        if screen is self.member_screen or screen in self.action_screens.values():
            return getattr(screen, "member_no", None)
        if screen is self.result_screen and screen.result is not None:
            return screen.result.member_no
        return None

    def _leave_then(self, screen, go) -> None:
        """Run ``go`` (which leaves the screen or refills it); ask first when a half-filled form would be lost."""
        if not screen.dirty():
            go()
            return
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(self)
        box.setObjectName("DiscardForm")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(translate("MainWindow", "A form is half filled"))
        box.setText(
            translate(
                "MainWindow", "A code was scanned while this form is half filled. Leave the form and open the code?"
            )
        )
        leave = box.addButton(translate("MainWindow", "Open the code (Enter)"), QMessageBox.ButtonRole.AcceptRole)
        stay = box.addButton(translate("MainWindow", "Keep the form (Esc)"), QMessageBox.ButtonRole.RejectRole)
        leave.setObjectName("DiscardLeave")
        stay.setObjectName("DiscardStay")
        box.setDefaultButton(leave)
        box.setEscapeButton(stay)

        def answered(_: int) -> None:
            self.activateWindow()  # the keyboard comes back to the desk, not to nowhere
            if box.clickedButton() is leave:
                go()
            else:
                screen.focus_primary()

        box.finished.connect(answered)
        box.finished.connect(box.deleteLater)
        box.open()

    def start_camera(self) -> None:
        source = self.camera_file or self.settings.value(CAMERA)
        if not source or self.camera_worker is not None:
            return
        from ..qrreader.frames import CaptureSource
        from ..scanner import CameraWorker

        if self.camera_file:

            def factory():
                return CaptureSource.video_file(self.camera_file, realtime=True)  # plays like a live camera
        else:

            def factory():
                return CaptureSource.camera(int(source))

        self.camera_worker = CameraWorker(factory, parent=self, emit_frames=True)
        self.camera_worker.code_scanned.connect(lambda code: self.route_scan(code, "camera"))
        self.camera_worker.frame_ready.connect(self.home_screen.preview.show_frame)
        self.home_screen.preview.show()
        self.camera_worker.failed.connect(lambda text: self.home_screen.show_error(text))
        self.camera_worker.start()

    def stop_camera(self) -> None:
        if self.camera_worker is not None:
            self.camera_worker.stop()
            self.camera_worker = None

    def available_cameras(self) -> list[int]:
        from ..qrreader.frames import list_cameras

        return list_cameras(max_index=4)
