"""The pipeline: curated FOI responses in, Frictionless data packages and a static site out."""
