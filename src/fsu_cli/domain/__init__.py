"""The health community as typed records, and the questions asked of them, each answered once:
who is in office on a day, which mandate is in force, leadership terms, meetings held per year.

Nothing here reads files or knows about findings.
"""
