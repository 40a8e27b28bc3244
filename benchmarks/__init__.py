"""Benchmarks of the photoroom client and emulator: ``python -m benchmarks`` (``make bench``).

Each module measures one thing and says why in its docstring; ``_harness`` runs the emulator
processes, pairs the timings and renders the table that ``benchmarks/results.md`` keeps.
"""
