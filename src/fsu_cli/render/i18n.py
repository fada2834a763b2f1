"""The målform of documents: bokmål as written, nynorsk from a gettext catalog.

Every text a reader sees is written in bokmål, and that bokmål text is the message id:
``{{ _("…") }}`` or ``{{ ngettext(…) }}`` in a template, ``_("…")`` in code, and ``N_("…")``
for words kept in tables (``words``) that are translated when looked up. A document is
built and rendered inside ``speaking(language)``; bokmål needs no catalog at all.

The nynorsk catalog is ``locale/nn/LC_MESSAGES/fsu.po`` in the package, compiled into
``fsu.mo`` beside it (read with the standard library, so a render loads no Babel). After
a template or a marked text changes, one command extracts the texts, merges them into the
catalog and compiles it (Babel, with ``babel.cfg``)::

    python3 -m fsu_cli.render.i18n update

then translate the new entries in the .po (empty ``msgstr``) and run it once more.
``tests/test_nynorsk.py`` fails while a text has no translation or the .mo is older than the .po.
"""

from __future__ import annotations

import functools
import gettext as _gettext
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any

from fsu_cli.store.resources import package_dir

DOMAIN = "fsu"
LANGUAGES = ("nb", "nn")  # bokmål (the texts as written) and nynorsk
DEFAULT = "nb"
_NULL = _gettext.NullTranslations()
_active: ContextVar[Any] = ContextVar("fsu_translations", default=_NULL)


def locale_dir() -> Path:
    """The catalogs live in the package itself (``src/fsu_cli/locale``), so the wheel ships them as code."""
    return package_dir() / "locale"


def catalog_path(language: str, suffix: str = ".po") -> Path:
    return locale_dir() / language / "LC_MESSAGES" / f"{DOMAIN}{suffix}"


@functools.cache
def translations(language: str) -> Any:
    """The texts in ``language``: bokmål (or anything not known) as written, nynorsk from the compiled catalog."""
    if language == DEFAULT or language not in LANGUAGES:
        return _NULL
    with catalog_path(language, ".mo").open("rb") as compiled:
        return _gettext.GNUTranslations(compiled)


def language_of(repo: Any) -> str:
    language = getattr(repo, "language", None) or DEFAULT
    return language if language in LANGUAGES else DEFAULT


@contextmanager
def speaking(language: str) -> Iterator[None]:
    """Texts marked in the code come out in ``language`` inside this block (per thread and task)."""
    token = _active.set(translations(language))
    try:
        yield
    finally:
        _active.reset(token)


def gettext(message: str) -> str:
    return _active.get().gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _active.get().ngettext(singular, plural, n)


_ = gettext


def N_(message: str) -> str:
    """Marks a bokmål text for the catalog where it is defined; it is translated where it is used."""
    return message


def in_language_of_repo(build: Callable[..., dict]) -> Callable[..., dict]:
    """A document builder (repo first) that speaks the repository's målform, and tells its templates which
    (``language``: ``lang="{{ language }}"``, the catalog they are rendered with)."""

    @functools.wraps(build)
    def built(repo: Any, *args: Any, **kwargs: Any) -> dict:
        language = language_of(repo)
        with speaking(language):
            return {**build(repo, *args, **kwargs), "language": language}

    return built


# --- keeping the catalog up to date (python3 -m fsu_cli.render.i18n update) ----------------


def _source_root() -> Path:
    """The source tree: where babel.cfg, templates/ and src/ are (the catalog is maintained there)."""
    return Path(__file__).resolve().parents[3]


def extract() -> Any:
    """Every marked text of the templates and the code, as a Babel catalog (babel.cfg says where to look)."""
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_dir
    from babel.messages.frontend import parse_mapping_cfg

    root = _source_root()
    with (root / "babel.cfg").open(encoding="utf-8") as config:
        method_map, options_map = parse_mapping_cfg(config)
    template = Catalog(project="fsu", charset="utf-8", fuzzy=False)
    for filename, lineno, message, comments, context in extract_from_dir(
            str(root), method_map, options_map, keywords=_KEYWORDS, strip_comment_tags=True):
        template.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return template


_KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "N_": None}


def update(language: str = "nn") -> list[str]:
    """Merge the extracted texts into the catalog, write the .po and compile the .mo; returns the texts that
    still have no translation."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po, write_po

    template = extract()
    path = catalog_path(language)
    if path.exists():
        with path.open("rb") as existing:
            catalog = read_po(existing, locale=language)
    else:
        from babel.messages.catalog import Catalog

        path.parent.mkdir(parents=True, exist_ok=True)
        catalog = Catalog(locale=language, project="fsu", charset="utf-8", fuzzy=False)
    template.creation_date = catalog.creation_date  # the catalog changes only when its texts do
    catalog.update(template, no_fuzzy_matching=True)
    catalog.obsolete.clear()
    with path.open("wb") as out:
        write_po(out, catalog, width=100, omit_header=False, sort_output=True, include_lineno=False)
    with catalog_path(language, ".mo").open("wb") as out:
        write_mo(out, catalog, use_fuzzy=False)
    return untranslated(catalog)


def untranslated(catalog: Any) -> list[str]:
    return [str(m.id) for m in catalog if m.id and (not m.string or (isinstance(m.string, tuple)
                                                                    and not all(m.string)) or m.fuzzy)]


def main(argv: list[str]) -> int:
    if argv[1:] != ["update"]:
        print("usage: python3 -m fsu_cli.render.i18n update")
        return 2
    if not (_source_root() / "babel.cfg").is_file():
        print("The catalog is updated in fsu's source tree (where babel.cfg is); run this there, with "
              "PYTHONPATH=src.")
        return 2
    missing = update()
    for message in missing:
        print(f"no nynorsk yet: {message}")
    print(f"{catalog_path('nn')}: {len(missing)} text(s) without a translation.")
    return 1 if missing else 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
