"""The build, orchestrated: load every request in workers, package, render, validate, publish atomically.

In: the repository (datapackages/, mkdocs.yml, docs/). Out: build/.v-*/ switched to build/current when all passed.
`python -m scripts.build` runs it. Imports the stages below it: site, packages, curated, common.
"""
