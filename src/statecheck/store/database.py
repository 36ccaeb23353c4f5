"""Opening a corpus: SQLite (a file path) or PostgreSQL (a ``postgresql://`` URL).

Every open runs the migrations up to the newest this version knows, so a corpus made by
an older statecheck opens in this one; a corpus made by a newer one is refused with a
message rather than misread.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Self

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from statecheck.errors import StoreError

MIGRATIONS = Path(__file__).parent / "migrations"


@dataclass(frozen=True)
class Store:
    """An open corpus. Create it with :func:`open_store`; pass it to every store function."""

    engine: Engine
    location: str
    """What the user gave (a path, or a URL with the password hidden), for messages."""

    @property
    def dialect(self) -> str:
        """``sqlite`` or ``postgresql``: the two places the SQL differs (search, upserts)."""
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    """The newest migration this version of statecheck knows."""
    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None, "the migrations folder has no revision"
    return head


def _sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # The sqlite3 module begins transactions on its own, late, and never before a SAVEPOINT, which
    # then commits on release: it is told to leave that to SQLAlchemy, which emits BEGIN
    # (_sqlite_begin), so that a batch's savepoints stay inside its transaction.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    # Foreign keys make ON DELETE CASCADE work; SQLite leaves them off by default.
    cursor.execute("PRAGMA foreign_keys = ON")
    # WAL lets the web server read while `ingest` writes; busy_timeout waits out a writer.
    cursor.execute("PRAGMA journal_mode = WAL")
    # With WAL, NORMAL syncs at checkpoints instead of at every commit (one commit per document):
    # still never corrupt; a power cut may lose the last few documents, and running ingest
    # again stores them (the inputs are still there). Measured: +25% documents per second.
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.execute("PRAGMA busy_timeout = 10000")
    cursor.close()


def _sqlite_begin(connection: Connection) -> None:
    connection.exec_driver_sql("BEGIN")


def _listen_sqlite(engine: Engine) -> None:
    event.listen(engine, "connect", _sqlite_pragmas)
    event.listen(engine, "begin", _sqlite_begin)


def _engine_for(target: str) -> tuple[Engine, str]:
    if "://" not in target:
        path = Path(target)
        if path.is_dir():
            raise StoreError("is a folder, not a database file", location=target)
        if not path.parent.exists():
            raise StoreError(f"folder {path.parent} does not exist", location=target)
        engine = create_engine(f"sqlite:///{path}")
        _listen_sqlite(engine)
        return engine, target
    try:
        url = make_url(target)
    except ArgumentError as error:
        raise StoreError(f"not a database URL ({error})", location=target) from error
    if url.drivername in {"postgres", "postgresql"}:
        # psycopg 3 is what the `postgres` extra installs; SQLAlchemy's default would be psycopg2.
        url = url.set(drivername="postgresql+psycopg")
    shown = url.render_as_string(hide_password=True)
    if url.get_backend_name() == "postgresql":
        try:
            import psycopg  # noqa: F401
        except ImportError as error:
            raise StoreError(
                "PostgreSQL needs the psycopg driver: pip install 'statecheck[postgres]'", location=shown
            ) from error
    elif url.get_backend_name() != "sqlite":
        raise StoreError("only SQLite files and postgresql:// URLs are supported", location=shown)
    try:
        engine = create_engine(url, pool_pre_ping=True)
    except (ArgumentError, ImportError) as error:
        raise StoreError(str(error), location=shown) from error
    if url.get_backend_name() == "sqlite":
        _listen_sqlite(engine)
    return engine, shown


def open_store(target: str | Path) -> Store:
    """Open (creating if needed) the corpus at a SQLite path or a PostgreSQL URL, migrated to the newest schema."""
    engine, shown = _engine_for(str(target))
    store = Store(engine=engine, location=shown)
    try:
        migrate(store)
    except BaseException:
        engine.dispose()
        raise
    return store


def current_revision(store: Store) -> str | None:
    """The migration the corpus is at (None for an empty database)."""
    try:
        with store.engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()
    except SQLAlchemyError as error:
        raise StoreError(f"cannot be opened: {_first_line(error)}", location=store.location) from error


def migrate(store: Store, revision: str = "head") -> None:
    """Upgrade the corpus to ``revision`` (all migrations by default) in one transaction."""
    known = ScriptDirectory.from_config(_alembic_config())
    found = current_revision(store)
    if found is not None and found not in {script.revision for script in known.walk_revisions()}:
        raise StoreError(
            f"was made by a newer statecheck (schema {found}); upgrade statecheck to open it",
            location=store.location,
        )
    config = _alembic_config()
    try:
        with store.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
    except (SQLAlchemyError, CommandError) as error:
        raise StoreError(f"cannot be migrated: {_first_line(error)}", location=store.location) from error


def downgrade(store: Store, revision: str) -> None:
    """Undo migrations down to ``revision`` (``base``: an empty database). For developers and tests."""
    config = _alembic_config()
    try:
        with store.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, revision)
    except (SQLAlchemyError, CommandError) as error:
        raise StoreError(f"cannot be migrated: {_first_line(error)}", location=store.location) from error


def _first_line(error: BaseException) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__


@contextmanager
def database_errors(store: Store) -> Iterator[None]:
    """Turn a database error into a :class:`StoreError` naming the corpus (the one place for it)."""
    try:
        yield
    except SQLAlchemyError as error:
        detail = str(getattr(error, "orig", None) or error).strip().splitlines()[0]
        raise StoreError(f"database error: {detail}", location=store.location) from error
