"""The web app: server-rendered pages (no JavaScript needed) and a JSON API under ``/api/``."""

from statecheck.web.app import create_app
from statecheck.web.serve import serve

__all__ = ["create_app", "serve"]
