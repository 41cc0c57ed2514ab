/* Search results under the header, from Pagefind's index (loaded by search-open.js when a
   reader first searches). Pagefind fetches only the parts of the index a query's words
   need, and reads the page's <html lang> to search that language's pages alone.
   The words shown come from search/strings.json beside the page's search page, in its language.
   Nothing is stored, and the query never goes into the address. */

// Each result shown costs its page's extract (1 to 7 KB gzip), so five come first, as in Pagefind's
// own interface, and a reader asks for five more with a button: on a poor signal the first results
// come sooner, and a word on nearly every Welsh page costs under 30 KB to search at twice today's size.
const RESULTS_AT_ONCE = 5;
// Pagefind has no Welsh stemmer, but it matches the start of words: 'adolyg' finds adolygiad
// and adolygu. So common Welsh endings come off a long word before it is searched.
// (Mutations such as 'nghwyn' for 'cwyn' are not undone.)
const WELSH_ENDINGS = ["iadau", "iaeth", "iadol", "oedd", "iad", "ion", "ydd", "wyr", "au", "wch", "odd", "u", "i"];
const SHORTEST_STEM = 4;

export function welshStem(word) {
  const lower = word.toLowerCase();
  for (const ending of WELSH_ENDINGS) {
    if (lower.endsWith(ending) && lower.length - ending.length >= SHORTEST_STEM) {
      return lower.slice(0, -ending.length);
    }
  }
  return lower;
}

function searchTerms(query, language) {
  const words = query.trim().split(/\s+/).filter(Boolean);
  return (language === "cy" ? words.map(welshStem) : words).join(" ");
}

function element(tag, className, text) {
  const made = document.createElement(tag);
  if (className) made.className = className;
  if (text !== undefined) made.textContent = text;
  return made;
}

// Pagefind's excerpt is text with <mark> round the matched words: keep exactly that, as text nodes and marks.
function excerptNodes(html) {
  const template = document.createElement("template");
  template.innerHTML = html;
  const nodes = [];
  template.content.childNodes.forEach((node) => {
    if (node.nodeName === "MARK") nodes.push(element("mark", "", node.textContent));
    else nodes.push(document.createTextNode(node.textContent));
  });
  return nodes;
}

function countText(words, count) {
  return count === 1 ? words["search-results-one"] : words["search-results-other"].replace("{count}", String(count));
}

function buildPanel(words) {
  const panel = element("section", "iopc-search-panel");
  panel.setAttribute("aria-labelledby", "iopc-search-heading");
  panel.hidden = true;
  const inner = element("div", "iopc-search-panel__inner md-grid md-typeset");
  const top = element("div", "iopc-search-panel__top");
  const heading = element("h2", "iopc-search-panel__heading", words["search-results-heading"]);
  heading.id = "iopc-search-heading";
  heading.tabIndex = -1;
  const close = element("button", "iopc-search-panel__close", words["search-close"]);
  close.type = "button";
  top.append(heading, close);
  const status = element("p", "iopc-search-panel__status");
  status.setAttribute("role", "status");
  const sections = element("fieldset", "iopc-search-panel__sections");
  sections.hidden = true;
  const help = element("p", "iopc-search-panel__help", words["search-none-help"]);
  help.hidden = true;
  const results = element("ol", "iopc-search-panel__results");
  const more = element("button", "iopc-search-panel__more", words["search-more"]);
  more.type = "button";
  more.hidden = true;
  inner.append(top, status, help, sections, results, more);
  panel.append(inner);
  return { panel, heading, close, status, help, sections, results, more };
}

