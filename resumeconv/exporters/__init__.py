"""Writers: one module per format, each with ``write(resume, options) -> bytes``."""
