"""``statecheck reverify``: check every stored claim again (after the record or the verifier changed)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy import update

from statecheck.errors import StoreError
from statecheck.options import Options
from statecheck.store import codec
from statecheck.store.database import Store, database_errors
from statecheck.store.documents import document_ids, load_document, utc_now
from statecheck.store.evidence import series_ids
from statecheck.store.schema import claims, documents
from statecheck.verify import verify_document

#: Options are frozen, so one shared default instance is safe.
DEFAULT_OPTIONS = Options()


@dataclass(frozen=True)
class ReverifyReport:
    documents: int
    claims: int
    changed: int
    """Claims whose verdict is not what it was."""


def reverify(store: Store, options: Options = DEFAULT_OPTIONS, *, all_versions: bool = False) -> ReverifyReport:
    """Run the verifier on the stored claims of every document (latest versions unless ``all_versions``).

    Claims are not extracted again, only checked; each document's verdicts are replaced in
    one transaction.
    """
    ids = document_ids(store, all_versions=all_versions)
    n_claims = changed = 0
    for document_id in ids:
        stored = load_document(store, document_id)
        if stored is None or not stored.document.claims:
            continue
        before = stored.document
        unchecked = replace(before, claims=tuple(replace(claim, verdict=None) for claim in before.claims))
        after = verify_document(unchecked, options)
        if len(after.claims) != len(before.claims):
            raise StoreError(
                f"the verifier returned {len(after.claims)} claims for {len(before.claims)}",
                location=before.source.location,
            )
        now = utc_now()
        with database_errors(store), store.engine.begin() as connection:
            cited = series_ids(connection, after.claims)
            for claim_id, old, new in zip(stored.claim_ids, before.claims, after.claims):
                n_claims += 1
                if (old.verdict and old.verdict.verdict) != (new.verdict and new.verdict.verdict):
                    changed += 1
                connection.execute(
                    update(claims)
                    .where(claims.c.id == claim_id)
                    .values(**codec.verdict_columns(new.verdict, cited), verified_at=now if new.verdict else None)
                )
            connection.execute(
                update(documents).where(documents.c.id == document_id).values(summary=after.summary())
            )
    return ReverifyReport(documents=len(ids), claims=n_claims, changed=changed)
