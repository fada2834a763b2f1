"""The Jinja environment documents are rendered with: sandboxed, with Norwegian filters.

Templates come from the governance repository's own ``templates/`` folder first
(any file there replaces the shipped one of the same name), then from fsu's.
Data only ever reaches a template as values: it is escaped in HTML, Markdown in
text fields is rendered without raw HTML, and nothing from the data is parsed as
a template.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

from fsu_cli.errors import UsageError
from fsu_cli.store.resources import resource_dir


class TemplateProblem(UsageError):
    """A template that cannot be read or rendered (exit code 2, with the template's name and line)."""


@cache
def _markdown() -> Any:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False, "typographer": False}).enable("table")


def markdown_to_html(text: Any) -> Any:
    """Markdown from a text field as HTML; raw HTML in the text comes out as visible text."""
    from markupsafe import Markup

    return Markup(_markdown().render(str(text or "")))


_MD_SPECIAL = re.compile(r"([<>&])")


def markdown_text(text: Any) -> str:
    """A text field for a Markdown document: kept as Markdown, with HTML characters escaped."""
    return _MD_SPECIAL.sub(lambda m: {"<": "&lt;", ">": "&gt;", "&": "&amp;"}[m.group(1)], str(text or ""))


def environment(root: Path | None) -> Any:
    from jinja2 import ChoiceLoader, FileSystemLoader, StrictUndefined
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    folders = []
    if root is not None and (root / "templates").is_dir():
        folders.append(FileSystemLoader(root / "templates"))
    folders.append(FileSystemLoader(resource_dir("templates")))
    env = ImmutableSandboxedEnvironment(
        loader=ChoiceLoader(folders),
        autoescape=lambda name: bool(name) and name.endswith(".html.j2"),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["markdown"] = markdown_to_html
    env.filters["md"] = markdown_text
    return env


def render_template(root: Path | None, name: str, context: dict[str, Any]) -> str:
    from jinja2 import TemplateError, TemplateNotFound, TemplateSyntaxError
    from jinja2.exceptions import SecurityError

    env = environment(root)
    try:
        return env.get_template(name).render(**context)
    except TemplateNotFound as error:
        raise TemplateProblem(f"The template {error.name} was not found in templates/ or in fsu's own templates.") from None
    except TemplateSyntaxError as error:
        where = f"{error.filename or error.name}:{error.lineno}"
        raise TemplateProblem(f"The template {where} has a mistake: {error.message}.") from None
    except SecurityError as error:
        raise TemplateProblem(f"The template {name} tried something templates may not do: {error}.") from None
    except TemplateError as error:
        raise TemplateProblem(f"The template {name} could not be rendered: {error}.") from None
