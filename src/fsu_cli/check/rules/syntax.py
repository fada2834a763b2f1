"""FSU0xx: files that cannot be read as one YAML mapping."""

from fsu_cli.check.catalogue import define
from fsu_cli.check.findings import ERROR, WARNING

NOT_UTF8 = define(
    "FSU001",
    "not-utf8",
    ERROR,
    "The file is not UTF-8 text.",
    """
fsu reads every data file as UTF-8 text, the encoding git hosts and editors use
by default. A file saved in another encoding (Windows-1252, Latin-1) shows up
with an unreadable byte where a letter such as æ, ø or å should be.

Example: a committee file saved from an old editor as Latin-1, where "Tønsberg"
is stored with the single byte 0xF8 for "ø".

Fix: open the file in your editor and save it again with the encoding UTF-8.
""",
)

EMPTY = define(
    "FSU002",
    "empty-file",
    ERROR,
    "The file is empty.",
    """
A data file must hold one record. An empty file, or one with only comments,
usually comes from an interrupted edit or an upload that failed.

Example: data/cases/ssu/2025/04.yaml with no content.

Fix: write the record into the file, or delete the file if it is not needed.
""",
)

SYNTAX = define(
    "FSU003",
    "yaml-syntax",
    ERROR,
    "The file is not valid YAML.",
    """
The file could not be read as YAML. The position points at the place where the
reader gave up, which is often just after the real mistake.

Common causes: a missing space after a colon ("name:Ola"), a line indented with
a tab, text containing ": " or " #" that is not in quotes, or an opening
bracket or quote that is never closed.

Example:
    title: Sak om samhandling: oppfølging     <- a second ": " in the text

Fix: put such text in quotes ("Sak om samhandling: oppfølging"), indent with
spaces only, and check the lines just above the position given.
""",
)

DUPLICATE_KEY = define(
    "FSU004",
    "duplicate-key",
    ERROR,
    "The same key appears twice in one mapping.",
    """
A key may appear only once at each level. When it appears twice, only one of
the values would be kept, and the other would be silently lost.

Example:
    title: Årsrapport 2024
    kind: information
    title: Årsrapport for 2024     <- "title" again

Fix: keep the key once, with the value you mean.
""",
)

NOT_A_MAPPING = define(
    "FSU005",
    "not-a-mapping",
    ERROR,
    "The file does not hold a set of keys and values.",
    """
Every data file holds one record: a mapping of keys (such as "id", "name",
"title") to values. A file whose top level is a list or a single value
cannot be read as a record.

Example: a case file that starts with "- title: ..." (a list) instead of
"title: ...".

Fix: remove the leading "- " so that the keys start at the first column.
""",
)

MULTIPLE_DOCUMENTS = define(
    "FSU006",
    "multiple-documents",
    ERROR,
    "The file holds more than one YAML document.",
    """
A line with only "---" starts a new YAML document. Each data file must hold
exactly one record, so a second document is an error.

Example: a case file that ends with
    ---
    title: Neste sak
(two cases pasted into one file).

Fix: remove the "---" line (and move the second record to a file of its own).
""",
)

UNREAD_FILE = define(
    "FSU007",
    "file-not-read",
    WARNING,
    "A file under data/ is in a place fsu does not read.",
    """
fsu reads committees from data/committees/<id>.yaml, mandates from
data/mandates/<id>.yaml and cases from data/cases/<committee>/<year>/<number>.yaml.
A YAML file anywhere else under data/, or with the ending ".yml", is not read,
so mistakes in it would go unnoticed.

Example: data/cases/ssu/2024-05.yaml (the year folder is missing) or
data/committees/ssu.yml.

Fix: move or rename the file to the place and ending shown above.
""",
)

OUTSIDE_LINK = define(
    "FSU008",
    "link-outside-repository",
    WARNING,
    "A symbolic link points outside the repository and is not followed.",
    """
Data files must live inside the governance repository, so that what is checked
is what is committed. A symbolic link that leads outside the repository is
skipped.

Example: data/committees/ssu.yaml is a link to /home/kari/Dokumenter/ssu.yaml.

Fix: copy the file into the repository instead of linking to it.
""",
)

TOO_LARGE = define(
    "FSU009",
    "file-too-large",
    ERROR,
    "The file is larger than the limit and is not read.",
    """
A governance record is a few kilobytes. A file far larger than that is usually
something else saved with the wrong name (an export, a PDF, a log), and reading
it would only slow every check down. The limit is 1024 kB unless fsu.yaml sets
another with "limits: {max_file_kb: ...}", which may not go above 2048 kB.

Example: data/cases/ssu/2025/03.yaml is 30 MB.

Fix: move the large file out of data/ (attachments belong elsewhere), or raise
the limit in fsu.yaml if the file really is a record.
""",
)

CONTROL_CHARACTER = define(
    "FSU011",
    "control-character",
    ERROR,
    "A text holds an invisible control character.",
    """
YAML lets a quoted text hold any character through an escape such as "\\x01" or
"\\e". Control characters (other than tab and line break) have no place in a
record: they are invisible on screen, break Word documents and archive XML, and
can make a terminal do things. They usually come from text pasted from another
program, or from an escape typed by mistake.

Example:
    title: "Oppfølging\\x0b av handlingsplanen"     <- \\x0b is a vertical tab

Fix: remove the escape (or the invisible character) from the text.
""",
)

ALIAS_BOMB = define(
    "FSU010",
    "alias-expansion",
    ERROR,
    "YAML aliases in the file expand to far more data than any record holds, or refer to themselves.",
    """
YAML lets a value be named with an anchor (&name) and repeated with an alias
(*name). Aliases that repeat aliases can make a small file stand for billions of
values (a "billion laughs" file), which would make any program that reads it
run out of time or memory. fsu refuses such files before reading them further.

Example:
    a: &a [x, x, x, x, x, x, x, x, x]
    b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
    c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]     ... and so on

Fix: write the values out, or remove the anchors and aliases; data files need
neither.
""",
)
