"""Reflow (WCAG 1.4.10) and text resize (1.4.4): nothing scrolls sideways, nothing is cut off."""

from __future__ import annotations

from .findings import Finding

# Text that pokes out of the page, or out of a box that clips it, is content a
# reader cannot see. Boxes that scroll sideways on purpose (wide tables) are
# allowed by WCAG 1.4.10, so text inside them is not counted.
CUT_OFF_TEXT = """() => {
  const width = document.documentElement.clientWidth;
  const found = [];
  const describe = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    (typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
  const rendered = (el) => el.checkVisibility({visibilityProperty: true, opacityProperty: true});
  const scrollsSideways = (el) => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
  const clipsSideways = (el) => ['hidden', 'clip'].includes(getComputedStyle(el).overflowX);
  const visuallyHidden = (el) => { const r = el.getBoundingClientRect(); return r.width <= 1 || r.height <= 1; };
  // A closed off-canvas panel (the mobile menu) sits wholly beside the page until opened.
  const offCanvas = (el) => { const r = el.getBoundingClientRect(); return r.right <= 0 || r.left >= width; };
  for (const el of document.body.querySelectorAll('*')) {
    const ownText = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    if (!ownText || !rendered(el) || visuallyHidden(el)) continue;
    let ancestor = el, inScroller = false;
    let closedPanel = false;
    while ((ancestor = ancestor.parentElement) && ancestor !== document.body) {
      if (offCanvas(ancestor)) { closedPanel = true; break; }
      if (scrollsSideways(ancestor) && !inScroller) inScroller = true;
    }
    if (inScroller || closedPanel) continue;
    const r = el.getBoundingClientRect();
    const text = el.textContent.trim().replace(/\\s+/g, ' ').slice(0, 60);
    if (r.right > width + 1 || r.left < -1) {
      found.push({element: describe(el), text, problem: `text runs from ${Math.round(r.left)} to ${Math.round(r.right)} px on a ${width} px wide page`});
    } else if (clipsSideways(el) && el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).textOverflow !== 'ellipsis') {
      found.push({element: describe(el), text, problem: `text is ${el.scrollWidth} px wide in a box that shows ${el.clientWidth} px`});
    } else if (getComputedStyle(el).textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth + 1) {
      found.push({element: describe(el), text, problem: `text is cut short with an ellipsis (${el.scrollWidth} px in ${el.clientWidth} px)`});
    }
  }
  return {scrollWidth: document.documentElement.scrollWidth, width, found};
}"""

# The header holds the site name (and, once the reader scrolls, the page's title) beside the search form.
# On a narrow screen the name wraps; it must stay left of the form and inside the header bar, or it is
# hidden under the form or spills white text over the page. The page's title is measured while it is
# still hidden, because only its height matters: it slides in sideways.
HEADER_CLASH = """() => {
  const header = document.querySelector('.md-header'), form = document.querySelector('.iopc-search-form');
  if (!header || !form) return [];
  const bar = header.getBoundingClientRect(), formBox = form.getBoundingClientRect();
  const found = [];
  for (const name of header.querySelectorAll('.md-header__topic .md-ellipsis')) {
    const box = name.getBoundingClientRect();
    const text = name.textContent.trim().slice(0, 60);
    const shown = name.checkVisibility({opacityProperty: true});
    if (shown && box.right > formBox.left + 1) {
      found.push({text, problem: `the header text runs ${Math.round(box.right - formBox.left)} px under the search form`});
    }
    if (box.top < bar.top - 1 || box.bottom > bar.bottom + 1) {
      found.push({text, problem: `the header text is ${Math.round(box.height)} px tall in a ${Math.round(bar.height)} px header`});
    }
  }
  return found;
}"""


def reflow_findings(page, where: str, rule: str) -> list[Finding]:
    """Sideways scrolling and cut-off text on the page as it is now laid out."""
    result = page.evaluate(CUT_OFF_TEXT)
    findings = []
    if result["scrollWidth"] > result["width"]:
        findings.append(Finding(where, rule, "html", f"the page scrolls sideways: {result['scrollWidth']} px of content in a {result['width']} px wide window"))
    findings += [Finding(where, rule, f"{item['element']} '{item['text']}'", item["problem"]) for item in result["found"]]
    findings += [Finding(where, rule, f"header '{item['text']}'", item["problem"]) for item in page.evaluate(HEADER_CLASH)]
    return findings


def enlarge_text(page, percent: int = 200) -> None:
    """Resize text only (not zoom), as a reader's text-size setting does: the root font size, which Material scales from."""
    page.evaluate(f"() => {{ document.documentElement.style.fontSize = '{percent}%'; }}")
    page.wait_for_timeout(50)
