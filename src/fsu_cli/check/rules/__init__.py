"""The rule families, one module each; ``fsu_cli.check.catalogue`` lists and runs them."""
