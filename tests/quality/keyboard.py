"""Keyboard gates: the skip link comes first, and focus is always visible."""

from __future__ import annotations

from .findings import Finding

# The look of the element that has focus, compared with its look without focus.
STYLE_OF_ACTIVE = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const describe = (node) => {
    const s = getComputedStyle(node);
    return {outline: s.outlineStyle === 'none' || parseFloat(s.outlineWidth) === 0 ? 'none'
                     : `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`,
            outlineColor: s.outlineColor, boxShadow: s.boxShadow, background: s.backgroundColor,
            color: s.color, textDecoration: s.textDecorationLine, border: s.borderColor};
  };
  const focused = describe(el);
  const rect = el.getBoundingClientRect();
  const name = (el.getAttribute('aria-label') || el.innerText || el.value || el.getAttribute('title') || '')
    .trim().replace(/\\s+/g, ' ').slice(0, 60);
  const tag = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
  const hidden = getComputedStyle(el).visibility === 'hidden' || rect.width < 1 || rect.height < 1 ||
    rect.bottom <= 0 || rect.right <= 0 || rect.top >= innerHeight || rect.left >= innerWidth;
  el.blur();
  const unfocused = describe(el);
  el.focus();
  const stop = el.dataset.iopcTabStop || (el.dataset.iopcTabStop = String(document.querySelectorAll('[data-iopc-tab-stop]').length));
  return {tag, name, href: el.getAttribute('href'), focused, unfocused, hidden, stop};
}"""


def describe_focus(page) -> dict | None:
    """The focused element, its focused and unfocused style, and whether it can be seen."""
    return page.evaluate(STYLE_OF_ACTIVE)


def focus_indicator_problem(state: dict) -> str | None:
    """Why the focus on this element cannot be seen, or None when it can."""
    if state["hidden"]:
        return "the focused element is not visible on screen"
    focused, unfocused = state["focused"], state["unfocused"]
    transparent = ("rgba(0, 0, 0, 0)", "transparent")
    outline_shows = focused["outline"] != "none" and focused["outlineColor"] not in transparent and focused["outline"] != unfocused["outline"]
    shadow_shows = focused["boxShadow"] not in ("none", unfocused["boxShadow"])
    background_shows = focused["background"] != unfocused["background"] and focused["background"] not in transparent
    if outline_shows or shadow_shows or background_shows:
        return None
    return f"focus changes no outline, shadow or background (focused style {focused}, unfocused {unfocused})"


def tab_through(page, where: str, limit: int = 400) -> tuple[list[dict], list[Finding]]:
    """Press Tab from the top of the page until focus wraps; every stop whose focus cannot be seen is a finding."""
    stops: list[dict] = []
    findings: list[Finding] = []
    seen: set[str] = set()
    for _ in range(limit):
        page.keyboard.press("Tab")
        state = describe_focus(page)
        if state is None:
            break
        if state["stop"] in seen:  # focus has come round to an element it already visited
            break
        seen.add(state["stop"])
        stops.append(state)
        problem = focus_indicator_problem(state)
        if problem:
            findings.append(Finding(where, "focus visible (WCAG 2.4.7)", f"{state['tag']} '{state['name']}'", problem))
    else:
        findings.append(Finding(where, "keyboard trap (WCAG 2.1.2)", "(the page)", f"focus did not leave the page after {limit} presses of Tab"))
    return stops, findings
