"""Shared by every test folder: this folder is on ``sys.path`` (pytest puts a conftest's folder
there), so ``from local_server import serving`` works from any test module."""
