"""Documents from the data: case papers, mandates, agendas, minutes, annual reports, member lists.

``documents`` decides what a document says; the templates lay it out as Markdown
or HTML; HTML becomes PDF/A (``pdf``) or Word (``docx``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

LETTERHEAD = "letterhead.docx"


def render(root: Path | None, template: str, context: dict[str, Any], fmt: str, draft: bool = False) -> bytes:
    """The document ``template`` (e.g. 'case') in the format ``fmt``, as bytes; a ``draft`` is marked UTKAST.
    The document's ``language`` (its context's, bokmål by default) is spoken by the templates and the writers."""
    from fsu_cli.render.i18n import speaking

    with speaking(context.get("language", "nb")):
        return _render(root, template, context, fmt, draft)


def _render(root: Path | None, template: str, context: dict[str, Any], fmt: str, draft: bool) -> bytes:
    from fsu_cli.render.confined import template_folders
    from fsu_cli.render.draft import mark_html, mark_markdown
    from fsu_cli.render.templates import render_template
    from fsu_cli.render.text import xml_safe

    if fmt == "md":
        text = xml_safe(render_template(root, f"{template}.md.j2", context))
        return (mark_markdown(text) if draft else text).encode("utf-8")
    html = xml_safe(render_template(root, f"{template}.html.j2", context))
    if draft:
        html = mark_html(html)
    if fmt == "html":
        return html.encode("utf-8")
    if fmt == "pdf":
        from fsu_cli.render.pdf import html_to_pdf

        return html_to_pdf(html, template_folders(root))
    from fsu_cli.render.docx import html_to_docx

    fields = {key: xml_safe(str(context.get(key, ""))) for key in ("community", "committee", "committee_label",
                                                                   "title", "document")}
    return html_to_docx(html, letterhead(template_folders(root)), fields, draft=draft,
                        language=context.get("language", "nb"))


def letterhead(folders: list[Path]) -> Path | None:
    """The first ``letterhead.docx`` in the template folders; one that is not a regular file is refused."""
    from fsu_cli.render.confined import find

    return next((path for path in (find(folder, LETTERHEAD, "letterhead") for folder in folders) if path), None)
