"""Checking: the schemas, the rules, findings, and the validate pipeline."""
