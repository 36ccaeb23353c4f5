"""Every error statecheck raises on purpose derives from :class:`StatecheckError`.

The tree::

    StatecheckError                 base: a message a user can act on, and the input it concerns
    ├── InputError                  an input cannot be read (missing, empty, binary, corrupt, no text)
    │   └── FetchError              a URL could not be fetched (timeout, HTTP status, size, type)
    ├── LimitError                  an input is over a configured limit (size, pages, time)
    ├── ReferenceDataError          a reference series is missing, malformed or cannot be updated
    ├── StoreError                  the corpus database cannot be opened or written
    └── UsageError                  options that do not fit together

The CLI and the web app each turn these into one line (or one JSON error) in exactly one place;
anything else that escapes is our bug and is reported as such.
"""

from __future__ import annotations


class StatecheckError(Exception):
    """Base class: ``str(error)`` is one line naming the input (when there is one) and the problem."""

    def __init__(self, message: str, *, location: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.location = location

    def __str__(self) -> str:
        if self.location:
            return f"{self.location}: {self.message}"
        return self.message


class InputError(StatecheckError):
    """An input cannot be read as a document."""


class FetchError(InputError):
    """A URL could not be fetched."""


class LimitError(StatecheckError):
    """An input exceeds a configured limit."""


class ReferenceDataError(StatecheckError):
    """Reference data is missing, malformed, or could not be updated."""


class StoreError(StatecheckError):
    """The corpus store cannot be opened or written."""


class UsageError(StatecheckError):
    """Options or arguments that do not fit together."""
