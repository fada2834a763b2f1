"""Changes to the data made by commands, and new repositories: plain YAML, comments kept, atomic writes."""
