"""How fast copies and translations are found, and whether it stays flat as the corpus grows.

    python benchmarks/dedup.py                    # 2,000 and 20,000 documents
    python benchmarks/dedup.py --sizes 100000     # about 20 minutes on one core

The documents are the synthetic corpus of ``benchmarks/corpus.py`` (its templates make many
texts alike: a hard case for the index), and every 50th one is stored a second time with a new
preface, as a republication. Each document is saved with :func:`statecheck.store.save_document`
(card, no claims: what is timed is the fingerprint, the band index and the links) into a new
SQLite corpus. Printed per size:

* fingerprints per second (shingles, MinHash, number sequence: :mod:`statecheck.extract.fingerprint`);
* documents saved and linked per second (wall clock), and the CPU milliseconds per document over
  the first and the last tenth of the corpus (CPU time: the machine may be shared), all of
  ``save_document`` and the part that finds links: an index lookup per document keeps the
  tenths alike, where comparing with every stored document would make the last tenth ten times
  slower than the first (and a hundred times at 100,000);
* candidates per document: those sharing a band key, and those measured exactly;
  links found, republications found of those planted, and the corpus's size on disk.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import generate
from statecheck.extract import fingerprint as fp
from statecheck.model import Card, Document, Source, Text
from statecheck.store import documents as store_documents
from statecheck.store import links as store_links
from statecheck.store import open_store, save_document, table_counts

PREFACE = "Republished from our comrades' site, with thanks; the original follows in full.\n"


def documents(count: int) -> list[Document]:
    found = []
    for index, generated in enumerate(generate(count)):
        texts = [(generated.name, generated.text)]
        if index % 50 == 0:
            texts.append((generated.name + ".republished", PREFACE + generated.text))
        for name, text in texts:
            source = Source(location=name, doc_id=name, media_type="text/plain",
                            sha256=hashlib.sha256(text.encode()).hexdigest())
            language = {"news_es": "es", "news_fr": "fr"}.get(generated.kind, "en")
            found.append(Document(source=source, text=Text.plain(text), card=Card(doc=name, language=language)))
    return found


def run(count: int) -> None:
    docs = documents(count)
    planted = sum(1 for d in docs if d.doc_id.endswith(".republished"))
    start = time.perf_counter()
    for document in docs[:2000]:
        fp.fingerprint(document.text.normalised)
    per_print = (time.perf_counter() - start) / min(len(docs), 2000)
    considered: list[int] = []
    measured = [0]
    original, original_compare = store_links._ranked, fp.compare

    def counting(*args: object, **kwargs: object) -> dict[int, bool]:
        found = original(*args, **kwargs)  # type: ignore[arg-type]
        considered.append(len(found))
        return found

    def measuring(*args: Any, **kwargs: Any) -> fp.Similarity | None:
        measured[0] += 1  # a stored candidate measured exactly
        return original_compare(*args, **kwargs)

    indexing: list[float] = []
    original_index = store_documents.index_documents

    def timed_index(*args: object, **kwargs: object) -> object:
        tick = time.process_time()
        try:
            return original_index(*args, **kwargs)  # type: ignore[arg-type]
        finally:
            indexing.append(time.process_time() - tick)

    store_links._ranked = counting  # type: ignore[assignment]
    fp.compare = measuring  # type: ignore[assignment]
    store_documents.index_documents = timed_index  # type: ignore[assignment]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "corpus.db"
        times: list[float] = []
        with open_store(path) as store:
            begin = time.perf_counter()
            for document in docs:
                tick = time.process_time()
                save_document(store, document)
                times.append(time.process_time() - tick)
            total = time.perf_counter() - begin
            counts = table_counts(store)
            with store.engine.connect() as connection:
                from sqlalchemy import text

                found_planted = connection.execute(text(
                    "SELECT count(*) FROM document_links l JOIN documents b ON b.id = l.doc_b "
                    "WHERE b.location LIKE '%.republished'")).scalar()
        size = path.stat().st_size + sum(p.stat().st_size for p in Path(folder).glob("corpus.db-*"))
    store_links._ranked = original  # type: ignore[assignment]
    fp.compare = original_compare  # type: ignore[assignment]
    store_documents.index_documents = original_index  # type: ignore[assignment]
    tenth = max(len(times) // 10, 1)
    print(f"{len(docs):,} documents ({planted} planted republications), mean {sum(len(d.text.original) for d in docs) / len(docs):,.0f} chars")
    print(f"  fingerprint: {1 / per_print:,.0f} documents/s ({per_print * 1000:.2f} ms each)")
    print(f"  save + index + link: {len(docs) / total:,.0f} documents/s; CPU ms per document, first tenth "
          f"{sum(times[:tenth]) / tenth * 1000:.2f}, last tenth {sum(times[-tenth:]) / tenth * 1000:.2f}")
    print(f"  of which fingerprint + lookup + measure + links (store.links.index_documents): first tenth "
          f"{sum(indexing[:tenth]) / tenth * 1000:.2f} ms, last tenth {sum(indexing[-tenth:]) / tenth * 1000:.2f} ms; "
          f"the rest is the document's own rows and the commit")
    print(f"  candidates per document: {sum(considered) / len(considered):.1f} sharing a band key (max "
          f"{max(considered)}), {measured[0] / len(docs):.2f} measured exactly")
    print(f"  links: {counts['document_links']:,}; planted republications found: {found_planted}/{planted}")
    print(f"  corpus on disk: {size / 1e6:,.1f} MB ({size / len(docs) / 1e3:.1f} KB per document, texts included)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="2000,20000", help="comma-separated numbers of documents")
    args = parser.parse_args()
    for size in (int(s) for s in args.sizes.split(",")):
        run(size)


if __name__ == "__main__":
    main()
