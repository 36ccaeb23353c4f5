"""For the tests that press Ctrl-C on a command they start (``from ctrl_c import like_a_terminal``)."""

from __future__ import annotations

import sys

# Resets SIGINT, then becomes the command (exec keeps the process, and so the pid the test signals).
_RESET_THEN_EXEC = "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execv(sys.argv[1], sys.argv[1:])"


def like_a_terminal(command: list[str]) -> list[str]:
    """``command`` started with SIGINT at its default action, as from a terminal.

    A shell that starts jobs without job control (``cmd &`` in a script, some CI runners) sets
    SIGINT to "ignore" for them, and a process that starts with SIGINT ignored keeps it so:
    Python then installs no KeyboardInterrupt handler, and the Ctrl-C the test sends would never
    arrive. (``preexec_fn`` would do the same but is unsafe in a process with threads.)
    """
    return [sys.executable, "-c", _RESET_THEN_EXEC, *command]
