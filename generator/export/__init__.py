"""Exports of the IR to other description formats (not generated code): `framegen export FORMAT`."""
