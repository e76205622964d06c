"""framegen: code, docs, validation and version diffs from one versioned protocol JSON Schema."""

__version__ = "0.1.0"
