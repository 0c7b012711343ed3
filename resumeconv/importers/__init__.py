"""Readers: one module per format, each with ``read(source, options) -> Resume``."""
