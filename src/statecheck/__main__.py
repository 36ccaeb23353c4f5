"""``python -m statecheck``: the ``statecheck`` command, for an environment whose scripts folder
is not on the PATH."""

from statecheck.cli import main

main()
