"""The terminal's settings as the window keeps them: saved off the GUI thread, applied at once."""

from __future__ import annotations

from sync.settings import IDLE_MINUTES, LANGUAGE

from ..i18n import current_language, translate


class SettingsMixin:
    """Saves the Settings screen's values and applies what changes at once (idle time, language)."""

    def save_settings(self, values: dict[str, str]) -> None:
        store = self.store

        def write() -> None:
            with store.transaction() as conn:
                for key, value in values.items():
                    store.set_setting(conn, key, value)

        def saved(_: object) -> None:
            language_changed = values.get(LANGUAGE.key) != current_language()
            self.settings.update(values)
            self.idle_timer.setInterval(self.settings.value(IDLE_MINUTES) * 60_000)
            if language_changed:
                self.switch_language(self.settings.value(LANGUAGE))
            self.settings_screen.message.setObjectName("Ok")
            self.settings_screen.show_error(translate("MainWindow", "Settings saved."))
            self.settings_screen.message.setObjectName("Ok")
            self.settings_screen.message.style().polish(self.settings_screen.message)

        self.tasks.run(write, saved, self.settings_screen.show_error)
