"""framegen: a schema-first code generator for the Worker <-> ws-proxy sync protocol."""

__version__ = "0.1.0"
