"""What tests share that is not a fixture. Import from here; never ``from conftest import``.

- ``support.project``: ``PROJECT_ROOT`` (the one definition of the project root; in a test
  prefer the ``project_root`` fixture), ``TEST_FIXTURES``, ``copy_project(target, for_make=False)``
  (the one way to copy the project; in a test prefer the ``project_copy`` fixture, a fresh copy
  'make' can run in), ``replace_in``, ``line_of``, ``run_tool``, ``every_file_bytes`` and
  ``project_with_held_back_content``.
- ``support.content``: the real content, loaded once per session and only when first asked for:
  ``site_content()``, ``all_page_uris()``, ``all_page_urls()``, ``languages()``, ``url_prefixes()``,
  ``review_rules()``, ``deadline_cases()``, ``checker_cases()``, ``case_name``. Never call these at
  module level: parametrise with ``@pytest.mark.for_each(argnames, function)`` instead
  (``quality.pages.gated_pages`` is every page the quality gates check; campaigns are in
  tests/campaign/helpers.py).
- ``support.parametrize``: how ``for_each`` works (applied by the hook in tests/conftest.py).
- ``support.browser``: which Chromium to start and with which flags.
"""
