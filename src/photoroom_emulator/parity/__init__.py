"""Parity with the real API: record what a target answers to a catalogue of requests, and check
the emulator against the recording (``photoroom-emulator parity record|check``).

- :mod:`.catalogue` (+ ``catalogue.yaml``): the requests, as data, values read from the spec
  through :mod:`.spec_facts` (the one module that reads the spec);
- :mod:`.runner`: the safety rules and the sending; :mod:`.fixtures`, :mod:`.image_server`: inputs;
- :mod:`.normalise`: answers -> observations (never pixels, never the key);
- :mod:`.record` / :mod:`.check`: snapshots through ``localstack-snapshot``;
  :mod:`.known` (+ ``known_deviations.yaml``): differences accepted, with reasons;
- :mod:`.report`: text or Markdown; :mod:`.cli`: the command line.

Needs the ``parity`` extra (``localstack-snapshot``) on top of ``emulator``.
"""
