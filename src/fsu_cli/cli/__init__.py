"""The command-line layer: parse options, call the core, pick the exit code.

``app`` builds the command tree in one place. Only typer is imported at start-up;
each command imports what it needs when it runs, so ``fsu --help`` stays fast.
"""
