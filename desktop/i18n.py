"""Qt translations: load Qt's own and ours, switch language at run time, render domain messages."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from membership.i18n import DEFAULT_LANGUAGE, LANGUAGES, Message, Text

TRANSLATIONS = Path(__file__).resolve().parent.parent / "resources" / "translations"
LANGUAGE_NAMES = {"zh_CN": "简体中文", "zh_TW": "繁體中文", "en": "English"}

_state: dict[str, object] = {"language": DEFAULT_LANGUAGE, "translators": []}


def current_language() -> str:
    return str(_state["language"])


def install_language(language: str) -> None:
    """Replace the installed translators; Qt then sends every widget a LanguageChange event."""
    if language not in LANGUAGES:
        language = DEFAULT_LANGUAGE
    app = QCoreApplication.instance()
    assert app is not None
    for translator in _state["translators"]:  # type: ignore[attr-defined]
        app.removeTranslator(translator)
        translator.deleteLater()  # it reads the previous buffer, replaced below
    installed: list[QTranslator] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qtbase = QTranslator(app)
    if language != "en" and qtbase.load(QLocale(language), "qtbase", "_", qt_dir):
        app.installTranslator(qtbase)  # Qt's own first: dialog buttons, context menus
        installed.append(qtbase)
    ours = QTranslator(app)
    qm = TRANSLATIONS / f"memberdesk_{language}.qm"
    data = b""
    if language != "en":
        # Loaded from a copy in memory, not a mapping of the file: a .qm rewritten while the desk runs (an
        # update, a translator's rebuild) would otherwise crash the app at its next translated string.
        try:
            data = qm.read_bytes()
        except OSError:
            data = b""
        if not data or not ours.load(data):
            raise FileNotFoundError(f"{qm} is missing: run scripts/setup (it compiles the translations)")
        app.installTranslator(ours)
        installed.append(ours)
    _state["qm_data"] = data  # QTranslator reads this buffer for as long as it is installed
    _state["translators"] = installed
    _state["language"] = language
    QLocale.setDefault(QLocale(language))


def translate(context: str, text: str) -> str:
    """Qt's translation of ``text``; lupdate extracts ``translate("Context", "text")`` calls by name."""
    return QCoreApplication.translate(context, text)


def render(message: Message | Text | str) -> str:
    """A domain message (or rules text) in the current language, through Qt's translators."""
    if isinstance(message, str):
        return message
    if isinstance(message, Text):
        return message.get(current_language())
    template = QCoreApplication.translate(message.context, message.text)
    params = {
        key: render(value) if isinstance(value, (Message, Text)) else value for key, value in message.params.items()
    }
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return message.text.format(**params)
