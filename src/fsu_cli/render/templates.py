"""The Jinja environment documents are rendered with: sandboxed, with Norwegian filters.

Templates come from the governance repository's own ``templates/`` folder first
(any file there replaces the shipped one of the same name), then from fsu's, and
only as regular files inside those folders (``confined``). Data only ever reaches
a template as values: it is escaped in HTML, Markdown in text fields is rendered
without raw HTML, and nothing from the data is parsed as a template. Templates
run in a sandbox with limits on time, size and depth (``sandbox``).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any, Callable

from jinja2 import BaseLoader, TemplateNotFound

from fsu_cli.errors import UsageError
from fsu_cli.render import confined


class TemplateProblem(UsageError):
    """A template that cannot be read or rendered (exit code 2, with the template's name and line)."""


@cache
def _markdown() -> Any:
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False, "typographer": False}).enable("table")
    md.add_render_rule("image", _image_as_its_text)
    list_rule = next(rule for rule in md.block.ruler.__rules__ if rule.name == "list")
    list_rule.fn = _no_list_from_a_date(list_rule.fn)
    md.block.ruler.__compiled__ = None  # the ruler's cache of rule functions, rebuilt on next use
    return md


_MONTHS = "januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember"
_DATE_LINE = re.compile(rf"[ ]{{0,3}}\d{{1,2}}\.[ \t]+(?:{_MONTHS})\b", re.IGNORECASE)
_ORDERED_MARKER = re.compile(r"[ ]{0,3}\d{1,9}[.)](?:[ \t]|$)")


def _no_list_from_a_date(list_block: Callable) -> Callable:
    """Markdown's list rule, except that a numbered list at the top level must start a block (a line "1. …"
    inside a paragraph is text, not a list that interrupts it; a list nested in a list item may still), and a line that starts with a date ("1. oktober 2024 …") never
    starts a list: Word and HTML would number the dates anew."""

    def rule(state: Any, start: int, end: int, silent: bool) -> bool:
        line = state.src[state.bMarks[start]:state.eMarks[start]]
        if _DATE_LINE.match(line):
            return False
        if (silent and state.parentType == "paragraph" and state.blkIndent == 0 and state.sCount[start] == 0
                and _ORDERED_MARKER.match(line)):
            return False
        return list_block(state, start, end, silent)

    return rule


def _image_as_its_text(self: Any, tokens: list, index: int, options: Any, env: Any) -> str:
    """An image in the data is shown as its description: a published page that fetched an address from the
    data would tell whoever owns it who reads the page (logos belong in the templates)."""
    from markupsafe import escape

    return str(escape(self.renderInlineAsText(tokens[index].children or [], options, env)))


def markdown_to_html(text: Any) -> Any:
    """Markdown from a text field as HTML; raw HTML in the text comes out as visible text, and images as their
    description."""
    from markupsafe import Markup

    return Markup(_markdown().render(_lettered_points(str(text or ""))))


# A line that begins a lettered sub-point, "a) Sette ned en arbeidsgruppe", as proposals write them.
_LETTERED = re.compile(r"(?<=[^\s\\])\n(?=[ \t]*[a-zæøå]\)[ \t])")


def _lettered_points(text: str) -> str:
    """Each lettered sub-point on its own line (a hard break before it), not run into the line before; the
    letters stay as written. Markdown has no lettered lists, and would join the lines into one."""
    return _LETTERED.sub("\\\n", text) if ")" in text else text


_MD_SPECIAL = re.compile(r"([<>&])")


def markdown_text(text: Any) -> str:
    """A text field for a Markdown document: kept as Markdown, with HTML characters escaped."""
    return _MD_SPECIAL.sub(lambda m: {"<": "&lt;", ">": "&gt;", "&": "&amp;"}[m.group(1)], str(text or ""))


def table_cell(text: Any) -> str:
    """Text for one cell of a Markdown table: on one line, with its own bars escaped."""
    return " ".join(str(text or "").split()).replace("|", "\\|")


MAX_TEMPLATE_BYTES = 1024 * 1024


