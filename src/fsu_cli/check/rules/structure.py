"""FSU1xx: a record that does not follow the schema for its kind of file.

The checking itself is in ``fsu_cli.schema``; this module names the rules.
"""

from fsu_cli.check.catalogue import define
from fsu_cli.check.findings import ERROR

OTHER = define(
    "FSU100",
    "schema",
    ERROR,
    "The record does not follow the schema for its kind of file.",
    """
Every kind of file (fsu.yaml, committee, mandate, case) has a JSON Schema in
schemas/ that says which keys it may have and what their values look like.
This code covers the rarer schema rules that have no code of their own.

Example: a future schema that limits a title to 200 characters, and a title of 250.

Fix: read the message and the schema's description of the key (shown on hover
in an editor set up as the README describes).
""",
)

UNKNOWN_KEY = define(
    "FSU101",
    "unknown-key",
    ERROR,
    "A key that the schema does not know.",
    """
Only the keys described in the data contract are allowed. An unknown key is
almost always a typo, and a typo would make fsu ignore what you wrote.

Example (in a case):
    titel: Oppfølging av handlingsplanen     <- should be "title"

Fix: correct the spelling (the hint suggests the closest known key), or remove
the key.
""",
)

MISSING_KEY = define(
    "FSU102",
    "missing-key",
    ERROR,
    "A required key is missing.",
    """
Some keys must always be present: a committee needs id, name, kind and founded;
a case needs committee, year, number, title and kind; an approved mandate needs
"approved" with who approved it and when.

Example (a member without a start date):
    - name: Kari Nordmann
      organization: horten

Fix: add the missing key with its value.
""",
)

WRONG_TYPE = define(
    "FSU103",
    "wrong-type",
    ERROR,
    "A value of the wrong type (text where a number belongs, a list where a single value belongs).",
    """
Each key expects one kind of value: text, a whole number, true/false, a list,
or a set of keys. Quoting a number makes it text; a leading "- " makes a list.

Example:
    year: "2024"     <- text; should be the number 2024
    printed: ja      <- should be true or false

Fix: write the value in the form the message asks for.
""",
)

BAD_DATE = define(
    "FSU104",
    "invalid-date",
    ERROR,
    "A date that is not a real date in the form YYYY-MM-DD (or another malformed value such as an e-mail address).",
    """
Dates are written as ISO dates, year-month-day: 2025-10-09. The date must exist:
2024-02-30 or 2025-13-01 are errors. Norwegian-style dates (09.10.2025) are
used only in rendered documents, never in the data files.

Example:
    founded: 2024-02-30     <- February has no 30th
    meeting: 09.10.2025     <- write 2025-10-09

Fix: write the date as YYYY-MM-DD and check the day against the calendar.
""",
)

NOT_ALLOWED = define(
    "FSU105",
    "value-not-allowed",
    ERROR,
    "A value that is not one of the allowed choices.",
    """
Some keys take one of a fixed set of values, always written in English:
side (hospital, municipality, user, gp, employee, external, secretariat),
kind, status, outcome and others.

Example:
    side: kommune     <- should be "municipality"

Fix: use one of the values listed in the hint.
""",
)

BAD_FORM = define(
    "FSU106",
    "invalid-form",
    ERROR,
    "A value that does not have the required form (an id, a case reference).",
    """
Ids are written with lowercase letters, digits and hyphens ("fsu-pasientforlop").
A case reference is committee/year/number ("ssu/2024/45"). A case number format
must contain {number}.

Example:
    id: FSU Pasientforløp          <- write fsu-pasientforlop
    case: SSU sak 20-2022          <- write ssu/2022/20

Fix: rewrite the value in the form shown in the message.
""",
)

OUT_OF_RANGE = define(
    "FSU107",
    "out-of-range",
    ERROR,
    "A value that is too small, too large, empty, or repeated.",
    """
Some values have limits: a case number is at least 1, a text that is required
may not be empty, a list of sides may not name the same side twice.

Example:
    number: 0                      <- case numbers start at 1
    alternate: [hospital, hospital]

Fix: change the value so it fits the limit given in the message.
""",
)
