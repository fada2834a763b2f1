"""The website's bytes: each page rendered once through one sandboxed Jinja environment.

The agenda, minutes and annual report on a page are the very documents ``fsu render --public --format html``
makes: their body is set into the page one heading level down (the page has its own h1), and their table
headers get the scope a screen reader needs.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from markupsafe import Markup

from fsu_cli.publish.site_pages import DECISIONS_JSON, STYLE, Page, decision_index, pages
from fsu_cli.render.i18n import language_of, speaking
from fsu_cli.render.templates import TemplateProblem, environment, speak
from fsu_cli.render.text import xml_safe

_HEADING = re.compile(r"<(/?)h([1-5])\b")
_BARE_TH = re.compile(r"<th>")


def site_files(root: Path, repo: Any, today: Any, dated: bool = True) -> dict[str, bytes]:
    """Every file of the site by its path in the site's folder; ``dated``: the pages may say the as-of date."""
    env = environment(root)
    language = language_of(repo)
    speak(env, language)  # the site in the community's målform, as its documents
    with speaking(language):
        files = {page.path: _page_bytes(env, page) for page in pages(repo, today, dated)}
        files[STYLE] = _render(env, "site/style.css.j2", {}).encode("utf-8")
        files[DECISIONS_JSON] = (json_text(decision_index(repo, today)) + "\n").encode("utf-8")
    return files


def json_text(value: Any) -> str:
    """JSON in one form only (sorted keys, no spaces), safe inside a <script> element too."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _page_bytes(env: Any, page: Page) -> bytes:
    embedded = [Markup(embed(_render(env, name, context))) for name, context in page.documents]
    context = {**page.context, "documents": embedded}
    if page.path == "vedtak.html":
        context["index_json"] = Markup(json_text([{"id": r["id"], "text": _searchable(r)} for r in page.context["rows"]]))
    return xml_safe(_render(env, page.template, context)).encode("utf-8")


def _searchable(row: dict[str, Any]) -> str:
    return " ".join(str(row[key]) for key in ("number", "title", "committee", "outcome", "text")).casefold()


def embed(document: str) -> str:
    """A rendered document's body without its own header, headings one level down, table headers scoped."""
    body = document.partition("</header>")[2] or document.partition("<body>")[2]
    body = body.rpartition("</body>")[0]
    body = _HEADING.sub(lambda m: f"<{m.group(1)}h{int(m.group(2)) + 1}", body)
    return _BARE_TH.sub('<th scope="col">', body).strip()


def _render(env: Any, name: str, context: dict[str, Any]) -> str:
    from jinja2 import TemplateError, TemplateNotFound

    try:
        env.start(name)
        return env.get_template(name).render(**context)
    except TemplateNotFound as error:
        raise TemplateProblem(f"The template {error.name} was not found in templates/ or in fsu's own "
                              f"templates.") from None
    except TemplateError as error:
        raise TemplateProblem(f"The template {name} could not be rendered: {error}.") from None
