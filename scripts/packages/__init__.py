"""Packages, written and validated.

In: loaded Requests (scripts.curated). Out: one Frictionless data package per request, the combined and reference
packages, SQLite and Excel copies, and their validation. Imports only scripts.curated and scripts.common.
"""
