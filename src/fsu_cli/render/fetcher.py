"""What a PDF may embed: files inside the template folders, and small data: URLs; nothing else.

A template, or an image in a case's Markdown, can name any URL. The PDF embeds
only a regular file inside the repository's ``templates/`` folder or fsu's own
(a logo, a font), under the same rules as templates (``confined``), judged on the
URL as the operating system would open it: the scheme in any case, the path
percent-decoded and resolved. Logos belong in ``templates/`` too; there is no
second folder for them, so there is one place to review. ``data:`` URLs up to
``MAX_DATA_URL`` characters are allowed; every other scheme (http, https, ftp,
...) is refused. A refused resource is left out and the document still renders.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit

from fsu_cli.render import confined

MAX_DATA_URL = 256 * 1024
MAX_FILE_BYTES = 20 * 1024 * 1024


class Refused(ValueError):
    """A resource the PDF leaves out."""


def local_file(url: str, folders: list[Path]) -> Path:
    """The file a ``file:`` URL names, if it is one a PDF may embed; Refused otherwise."""
    parts = urlsplit(url)
    if parts.netloc.lower() not in ("", "localhost"):
        raise Refused(f"fsu does not fetch files from other machines ({url})")
    path = unquote(parts.path, errors="strict")
    if "\0" in path or not path.startswith("/"):
        raise Refused(f"fsu does not read {url!r}")
    for folder in folders:
        try:
            found = confined.inside(folder, Path(path), path, "file")
        except confined.NotAllowed:
            continue
        if found is not None:
            return found
    raise Refused(f"fsu embeds only files inside templates/ in a PDF, not {path}")


def fetcher(folders: list[Path]):
    """A WeasyPrint URL fetcher that follows the rules above."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class TemplateFilesOnly(URLFetcher):
        def fetch(self, url, headers=None):
            scheme = url.split(":", 1)[0].strip().lower() if ":" in url else ""
            if scheme == "data":
                if len(url) > MAX_DATA_URL:
                    raise Refused(f"fsu does not embed data: URLs longer than {MAX_DATA_URL // 1024} kB")
                return super().fetch(url, headers)
            if scheme != "file":
                raise Refused(f"fsu does not fetch {scheme or 'relative'} URLs when making a PDF")
            path = local_file(url, folders)
            data = confined.read(path, str(path), MAX_FILE_BYTES, "file")
            kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return URLFetcherResponse(url, data, {"Content-Type": kind})

    return TemplateFilesOnly(allowed_protocols=["data"], allow_redirects=False)