export async function start(form, root) {
  const box = form.querySelector("input[type=search]");
  const language = document.documentElement.lang || "en";
  const header = form.closest("header");
  let words = {};
  let sectionNames = {};
  let pagefind = null;
  let parts = null;
  let chosenSection = "";
  let lastQuery = "";
  let shown = [];
  let searchNumber = 0;

  try {
    const [stringsResponse, engine] = await Promise.all([
      fetch(new URL("strings.json", form.action), { credentials: "omit" }),
      import(new URL("pagefind/pagefind.js", root).href),
    ]);
    const loaded = await stringsResponse.json();
    words = loaded.strings;
    sectionNames = loaded.sections;
    pagefind = engine;
    await pagefind.options({ baseUrl: root.pathname, excerptLength: 24 });
    await pagefind.init();
    await pagefind.filters(); // loads the (small) section counts, which every search then reports
  } catch (error) {
    words = words["search-failed"] ? words : { "search-failed": "Search could not load.", "search-close": "Close",
      "search-results-heading": "Search", "search-none-help": "", "search-more": "" };
    parts = buildPanel(words);
    header.after(parts.panel);
    parts.panel.hidden = false;
    parts.status.textContent = words["search-failed"];
    return { show() {} };
  }

  parts = buildPanel(words);
  header.after(parts.panel);

  function hide() {
    parts.panel.hidden = true;
    box.focus();
  }
  parts.close.addEventListener("click", hide);
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !parts.panel.hidden) hide();
  });
  parts.more.addEventListener("click", () => showMore(true));

  function sectionChoice(id, label, count) {
    const wrapper = element("div", "iopc-search-panel__section");
    const input = element("input");
    input.type = "radio";
    input.name = "iopc-search-section";
    input.id = "iopc-search-section-" + (id || "all");
    input.value = id;
    input.checked = id === chosenSection;
    input.addEventListener("change", () => {
      chosenSection = id;
      run(lastQuery, false, true);
    });
    const labelFor = element("label", "", label + " (" + count + ")");
    labelFor.htmlFor = input.id;
    wrapper.append(input, labelFor);
    return wrapper;
  }

  function drawSections(counts, total) {
    const known = Object.keys(counts).filter((id) => counts[id] > 0)
      .sort((a, b) => (sectionNames[a] || a).localeCompare(sectionNames[b] || b, language));
    parts.sections.replaceChildren(element("legend", "", words["search-sections-label"]));
    parts.sections.hidden = known.length < 2 && !chosenSection;
    if (parts.sections.hidden) return;
    parts.sections.append(sectionChoice("", words["search-all-sections"], total));
    known.forEach((id) => parts.sections.append(sectionChoice(id, sectionNames[id] || id, counts[id])));
  }

  async function showMore(moveFocus) {
    const next = shown.splice(0, RESULTS_AT_ONCE);
    const items = await Promise.all(next.map((result) => result.data()));
    let first = null;
    items.forEach((data) => {
      const item = element("li", "iopc-search-result");
      const link = element("a", "iopc-search-result__link", data.meta.title || data.url);
      link.href = data.url;
      const section = element("span", "iopc-search-result__section", data.meta.section || "");
      const excerpt = element("p", "iopc-search-result__excerpt");
      excerpt.append(...excerptNodes(data.excerpt || ""));
      item.append(link, " ", section, excerpt);
      parts.results.append(item);
      first = first || link;
    });
    parts.more.hidden = shown.length === 0;
    if (moveFocus && first) first.focus();
  }

  // keepSections: the reader chose a section, so the choices stay as they are (and keep the focus);
  // their counts are of all the results, whichever section is chosen.
  async function run(query, announce, keepSections = false) {
    const number = ++searchNumber;
    lastQuery = query;
    const terms = searchTerms(query, language);
    if (!terms) {
      parts.panel.hidden = true;
      return;
    }
    parts.panel.hidden = false;
    parts.panel.dataset.state = "searching";
    parts.status.textContent = words["search-loading"];
    const options = chosenSection ? { filters: { section: chosenSection } } : {};
    const found = await pagefind.search(terms, options);
    if (number !== searchNumber) return; // a newer search has started
    const counts = (found.totalFilters && found.totalFilters.section) || {};
    const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
    parts.results.replaceChildren();
    shown = found.results.slice();
    if (!keepSections) drawSections(counts, total);
    await showMore(false);
    if (number !== searchNumber) return;
    // Said once the results are there, so a screen reader announces the count of what it can now read.
    parts.status.textContent = found.results.length ? countText(words, found.results.length) : words["search-none"];
    parts.help.hidden = found.results.length > 0;
    parts.panel.dataset.state = "done";
    parts.panel.dataset.query = query;
    if (announce) parts.heading.focus();
  }

  return {
    show(query, announce) {
      run(query, announce);
    },
  };
}
