"""Alembic's environment: run the migrations on the connection statecheck hands over."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from statecheck.store.schema import metadata

config = context.config
connection = config.attributes.get("connection")

if connection is None:
    # The alembic command line (developers only): connect to the URL in alembic.ini.
    engine = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite:///corpus.db")
    with engine.begin() as connection:
        context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
else:
    # render_as_batch: SQLite cannot ALTER most things; batch mode copies the table instead.
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
