"""The spec pipeline's steps (pin, overlay, generate, diff, smoke, fuzz), one module each.

A package, run from the repository root with ``python -m scripts.NAME`` (the Makefile does), so a
step imports another with a plain package import and nothing edits ``sys.path``.
"""
