"""Alembic migrations for the corpus, shipped as package data and run by :func:`statecheck.store.open_store`.

To add one: write ``versions/NNNN_what.py`` with ``down_revision`` set to the latest
revision, and change ``statecheck/store/schema.py`` to match (a test compares them).
``alembic -c src/statecheck/store/migrations/alembic.ini revision -m "..."`` makes the file.
"""
