"""Where the data lives: the repository's files, the YAML loader and writer, git, and the cache.

Nothing here knows what a committee or a finding is.
"""
