"""Turn a library's exception into the one-line detail of our own error message."""

from __future__ import annotations

_MAX_DETAIL = 200


def one_line(error: BaseException) -> str:
    """The exception's message on one line, cut to a readable length (its type name if it has none)."""
    message = " ".join(str(error).split()) or type(error).__name__
    return message if len(message) <= _MAX_DETAIL else message[: _MAX_DETAIL - 1] + "…"
