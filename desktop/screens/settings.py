"""Settings: server and registration, the desk's printers and scanner, camera, language, idle lock.

The printer part is what a new desk sets up first: the receipt printer's model (its profile chooses
ESC/POS or PDF), how it is connected and where, the paper, the encoding when it differs from the
model's, an optional logo, the print queue for A4 documents, and a test print of what is on screen
before anything is saved. A serial (USB-COM) scanner needs its port and speed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from membership.i18n import LANGUAGES, Message
from sync.settings import (
    CAMERA,
    IDLE_MINUTES,
    LANGUAGE,
    PAPER,
    PRINTER,
    PRINTER_ADDRESS,
    PRINTER_ENCODING,
    PRINTER_LOGO,
    PRINTER_PROFILE,
    PRINTER_TRANSPORT,
    SCANNER_BAUD,
    SCANNER_PORT,
    SERVER_URL,
)

from ..i18n import LANGUAGE_NAMES, current_language, render
from ..serial_scanner import BAUDS, available_ports
from ..widgets import Screen, button, error_text, form, key_shortcut, label, row, stepper, with_key

if TYPE_CHECKING:
    from ..shell import Shell
SAVE_KEY = "Ctrl+S"


class SettingsScreen(Screen):
    def __init__(self, win: Shell):
        super().__init__(win)
        self.server, self.code = QLineEdit(), QLineEdit()
        self.server.setObjectName("ServerUrl")
        self.code.setObjectName("RegistrationCode")
        self.register_button = button()
        # -- the desk's printers
        self.profile = QComboBox()
        self.profile.setObjectName("PrinterProfile")
        self.transport = QComboBox()
        self.transport.setObjectName("PrinterTransport")
        self.address = QLineEdit()
        self.address.setObjectName("PrinterAddress")
        self.encoding = QComboBox()
        self.encoding.setObjectName("PrinterEncoding")
        self.logo = QLineEdit()
        self.logo.setObjectName("PrinterLogo")
        self.printer = QComboBox()
        self.printer.setObjectName("Printer")
        self.paper = QComboBox()
        self.paper.setObjectName("Paper")
        self.test_button = button()
        self.test_button.setObjectName("TestPrint")
        self.test_result = label(wrap=True)
        self.test_result.setObjectName("TestPrintResult")
        self.first_run_note = label(name="Subtitle", wrap=True)
        # -- scanner, camera, language, lock
        self.scanner_port = QComboBox()
        self.scanner_port.setEditable(True)  # /dev/serial/by-id/... or COM3, even before it is plugged in
        self.scanner_port.setObjectName("ScannerPort")
        self.scanner_baud = QComboBox()
        self.scanner_baud.setObjectName("ScannerBaud")
        for baud in BAUDS:
            self.scanner_baud.addItem(str(baud), str(baud))
        self.scanner_state = label(wrap=True)
        self.camera = QComboBox()
        self.camera.setObjectName("Camera")
        self.language = QComboBox()
        self.language.setObjectName("Language")
        for lang in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[lang], lang)
        self.idle = QSpinBox()
        self.idle.setRange(IDLE_MINUTES.minimum, IDLE_MINUTES.maximum)
        self.idle.setMaximumWidth(140)
        self.idle.setObjectName("IdleMinutes")
        self._printers: list[str] = []
        self._cameras: list[int] = []
        self._ports: list[str] = []
        self._watching_scanner = False

        general = form()
        self.general_labels = [label() for _ in range(5)]
        for lab, widget in zip(
            self.general_labels,
            (self.server, self.code, self.camera, self.language, stepper(self.idle)),
            strict=True,
        ):
            general.addRow(lab, widget)
        general.insertRow(2, "", self.register_button)
        self.general_box = label(name="Subtitle")

        printers = form()
        self.printer_labels = [label() for _ in range(7)]
        for lab, widget in zip(
            self.printer_labels,
            (self.profile, self.transport, self.address, self.paper, self.encoding, self.logo, self.printer),
            strict=True,
        ):
            printers.addRow(lab, widget)
        printers.addRow("", row(self.test_button))
        printers.addRow("", self.test_result)
        self.printer_box = label(name="Subtitle")

        scanner = form()
        self.scanner_labels = [label() for _ in range(2)]
        for lab, widget in zip(self.scanner_labels, (self.scanner_port, self.scanner_baud), strict=True):
            scanner.addRow(lab, widget)
        scanner.addRow("", self.scanner_state)
        self.scanner_box = label(name="Subtitle")

        # Two columns: the terminal and its scanner on the left, the printers on the right.
        left, right = QVBoxLayout(), QVBoxLayout()
        for layout, parts in (
            (left, (self.general_box, general, self.scanner_box, scanner)),
            (right, (self.printer_box, printers)),
        ):
            for part in parts:
                if isinstance(part, QLabel):
                    layout.addWidget(part)
                else:
                    layout.addLayout(part)
            layout.addStretch(1)
        grid = QHBoxLayout()
        grid.setSpacing(32)
        grid.addLayout(left, 1)
        grid.addLayout(right, 1)

        self.note = label(name="Subtitle", wrap=True)
        self.save_button = button(primary=True)
        self.save_button.setObjectName("SaveSettings")
        self.back_button = button()
        self.about_button = button()
        self.about_button.setObjectName("About")
        # The fields scroll when the window is short; the message and Save stay in view.
        content = QWidget()
        content.setObjectName("SettingsContent")
        box = QVBoxLayout(content)
        box.setContentsMargins(0, 0, 8, 0)
        box.addLayout(grid)
        box.addWidget(self.note)
        box.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(content)
        self.scroll.viewport().setAutoFillBackground(False)  # the screen's own background shows through
        self.layout_.addWidget(self.first_run_note)
        self.layout_.addWidget(self.scroll, 1)
        self.layout_.addWidget(self.message)
        self.layout_.addLayout(row(self.save_button, self.back_button, self.about_button))
        self.save_button.clicked.connect(self.save)
        key_shortcut(self.save_button, SAVE_KEY)
        self.back_button.clicked.connect(self.win.show_home)
        self.register_button.clicked.connect(self.register)
        self.about_button.clicked.connect(self.about)
        self.test_button.clicked.connect(self.test_print)
        self.profile.currentIndexChanged.connect(self._profile_changed)
        self.transport.currentIndexChanged.connect(self._transport_changed)
        self.retranslate()

    # -- texts -------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.title.setText(self.tr("Settings"))
        self.general_box.setText(self.tr("This terminal"))
        self.printer_box.setText(self.tr("Printers"))
        self.scanner_box.setText(self.tr("Serial scanner (USB-COM mode)"))
        texts = (
            self.tr("Server address"),
            self.tr("One-time registration code"),
            self.tr("Camera"),
            self.tr("Language"),
            self.tr("Lock after idle (minutes)"),
        )
        for lab, text in zip(self.general_labels, texts, strict=True):
            lab.setText(text)
        texts = (
            self.tr("Receipt printer"),
            self.tr("Connection"),
            self.tr("Address"),
            self.tr("Receipt paper"),
            self.tr("Chinese encoding"),
            self.tr("Logo (optional)"),
            self.tr("Printer for A4 and PDF"),
        )
        for lab, text in zip(self.printer_labels, texts, strict=True):
            lab.setText(text)
        self.scanner_labels[0].setText(self.tr("Port"))
        self.scanner_labels[1].setText(self.tr("Speed (baud)"))
        self.server.setPlaceholderText("https://members.example-mall.cn")
        self.logo.setPlaceholderText(self.tr("PNG file, printed at the top of every slip"))
        self.scanner_port.lineEdit().setPlaceholderText(self.tr("None: the scanner types (keyboard mode)"))
        self.register_button.setText(self.tr("Register this terminal"))
        self.test_button.setText(self.tr("Test print"))
        self.save_button.setText(with_key(self.tr("Save"), SAVE_KEY))
        self.about_button.setText(self.tr("About MemberDesk"))
        self.back_button.setText(with_key(self.tr("Back"), "Esc"))
        self.first_run_note.setText(
            self.tr("First, choose this desk's receipt printer and make a test print; then save.")
        )
        self.note.setText(
            self.tr("The language changes at once, without a restart. Settings are kept in this terminal's database.")
        )
        self._fill_choices()
        self._transport_changed()
        self._show_scanner_state()

    def _fill_choices(self) -> None:
        """The choice lists in the current language, keeping what is selected."""
        from printing.escpos import PROFILES

        def refill(combo, items) -> None:
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            for text, value in items:
                combo.addItem(text, value)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)

        refill(
            self.profile,
            [
                (self.tr("No receipt printer (print preview)"), "none"),
                (self.tr("Printer with a driver (PDF through the print queue)"), "pdf"),
            ]
            + [(f"{p.name} · {p.encoding.upper()}", p.key) for p in PROFILES.values()],
        )
        refill(
            self.transport,
            [
                (self.tr("USB (device file)"), "usb"),
                (self.tr("Network (port 9100)"), "tcp"),
                (self.tr("Print queue (raw CUPS)"), "cups"),
            ],
        )
        current_profile = PROFILES.get(self.profile.currentData() or "")
        model_encoding = current_profile.encoding.upper() if current_profile else "GB18030"
        refill(
            self.encoding,
            [(self.tr("As the model ({encoding})").format(encoding=model_encoding), "")]
            + [(name, name.lower()) for name in ("GB18030", "GBK", "UTF-8")],
        )
        refill(self.paper, [(self.tr("80 mm thermal"), "80"), (self.tr("58 mm thermal"), "58")])
        refill(
            self.printer,
            [(self.tr("None (print preview)"), "")] + [(name, name) for name in self._printers],
        )
        refill(
            self.camera,
            [(self.tr("No camera (scanner only)"), "")]
            + [(self.tr("Camera {index}").format(index=i), str(i)) for i in self._cameras],
        )
        port = self.scanner_port.currentText()
        self.scanner_port.blockSignals(True)
        self.scanner_port.clear()
        self.scanner_port.addItems(self._ports)
        self.scanner_port.setEditText(port)
        self.scanner_port.blockSignals(False)

    def _profile_changed(self) -> None:
        escpos = (self.profile.currentData() or "") not in ("", "pdf", "none")
        for widget in (self.transport, self.address, self.encoding, self.logo):
            widget.setEnabled(escpos)
        self._fill_choices()  # the encoding list names the model's own

    def _transport_changed(self) -> None:
        self.address.setPlaceholderText(
            {
                "usb": "/dev/usb/lp0",
                "tcp": "192.168.1.50:9100",
                "cups": self.tr("name of a raw print queue"),
            }.get(self.transport.currentData() or "usb", "")
        )

    def _show_scanner_state(self) -> None:
        scanner = getattr(self.win, "serial_scanner", None)
        if scanner is None or not scanner.port:
            self.scanner_state.setText(self.tr("No serial scanner: codes come from the keyboard wedge or camera."))
        elif scanner.connected:
            self.scanner_state.setText(self.tr("Scanner on {port} is connected.").format(port=scanner.port))
        else:
            self.scanner_state.setText(
                self.tr("Waiting for the scanner on {port} (plug it in; it is found by itself).").format(
                    port=scanner.port
                )
            )

    # -- loading and saving ----------------------------------------------------------------------------

    def refresh(self) -> None:
        settings = self.win.settings
        store = self.win.store
        self.server.setText(SERVER_URL.read(store))  # the server this terminal registered with
        self.code.clear()
        self._printers = self.win.available_printers()
        self._cameras = self.win.available_cameras()
        self._ports = available_ports()
        scanner = getattr(self.win, "serial_scanner", None)
        if scanner is not None and not self._watching_scanner:
            scanner.state_changed.connect(self._show_scanner_state)
            self._watching_scanner = True
        profile = settings.value(PRINTER_PROFILE) or ("pdf" if settings.value(PRINTER) else "none")
        self.profile.setCurrentIndex(max(0, self.profile.findData(profile)))
        self._fill_choices()
        self.transport.setCurrentIndex(max(0, self.transport.findData(settings.value(PRINTER_TRANSPORT))))
        self.address.setText(settings.value(PRINTER_ADDRESS))
        self.encoding.setCurrentIndex(max(0, self.encoding.findData(settings.value(PRINTER_ENCODING))))
        self.logo.setText(settings.value(PRINTER_LOGO))
        self.printer.setCurrentIndex(max(0, self.printer.findData(settings.value(PRINTER))))
        self.paper.setCurrentIndex(max(0, self.paper.findData(PAPER.text(settings.value(PAPER)))))
        self.camera.setCurrentIndex(max(0, self.camera.findData(settings.value(CAMERA))))
        self.scanner_port.setEditText(settings.value(SCANNER_PORT))
        baud = SCANNER_BAUD.text(settings.value(SCANNER_BAUD))
        self.scanner_baud.setCurrentIndex(max(0, self.scanner_baud.findData(baud)))
        self.language.setCurrentIndex(self.language.findData(current_language()))
        self.idle.setValue(settings.value(IDLE_MINUTES))
        self.first_run_note.setVisible(self.win.printer_service.first_run())
        self.test_result.setText("")
        self._profile_changed()
        self._transport_changed()
        self._show_scanner_state()

    def printer_values(self) -> dict[str, str]:
        return {
            PRINTER_PROFILE.key: self.profile.currentData() or "none",
            PRINTER_TRANSPORT.key: self.transport.currentData() or PRINTER_TRANSPORT.default,
            PRINTER_ADDRESS.key: self.address.text().strip(),
            PRINTER_ENCODING.key: self.encoding.currentData() or "",
            PRINTER_LOGO.key: self.logo.text().strip(),
            PRINTER.key: self.printer.currentData() or "",
            PAPER.key: self.paper.currentData(),
        }

    def _printer_problem(self, values: dict[str, str]) -> Message | None:
        """What is wrong with the receipt-printer set-up on screen, or None."""
        from printing.escpos import ConfigError, make_config

        if values[PRINTER_PROFILE.key] in ("none", "pdf"):
            return None
        try:
            make_config(
                values[PRINTER_PROFILE.key],
                values[PRINTER_TRANSPORT.key],
                values[PRINTER_ADDRESS.key],
                values[PAPER.key],
                values[PRINTER_ENCODING.key],
                values[PRINTER_LOGO.key],
            )
        except ConfigError as exc:
            return exc.message
        return None

    def save(self) -> None:
        # The server address is not saved here: registering writes it (SERVER_URL, the one key for it).
        values = {
            **self.printer_values(),
            CAMERA.key: self.camera.currentData() or "",
            LANGUAGE.key: self.language.currentData(),
            IDLE_MINUTES.key: IDLE_MINUTES.text(self.idle.value()),
            SCANNER_PORT.key: self.scanner_port.currentText().strip(),
            SCANNER_BAUD.key: self.scanner_baud.currentData() or SCANNER_BAUD.text(SCANNER_BAUD.default),
        }
        problem = self._printer_problem(values)
        if problem is not None:
            self.show_error(render(problem))  # nothing is saved until the set-up is complete
            return
        self.win.save_settings(values)
        self.first_run_note.hide()
        scanner = getattr(self.win, "serial_scanner", None)
        port, baud = values[SCANNER_PORT.key], values[SCANNER_BAUD.key]
        if scanner is not None and (scanner.port, str(scanner.baud)) != (port, baud):
            scanner.configure(port, baud)
            self._show_scanner_state()

    def test_print(self) -> None:
        """Print the test page with what is on screen (not yet saved), so staff can try before saving."""
        values = self.printer_values()
        problem = self._printer_problem(values)
        if problem is not None:
            self._test_failed(problem)
            return
        self.test_result.setObjectName("")
        self.test_result.setText(self.tr("Printing the test page…"))
        self.test_button.setEnabled(False)
        self.win.printer_service.test_print(values, self._test_done, self._test_failed)

    def _test_done(self, printer: str) -> None:
        self.test_button.setEnabled(True)
        self.test_result.setObjectName("Ok")
        self.test_result.setText(
            self.tr("Test page sent to {printer}. Check the Chinese line, the ruler and the QR code.").format(
                printer=printer
            )
        )
        self.test_result.style().polish(self.test_result)
        self.scroll.ensureWidgetVisible(self.test_result)

    def _test_failed(self, problem) -> None:
        self.test_button.setEnabled(True)
        self.test_result.setObjectName("Error")
        self.test_result.setText(render(problem) if isinstance(problem, Message) else error_text(problem))
        self.test_result.style().polish(self.test_result)
        self.scroll.ensureWidgetVisible(self.test_result)

    def about_text(self) -> str:
        from membership import __version__

        terminal = self.win.store.terminal()
        return self.tr("MemberDesk {version}\nTerminal {terminal} · rules {rules}").format(
            version=__version__,
            terminal=f"{terminal.terminal_id} {terminal.name}",
            rules=self.win.store.rules().version,
        )

    def about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(self, self.tr("About MemberDesk"), self.about_text())

    def register(self) -> None:
        self.win.register_terminal(self.server.text().strip(), self.code.text().strip())
