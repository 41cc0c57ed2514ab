"""Quality gates: functions that inspect a built page or site and return findings.

The tests in tests/browser and tests/ call them over the real site, and over a
deliberately broken fixture page to prove that each gate can fail.
"""
