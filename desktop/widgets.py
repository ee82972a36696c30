"""Building blocks every screen uses: the screen base class, labelled forms, error display."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sync.services import USER_ERRORS

from .i18n import render, translate

if TYPE_CHECKING:
    from .shell import Shell


def label(text: str = "", name: str = "", wrap: bool = False) -> QLabel:
    widget = QLabel(text)
    if name:
        widget.setObjectName(name)
    widget.setWordWrap(wrap)
    return widget


def button(name: str = "", primary: bool = False, danger: bool = False) -> QPushButton:
    widget = QPushButton()
    if name:
        widget.setObjectName(name)
    # Style by property, so a button can keep an object name of its own (tests and QSS both use it).
    widget.setProperty("primary", primary)
    widget.setProperty("danger", danger)
    widget.setCursor(Qt.CursorShape.PointingHandCursor)
    widget.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
    widget.setAutoDefault(True)  # a focused button answers Enter as well as Space: the keyboard finishes every task
    return widget


def key_shortcut(widget: QAbstractButton, key: str) -> QShortcut:
    """``key`` presses ``widget`` at once while the button is visible and enabled in the active window.

    A button's own ``setShortcut`` goes through Qt's ``animateClick``: the button shows pressed and the
    click comes about 100 ms after the key, so the first digit a quick clerk types after F1 lands on the
    screen being left. ``click()`` acts on the key itself; the button is still drawn pressed while it
    runs, and the screen that opens is the feedback. (``setText`` also drops a button's own shortcut for
    the text's mnemonic; this one survives a language change.)
    """
    shortcut = QShortcut(QKeySequence(key), widget)
    shortcut.setContext(Qt.ShortcutContext.WindowShortcut)  # as a button's own: the matcher checks it is shown
    shortcut.activated.connect(widget.click)
    return shortcut


def with_key(text: str, key: str) -> str:
    """A button's text with its shortcut shown, e.g. "消费积分  F1"."""
    return f"{text}  [{key}]"


def error_text(exc: BaseException) -> str:
    """The message a person can act on; anything else is a bug and goes to the crash handler."""
    from printing.spool import PrintError

    if isinstance(exc, (*USER_ERRORS, PrintError)):
        return render(exc.message)  # type: ignore[attr-defined]
    raise exc


def stepper(spin: QSpinBox) -> QWidget:
    """A number field with large − and + buttons beside it (the spin box's own arrows are hidden: under the
    style sheet they drew as two thin lines). The buttons take no focus: the keyboard uses ↑/↓ in the field."""
    # The arrows are hidden by the style sheet (zero width): NoButtons would leave Qt's styled edit field
    # one pixel wide, the value invisible.
    spin.setProperty("stepper", True)
    spin.setAlignment(Qt.AlignmentFlag.AlignCenter)
    digits = spin.fontMetrics().horizontalAdvance("8" * len(str(spin.maximum())))
    spin.setMinimumWidth(digits + 60)
    holder = QWidget()
    layout = QHBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(6)
    layout.addWidget(spin)
    for text, step in (("−", spin.stepDown), ("+", spin.stepUp)):
        widget = QPushButton(text)
        widget.setObjectName("Stepper")
        widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        widget.setAutoRepeat(True)  # held down, it keeps counting
        widget.clicked.connect(step)
        layout.addWidget(widget)
    layout.addStretch(1)
    return holder


def show_rows(table: QTableView, rows: int = 5) -> None:
    """The table never gets less room than ``rows`` rows and its header: squeezed below that, a clerk
    choosing a row sees half a line. (The screen scrolls instead when the window is too small.)"""
    header = table.horizontalHeader().sizeHint().height() if table.horizontalHeader().isVisible() else 0
    frame = 2 * table.frameWidth() + 4  # the frame and the focus ring's margin
    table.setMinimumHeight(header + rows * table.verticalHeader().defaultSectionSize() + frame)


class Screen(QWidget):
    """One task's page in the main window's stack. Subclasses build widgets once and set their texts in
    ``retranslate`` (called again on every language change) and load data in ``refresh``.

    The page's widgets live in a scroll area: on a screen too small for a form (1280×720 with a long form)
    the page scrolls rather than Qt squeezing tables to half a row or laying fields over each other, and
    the widget with the keyboard focus is always scrolled into view."""

    def __init__(self, win: Shell):
        super().__init__()
        self.win = win
        self.setObjectName("Screen")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.page_scroll = QScrollArea()
        self.page_scroll.setObjectName("ScreenScroll")
        self.page_scroll.setWidgetResizable(True)
        self.page_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.page_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # not a Tab stop of its own
        self.page = QWidget()
        self.page.setObjectName("ScreenBody")
        self.layout_ = QVBoxLayout(self.page)
        self.page_scroll.setWidget(self.page)
        self.page_scroll.viewport().setAutoFillBackground(False)
        outer.addWidget(self.page_scroll)
        app = QApplication.instance()
        if app is not None:
            app.focusChanged.connect(self._focus_moved)
        self.layout_.setContentsMargins(24, 12, 24, 12)
        self.layout_.setSpacing(12)
        self.title = label(name="Title")
        self.layout_.addWidget(self.title)
        self.message = label(name="Error", wrap=True)
        # The message line keeps its room while empty, so a message appearing never moves the form.
        policy = self.message.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.message.setSizePolicy(policy)
        self.message.setMinimumHeight(2 * self.message.fontMetrics().lineSpacing() + 6)
        self.message.hide()
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.back)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _focus_moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        """Keep the focused widget in view when the page scrolls (Tab into a field below the fold)."""
        if new is not None and self.page.isAncestorOf(new) and self.isVisible():
            self.page_scroll.ensureWidgetVisible(new, 8, 8)

    def retranslate(self) -> None:
        """Set every visible text; called once at construction and on each language change."""

    def refresh(self) -> None:
        """Reload what the screen shows (on entering it)."""

    def back(self) -> None:
        """Esc: one step back (the member, or Home)."""
        if self.win.session is not None:
            self.win.show_home()

    def dirty(self) -> bool:
        """Whether the screen holds input a scan would throw away (then the desk asks first)."""
        return False

    def required(self) -> list[QWidget]:
        """The fields Enter walks through before it confirms: the first empty one (a text field without
        text, an unticked box) gets the focus instead."""
        return []

    def primary_button(self) -> QPushButton | None:
        """The button Enter presses once every required field is filled."""
        return None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter anywhere on the screen that a field lets through (text fields, dates, lists, boxes do) goes
        to the next empty required field, or presses the primary button. A focused button takes Enter itself."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.isAutoRepeat():
            event.accept()
            self.enter()
            return
        super().keyPressEvent(event)

    def enter(self) -> None:
        empty = next((w for w in self.required() if w.isVisibleTo(self) and _empty(w)), None)
        if empty is not None and empty is not self.focusWidget():
            empty.setFocus()
            return
        primary = self.primary_button()
        if primary is not None and primary.isVisibleTo(self) and primary.isEnabled():
            primary.click()

    def has_input(self, *exclude: QWidget) -> bool:
        """Any editable text field on this screen that has been typed into."""
        return any(
            edit.text().strip() and not edit.isReadOnly() and edit.isVisibleTo(self) and edit not in exclude
            for edit in self.findChildren(QLineEdit)
            if edit.parent() is not None and not isinstance(edit.parent(), QAbstractSpinBox)
        )

    def focus_primary(self) -> None:
        """Where the keyboard starts on this screen (after a scan, after entering it)."""

    def entered(self) -> None:
        """Called when the screen becomes current; default: clear the message and refresh."""
        self.show_error(None)
        self.refresh()

    def show_error(self, exc_or_text: BaseException | str | None) -> None:
        if exc_or_text is None:
            self.message.hide()
            self.message.setText("")
            return
        text = exc_or_text if isinstance(exc_or_text, str) else error_text(exc_or_text)
        self.message.setObjectName("Error")
        self.message.setText(text)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.show()

    def show_notice(self, text: str) -> None:
        """A confirmation in green on the message line (a saved file, a sent print job)."""
        self.message.setObjectName("Ok")
        self.message.setText(text)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.show()

    def run(self, fn, on_done) -> None:
        """Run store work off the GUI thread; a refusal lands in this screen's message line."""
        self.show_error(None)
        self.win.tasks.run(fn, on_done, self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.show_error(exc)

    def run_stepped(self, fn, on_done, busy=None) -> None:
        """Like :meth:`run` for actions that may ask for the PIN again (reveals, adjustments, reversals,
        large redemptions): ``fn(pin)`` runs first with ``None``; if the services want the PIN, a
        password prompt opens and ``fn`` runs again with what was typed. Cancelling does nothing.
        ``busy(True)`` is called before each attempt and ``busy(False)`` after it (a waiting state)."""

        def attempt(pin) -> None:
            self.show_error(None)
            if busy is not None:
                busy(True)
            self.win.tasks.run(lambda: fn(pin), done, failed)

        def done(result) -> None:
            if busy is not None:
                busy(False)
            self.show_error(None)
            on_done(result)

        def failed(exc: BaseException) -> None:
            if busy is not None:
                busy(False)
            if getattr(exc, "code", None) == "step_up_required":
                self.show_error(None)
                self.ask_pin(attempt)
            else:
                self.show_error(exc)

        attempt(None)

    def show_wait(self, text: str) -> None:
        """A waiting note on the message line (the network is being asked)."""
        self.message.setObjectName("Wait")
        self.message.setText(text)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.show()

    def ask_pin(self, then) -> None:
        from PySide6.QtWidgets import QInputDialog, QLineEdit

        dialog = QInputDialog(self)
        dialog.setObjectName("StepUp")
        dialog.setWindowTitle(translate("Screen", "Confirm with your PIN"))
        dialog.setLabelText(translate("Screen", "Enter your PIN again to confirm this."))
        dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
        dialog.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        dialog.textValueSelected.connect(lambda pin: then(pin) if pin else None)
        dialog.finished.connect(lambda _: self.window().activateWindow())  # the keyboard returns to the desk
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()


def _empty(widget: QWidget) -> bool:
    if isinstance(widget, QLineEdit):
        return not widget.text().strip()
    if isinstance(widget, QCheckBox):
        return not widget.isChecked()
    return False


def form() -> QFormLayout:
    layout = QFormLayout()
    layout.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    layout.setHorizontalSpacing(16)
    layout.setVerticalSpacing(10)
    return layout


def row(*widgets: QWidget, stretch: bool = True) -> QHBoxLayout:
    layout = QHBoxLayout()
    layout.setSpacing(10)
    for w in widgets:
        layout.addWidget(w)
    if stretch:
        layout.addStretch(1)
    return layout