class ConfinedLoader(BaseLoader):
    """Templates by name from the template folders, the first folder that has the file winning."""

    def __init__(self, folders: list[Path]):
        self.folders = folders

    def get_source(self, environment: Any, template: str) -> tuple[str, str, Callable[[], bool]]:
        for folder in self.folders:
            path = confined.find(folder, template)
            if path is None:
                continue
            try:
                source = confined.read(path, template, MAX_TEMPLATE_BYTES).decode("utf-8")
            except UnicodeDecodeError:
                raise TemplateProblem(f"The template {path} is not UTF-8 text; save it as UTF-8.") from None
            return source, str(path), lambda: True
        raise TemplateNotFound(template)


def environment(root: Path | None) -> Any:
    from jinja2 import StrictUndefined

    from fsu_cli.render.sandbox import LimitedSandbox

    env = LimitedSandbox(
        loader=ConfinedLoader(confined.template_folders(root)),
        autoescape=lambda name: bool(name) and name.endswith(".html.j2"),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.i18n"],
    )
    # Texts templates write are marked {{ _("...") }} or {% trans %}: bokmål as written, or from a catalog
    # (render_template installs the document's, from its context's language)
    env.install_null_translations(newstyle=True)
    env.filters["markdown"] = markdown_to_html
    env.filters["md"] = markdown_text
    env.filters["cell"] = table_cell
    return env


def render_template(root: Path | None, name: str, context: dict[str, Any]) -> str:
    from jinja2 import TemplateError, TemplateSyntaxError
    from jinja2.exceptions import SecurityError

    from fsu_cli.render.sandbox import memory_cap

    env = environment(root)
    speak(env, context.get("language", "nb"))
    try:
        with memory_cap():
            env.start(name)
            return _output(env, env.get_template(name), context)
    except TemplateNotFound as error:
        raise TemplateProblem(f"The template {error.name} was not found in templates/ or in fsu's own templates.") from None
    except TemplateSyntaxError as error:
        where = f"{error.filename or error.name}:{error.lineno}"
        raise TemplateProblem(f"The template {where} has a mistake: {error.message}.") from None
    except SecurityError as error:
        raise TemplateProblem(f"The template {name} tried something templates may not do: {str(error).rstrip('.')}.") from None
    except TemplateError as error:
        raise TemplateProblem(f"The template {name} could not be rendered: {error}.") from None
    except RecursionError:
        raise TemplateProblem(f"The template {name} nests templates or macros too deep; does something include "
                              f"or call itself?") from None
    except MemoryError:
        raise TemplateProblem(f"The template {name} needs more memory than fsu allows a template; look for a "
                              f"loop or a repetition that makes a huge text.") from None
    except (ArithmeticError, LookupError, TypeError, ValueError) as error:
        raise TemplateProblem(f"The template {_where(error, name)} failed: {type(error).__name__}: {error}.") from None


def speak(env: Any, language: str) -> None:
    """The template's marked texts in the document's målform: bokmål as written, nynorsk from the catalog."""
    from fsu_cli.render.i18n import DEFAULT, translations

    if language != DEFAULT:
        env.install_gettext_translations(translations(language), newstyle=True)


def _output(env: Any, template: Any, context: dict[str, Any]) -> str:
    """The template's output, piece by piece, stopped when it grows past the limit."""
    from fsu_cli.render.sandbox import MAX_OUTPUT, TemplateLimit

    pieces, size = [], 0
    for piece in template.generate(**context):
        size += len(piece)
        if size > MAX_OUTPUT:
            raise TemplateLimit(f"The template {env.running} writes more than {MAX_OUTPUT // (1024 * 1024)} million "
                                f"characters; look for a loop that runs too often.")
        env.tick()
        pieces.append(piece)
    return "".join(pieces)


def _where(error: BaseException, name: str) -> str:
    """The template file and line where ``error`` happened (Jinja keeps template lines in the traceback)."""
    import traceback

    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename.endswith(".j2")]
    return f"{frames[-1].filename}:{frames[-1].lineno}" if frames else name
