"""Settings: server and registration, printer, camera, language, idle lock."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QSpinBox

from membership.i18n import LANGUAGES

from ..i18n import LANGUAGE_NAMES, current_language
from ..widgets import Screen, button, form, label, row


class SettingsScreen(Screen):
    def __init__(self, win):
        super().__init__(win)
        self.server, self.code = QLineEdit(), QLineEdit()
        self.server.setObjectName("ServerUrl")
        self.code.setObjectName("RegistrationCode")
        self.register_button = button()
        self.printer = QComboBox()
        self.printer.setObjectName("Printer")
        self.paper = QComboBox()
        self.camera = QComboBox()
        self.camera.setObjectName("Camera")
        self.language = QComboBox()
        self.language.setObjectName("Language")
        for lang in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[lang], lang)
        self.idle = QSpinBox()
        self.idle.setRange(1, 120)
        self.idle.setMaximumWidth(140)
        self._printers: list[str] = []
        self._cameras: list[int] = []
        self.idle.setObjectName("IdleMinutes")
        self.labels = [label() for _ in range(7)]
        fields = form()
        for lab, widget in zip(
            self.labels,
            (self.server, self.code, self.printer, self.paper, self.camera, self.language, self.idle),
            strict=True,
        ):
            fields.addRow(lab, widget)
        fields.insertRow(2, "", self.register_button)
        self.note = label(name="Subtitle", wrap=True)
        self.save_button = button(primary=True)
        self.save_button.setObjectName("SaveSettings")
        self.back_button = button()
        self.about_button = button()
        self.about_button.setObjectName("About")
        self.layout_.addLayout(fields)
        self.layout_.addWidget(self.note)
        self.layout_.addWidget(self.message)
        self.layout_.addLayout(row(self.save_button, self.back_button, self.about_button))
        self.layout_.addStretch(1)
        self.save_button.clicked.connect(self.save)
        self.back_button.clicked.connect(self.win.show_home)
        self.register_button.clicked.connect(self.register)
        self.about_button.clicked.connect(self.about)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Settings"))
        for lab, text in zip(
            self.labels,
            (
                self.tr("Server address"),
                self.tr("One-time registration code"),
                self.tr("Printer"),
                self.tr("Receipt paper"),
                self.tr("Camera"),
                self.tr("Language"),
                self.tr("Lock after idle (minutes)"),
            ),
            strict=True,
        ):
            lab.setText(text)
        self.server.setPlaceholderText("https://members.example-mall.cn")
        self.register_button.setText(self.tr("Register this terminal"))
        self.save_button.setText(self.tr("Save"))
        self.about_button.setText(self.tr("About MemberDesk"))
        self.back_button.setText(self.tr("Back"))
        self.note.setText(
            self.tr("The language changes at once, without a restart. Settings are kept in this terminal's database.")
        )
        self._fill_choices()

    def _fill_choices(self) -> None:
        """The choice lists in the current language, keeping what is selected."""

        def refill(combo, items) -> None:
            current = combo.currentData()
            combo.clear()
            for text, value in items:
                combo.addItem(text, value)
            combo.setCurrentIndex(max(0, combo.findData(current)))

        refill(self.paper, [(self.tr("80 mm thermal"), "80"), (self.tr("58 mm thermal"), "58")])
        refill(
            self.printer,
            [(self.tr("Save receipts as PDF (no printer)"), "")] + [(name, name) for name in self._printers],
        )
        refill(
            self.camera,
            [(self.tr("No camera (scanner only)"), "")]
            + [(self.tr("Camera {index}").format(index=i), str(i)) for i in self._cameras],
        )

    def refresh(self) -> None:
        settings = self.win.settings
        self.server.setText(settings.get("server_url", ""))
        self.code.clear()
        self._printers = self.win.available_printers()
        self._cameras = self.win.available_cameras()
        self._fill_choices()
        self.printer.setCurrentIndex(max(0, self.printer.findData(settings.get("printer", ""))))
        self.paper.setCurrentIndex(max(0, self.paper.findData(settings.get("paper", "80"))))
        self.camera.setCurrentIndex(max(0, self.camera.findData(settings.get("camera", ""))))
        self.language.setCurrentIndex(self.language.findData(current_language()))
        self.idle.setValue(int(settings.get("idle_minutes", "15")))

    def save(self) -> None:
        values = {
            "server_url": self.server.text().strip(),
            "printer": self.printer.currentData() or "",
            "paper": self.paper.currentData(),
            "camera": self.camera.currentData() or "",
            "language": self.language.currentData(),
            "idle_minutes": str(self.idle.value()),
        }
        self.win.save_settings(values)

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
