"""The UTKAST (draft) mark of a document rendered with ``--draft``: a line at the top of every format, and in
HTML's print, PDF and Word also on every page (a page margin box, the Word header)."""

from __future__ import annotations

import re

from fsu_cli.render.i18n import N_
from fsu_cli.render.i18n import gettext as _

MARK = N_("UTKAST")
LINE = N_("UTKAST – ikke endelig: dokumentet er laget fra data som kan ha feil.")
_STYLE = ("<style>@page { @top-center { content: \"%s\"; color: #b00020; font-weight: bold; "
          "font-size: 11pt; letter-spacing: .15em; } }\n"
          ".utkast { border: 1.5pt solid #b00020; color: #b00020; font-weight: bold; padding: .3em .6em; "
          "margin: 0 0 1em; }</style>")
_BODY = re.compile(r"<body\b[^>]*>", re.IGNORECASE)
_HEAD_END = re.compile(r"</head\s*>", re.IGNORECASE)


def mark_markdown(text: str) -> str:
    return f"**{_(LINE)}**\n\n{text}"


def mark_html(html: str) -> str:
    """``html`` with the mark's style in its head and the line first in its body, whatever the template."""
    line = f'<p class="utkast">{_(LINE)}</p>'
    body = _BODY.search(html)
    html = html[:body.end()] + line + html[body.end():] if body else line + html
    head = _HEAD_END.search(html)
    style = _STYLE % _(MARK).replace('"', "")
    return html[:head.start()] + style + html[head.start():] if head else style + html
