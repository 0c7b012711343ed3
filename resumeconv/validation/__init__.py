"""Validation: JSON Resume schema errors and lint rules, each located in the source."""
