"""Parameter lists taken from the real content when pytest collects a test, not when it imports the module.

    @pytest.mark.for_each("path", gated_pages)
    @pytest.mark.for_each("faq, language", faq_cases)        # the function may return pytest.param(...)s
    @pytest.mark.for_each("page", english_pages, ids=uri_of)
    @pytest.mark.for_each("built", campaigns_with_a_pack, indirect=True,
                          empty="no campaign has an advocates pack, so the pack checks test nothing")

``for_each`` takes what ``pytest.mark.parametrize`` takes, except that the values come from a function
called at collection (the content it reads is loaded once per session, see support.content). The hook
``pytest_generate_tests`` in tests/conftest.py applies it.

A test never passes without testing anything: when the function fails (the content does not load),
the test gets one case, ``content-does-not-load``, that fails with the error; when it gives nothing, one
case, ``nothing-to-test``, that fails with ``empty`` (or a message naming the function). Either way
every other test still collects and runs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import pytest

MARKER = "for_each"
CANNOT_RUN = "cannot_run"
MARKER_HELP = [
    (f"{MARKER}(argnames, function, ids=None, indirect=False, empty=None): parametrize with the values function() "
     "returns when the test is collected (see tests/support/parametrize.py)"),
    f"{CANNOT_RUN}(message): set by {MARKER} on a case that must fail: the content did not load, or there is nothing to test",
]


def _names(argnames: str | Iterable[str]) -> list[str]:
    if isinstance(argnames, str):
        return [name.strip() for name in argnames.split(",") if name.strip()]
    return list(argnames)


def parametrize_lazily(metafunc, argnames, source: Callable[[], Iterable], ids=None, indirect=False,
                       empty: str | None = None) -> None:
    """``metafunc.parametrize(argnames, source(), ...)``, with a failing case when ``source`` fails or gives nothing."""
    names = _names(argnames)
    try:
        values = list(source())
    except Exception as error:  # noqa: BLE001 - reported as the test's failure, not as a collection error
        case = "content-does-not-load"
        message = (f"the cases of this test come from {source.__name__}(), which failed: "
                   f"{type(error).__name__}: {error}")
    else:
        if values:
            metafunc.parametrize(argnames, values, ids=ids, indirect=indirect)
            return
        case = "nothing-to-test"
        message = empty or f"{source.__name__}() gave no {', '.join(names)}, so this test would test nothing"
    failing = pytest.param(*[None] * len(names), id=case, marks=getattr(pytest.mark, CANNOT_RUN)(message))
    metafunc.parametrize(argnames, [failing], indirect=indirect)


def apply_for_each(metafunc) -> None:
    """Parametrise a test by each of its ``for_each`` markers."""
    for marker in metafunc.definition.iter_markers(MARKER):
        parametrize_lazily(metafunc, *marker.args, **marker.kwargs)


def chosen_by_for_each(metafunc, name: str) -> bool:
    """Whether a ``for_each`` marker of this test parametrises ``name``."""
    return any(name in _names(marker.args[0]) for marker in metafunc.definition.iter_markers(MARKER))


def fail_if_cannot_run(item) -> None:
    """Fail a case that ``for_each`` marked as unable to run, with its reason."""
    marker = item.get_closest_marker(CANNOT_RUN)
    if marker is not None:
        pytest.fail(marker.args[0], pytrace=False)
