"""Documents from the data: case papers, mandates, agendas, minutes, annual reports, member lists.

``documents`` decides what a document says; the templates lay it out as Markdown
or HTML; HTML becomes PDF/A (``pdf``) or Word (``docx``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


def template_folders(root: Path | None) -> list[Path]:
    from fsu_cli.store.resources import resource_dir

    own = [root / "templates"] if root is not None and (root / "templates").is_dir() else []
    return own + [resource_dir("templates")]


def render(root: Path | None, template: str, context: dict[str, Any], fmt: str) -> bytes:
    """The document ``template`` (e.g. 'case') in the format ``fmt``, as bytes."""
    from fsu_cli.render.templates import render_template

    if fmt == "md":
        return render_template(root, f"{template}.md.j2", context).encode("utf-8")
    html = render_template(root, f"{template}.html.j2", context)
    if fmt == "html":
        return html.encode("utf-8")
    if fmt == "pdf":
        from fsu_cli.render.pdf import html_to_pdf

        return html_to_pdf(html, template_folders(root))
    from fsu_cli.render.docx import html_to_docx

    letterhead = next((folder / "letterhead.docx" for folder in template_folders(root)
                       if (folder / "letterhead.docx").is_file()), None)
    fields = {key: str(context.get(key, "")) for key in ("community", "committee", "committee_label", "title",
                                                         "document")}
    return html_to_docx(html, letterhead, fields)
