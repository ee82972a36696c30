"""Why printing failed, in words a person at the desk can act on: :class:`PrintError` and its messages.

Every spooler (pycups, ``lp``/``lpstat``, the Windows shell) and the ESC/POS transport raise these, so
a problem reads the same whichever way the job went; each message ends in the next step.
"""

from __future__ import annotations

from dataclasses import dataclass

from membership.i18n import QT_TRANSLATE_NOOP, Message

CTX = "Print"


class PrintError(Exception):
    """Printing failed; ``reason`` is a stable word for code, ``message`` a translatable text for people."""

    def __init__(self, reason: str, message: Message):
        super().__init__(f"{reason}: {message}")
        self.reason = reason
        self.message = message


def error(reason: str, text: str, **params: object) -> PrintError:
    return PrintError(reason, Message(CTX, text, params))


def no_spooler() -> PrintError:
    return error(
        "no_spooler",
        QT_TRANSLATE_NOOP(
            "Print",
            "Printing is not set up on this terminal (the print "
            "service is not installed). Save the document as PDF instead, "
            "and ask IT to install the printer.",
        ),
    )


def service_down() -> PrintError:
    return error(
        "service_down",
        QT_TRANSLATE_NOOP(
            "Print", "The print service on this terminal is not running. Restart the terminal or ask IT, then reprint."
        ),
    )


def no_answer(seconds: float) -> PrintError:
    return error(
        "timeout",
        QT_TRANSLATE_NOOP(
            "Print", "The print service did not answer within {seconds} seconds. Check the printer, then reprint."
        ),
        seconds=int(seconds),
    )


def no_such_printer(printer: str) -> PrintError:
    return error(
        "no_printer",
        QT_TRANSLATE_NOOP(
            "Print",
            "Printer “{printer}” is not set up on this terminal. Choose another printer in Settings, or save as PDF.",
        ),
        printer=printer,
    )


def no_default_printer() -> PrintError:
    return error(
        "no_printer",
        QT_TRANSLATE_NOOP(
            "Print",
            "No printer is chosen and this terminal has no default "
            "printer. Choose a printer in Settings, or save as PDF.",
        ),
    )


def refused(printer: str, detail: str) -> PrintError:
    return error(
        "refused",
        QT_TRANSLATE_NOOP("Print", "Printer “{printer}” refused the job: {detail}. Check the printer, then reprint."),
        printer=printer,
        detail=detail or "?",
    )


def job_not_finished(printer: str, seconds: float) -> PrintError:
    return error(
        "timeout",
        QT_TRANSLATE_NOOP(
            "Print",
            "Printer “{printer}” has not finished the job after "
            "{seconds} seconds. Check the printer; reprint if nothing came "
            "out.",
        ),
        printer=printer,
        seconds=int(seconds),
    )


def state_error(printer: str, reason: str, detail: str) -> PrintError:
    """The message for a printer problem by its reason word (``out_of_paper``, ``paper_jam``, ...)."""
    if reason == "out_of_paper":
        return error(
            reason,
            QT_TRANSLATE_NOOP("Print", "Printer “{printer}” is out of paper. Load a new roll, then reprint."),
            printer=printer,
        )
    if reason == "paper_jam":
        return error(
            reason,
            QT_TRANSLATE_NOOP("Print", "Printer “{printer}” has a paper jam. Clear it, then reprint."),
            printer=printer,
        )
    if reason == "cover_open":
        return error(
            reason,
            QT_TRANSLATE_NOOP("Print", "Printer “{printer}” has its cover open. Close it, then reprint."),
            printer=printer,
        )
    if reason == "printer_offline":
        return error(
            reason,
            QT_TRANSLATE_NOOP("Print", "Printer “{printer}” is offline. Check its power and cable, then reprint."),
            printer=printer,
        )
    return error(
        "printer_stopped",
        QT_TRANSLATE_NOOP(
            "Print",
            "Printer “{printer}” is stopped ({detail}). Check the printer, ask a manager to resume it, then reprint.",
        ),
        printer=printer,
        detail=detail or "?",
    )


# -- a CUPS queue's state, however it was read -------------------------------------------------------------

# printer-state-reasons (RFC 8011) a person can fix at the printer, most urgent first.
_REASONS = (
    ("media-empty", "out_of_paper"),
    ("media-needed", "out_of_paper"),
    ("media-jam", "paper_jam"),
    ("cover-open", "cover_open"),
    ("door-open", "cover_open"),
    ("offline", "printer_offline"),
    ("shutdown", "printer_offline"),
)
# Drivers and managers word the reason a queue was stopped freely ("Media empty", "Out of paper", "Paper jam").
_STOP_WORDS = (
    ("jam", "paper_jam"),
    ("paper", "out_of_paper"),
    ("media", "out_of_paper"),
    ("cover", "cover_open"),
    ("door", "cover_open"),
)


@dataclass(frozen=True)
class QueueState:
    """What CUPS says about a queue: printer-state-reasons, whether it is stopped (and the message it was
    stopped with), whether it accepts jobs. pycups reads these as IPP attributes, ``lpstat`` as text."""

    reasons: tuple[str, ...]
    stopped: bool
    message: str
    accepting: bool


def refuse_unfit(printer: str, state: QueueState) -> None:
    """Raise :class:`PrintError` when the queue cannot print now: the member is still at the desk."""
    alerts = " ".join(state.reasons).lower()
    for needle, reason in _REASONS:
        if needle in alerts:
            raise state_error(printer, reason, "")
    if state.stopped:
        lowered = state.message.lower()
        for needle, reason in _STOP_WORDS:
            if needle in lowered:
                raise state_error(printer, reason, state.message)
        raise state_error(printer, "printer_stopped", state.message)
    if not state.accepting:
        raise error(
            "not_accepting",
            QT_TRANSLATE_NOOP(
                "Print", "Printer “{printer}” is not accepting jobs. Ask a manager to enable it, then reprint."
            ),
            printer=printer,
        )
