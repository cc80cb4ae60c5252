"""Curated input, read and checked.

In: a request folder under datapackages/ (request.yaml, response.txt, tables/*.csv, attachments/) and the reference
lists. Out: the typed, frozen Request of model.py, or coded problems (errors.py). Imports nothing of a later stage.
"""
