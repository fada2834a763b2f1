"""HTML to PDF/A-2b (ISO 19005-2, level B) with every font embedded, for archiving.

The same input gives the same bytes: the font subsets carry a fixed timestamp
(SOURCE_DATE_EPOCH), and the document's metadata holds no time of rendering.
Nothing outside fsu's and the repository's templates is fetched (``fetcher``).
"""

from __future__ import annotations

import os
import warnings
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

PDF_VARIANT = "pdf/a-2b"
# 2000-01-01T00:00:00Z: what the font subsets record as their modification time.
FIXED_EPOCH = "946684800"


@contextmanager
def _fixed_time() -> Iterator[None]:
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = FIXED_EPOCH
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous


def html_to_pdf(html: str, template_folders: list[Path]) -> bytes:
    import logging

    from fsu_cli.render.fetcher import fetcher
    from fsu_cli.render.paginate import prepare

    with warnings.catch_warnings():  # an optional system library's absence is not the user's concern
        warnings.simplefilter("ignore", DeprecationWarning)
        from weasyprint import HTML

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    base = template_folders[0] if template_folders else None
    with _fixed_time():
        document = HTML(string=prepare(html), base_url=str(base) if base else None, url_fetcher=fetcher(template_folders))
        return document.write_pdf(pdf_variant=PDF_VARIANT)
