"""The bench's results as a table: printed by ``make bench`` and pasted into the README."""

from __future__ import annotations

CASES = {
    "cold": "Cold full build (empty cache), both languages",
    "warm": "Warm build, nothing changed, both languages",
    "faq_edit": "Rebuild after editing one FAQ",
    "plain": "Plain Material, same pages, no hooks",
    "single": "Our warm build, English only",
}


def kb(value: int) -> str:
    return f"{value / 1024:.1f} KB"


def markdown_tables(results: dict) -> str:
    """Every figure of ``results`` as Markdown tables."""
    m = results["machine"]
    s = results["synthetic"]
    lines = [
        f"Machine: {m['cpu']}, {m['cores']} cores, Python {m['python']}, {m['system']}; "
        f"load average {m.get('load_average_at_start')} at the start, {m.get('load_average_at_end')} at the end.",
        "",
        f"Synthetic site: {s['pages_built']} pages ({s['pages_per_language']} per language, "
        f"{', '.join(s['languages'])}), {s['faqs']} FAQs, {s.get('campaigns', 0)} campaigns; median of "
        f"{results['runs']} runs ({results.get('cold_runs', results['runs'])} for the cold build).",
        "",
        "| build | wall (s) | CPU (s) |",
        "|---|---:|---:|",
    ]
    for name, label in CASES.items():
        timing = results["timings"][name]
        lines.append(f"| {label} | {timing['wall_median']:.1f} | {timing['cpu_median']:.1f} |")
    ratios, targets = results["ratios"], results["targets"]
    lines += [
        "",
        "| ratio | wall | CPU | target |",
        "|---|---:|---:|---:|",
        f"| Our warm build / plain Material | {ratios['warm_vs_plain']['wall']:.2f} | "
        f"{ratios['warm_vs_plain']['cpu']:.2f} | <= {targets['warm_vs_plain']:.2f} |",
        f"| Bilingual / single-language | {ratios['bilingual_vs_single']['wall']:.2f} | "
        f"{ratios['bilingual_vs_single']['cpu']:.2f} | <= {targets['bilingual_vs_single']:.2f} (wall, two cores) |",
    ]
    products = results.get("campaign_products", {})
    builds = results.get("campaign_builds", [])
    if products.get("available"):
        lines += ["", "| campaign product (language) | seconds to render |", "|---|---:|"]
        lines += [f"| {name} | {seconds:.2f} |" for name, seconds in products["seconds_per_product"].items()]
        lines.append(f"| all {products['rendered']} products, empty cache | {products['total_seconds']:.1f} |")
    if builds:
        warm = [run["rendered"] for run in builds if run["case"] == "warm"]
        lines += ["", f"Campaign products rendered by a warm build with nothing changed: {max(warm, default=0)} "
                      f"(target 0); by a cold build: {max((r['rendered'] for r in builds if r['case'] == 'cold'), default=0)}."]
    lines += ["", "First visit, real site (bytes sent: text gzip level 9, images as they are):", "",
              "| page template | language | first visit | HTML | CSS | JS | opening search adds |",
              "|---|---|---:|---:|---:|---:|---:|"]
    for template, by_language in results["page_weight"].items():
        if not by_language:
            lines.append(f"| {template} | - | not on the site yet | | | | |")
        for language, weight in by_language.items():
            kinds = weight["by_kind_gzip"]
            lines.append(
                f"| {template} | {language} | {kb(weight['total_gzip'])} | {kb(kinds.get('html', 0))} | "
                f"{kb(kinds.get('css', 0))} | {kb(kinds.get('js', 0))} | {kb(weight['search_gzip'])} |")
    lines += ["", "| search index (Pagefind) | language | pages | chunks | all chunks | largest chunk |",
              "|---|---|---:|---:|---:|---:|"]
    for label, key in (("real site", "search_index"), ("synthetic site", "synthetic_search_index")):
        for language, size in results[key].items():
            lines.append(f"| {label} | {language} | {size['pages']} | {size['chunks']} | {kb(size['gzip'])} | "
                         f"{kb(size['largest_chunk_gzip'])} |")
    if results.get("search_cost"):
        lines += ["", *search_cost_lines(results["search_cost"])]
    thumbnails = results.get("campaign_thumbnails") or {}
    if thumbnails:
        lines += ["", "| campaign page | lazy preview images | largest | all together |", "|---|---:|---:|---:|"]
        lines += [f"| /{page} | {size['count']} | {kb(size['largest'])} | {kb(size['total'])} |"
                  for page, size in thumbnails.items()]
    return "\n".join(lines) + "\n"


def search_cost_lines(cost: dict) -> list[str]:
    """Opening search and three queries, ours (Pagefind, measured in Chromium) beside today's (lunr)."""
    targets = cost["targets"]
    lines = ["Search, bytes on the wire (gzip) to open search and run each query, at full and at twice the size "
             f"({cost['scales']['full']['pages']} and {cost['scales']['double']['pages']} guidance pages):", "",
             "| search | language | first query, full | first query, twice | growth | further queries (largest) |",
             "|---|---|---:|---:|---:|---:|"]
    for engine in ("pagefind", "lunr"):
        for language in cost["full"][engine]:
            full, double = (cost[size][engine][language]["queries"] for size in ("full", "double"))
            growth = double[0]["gzip"] / full[0]["gzip"] if full[0]["gzip"] else 0
            further = max(step["gzip"] for step in full[1:] + double[1:])
            lines.append(f"| {'ours (Pagefind)' if engine == 'pagefind' else 'today (lunr)'} | {language} | "
                         f"{kb(full[0]['gzip'])} | {kb(double[0]['gzip'])} | {growth:.2f} | {kb(further)} |")
    checks = []
    for language, measured in cost["full"]["pagefind"].items():
        full, double = measured["queries"], cost["double"]["pagefind"][language]["queries"]
        checks.append(double[0]["gzip"] <= targets["first_query_growth"] * full[0]["gzip"])
        checks.append(max(full[0]["gzip"], double[0]["gzip"]) <= targets["first_query_gzip"])
        checks.append(max(step["gzip"] for step in full[1:] + double[1:]) <= targets["further_query_gzip"])
        checks.append(not measured["fetched_before_search"])
    lines += ["", f"Targets (first query grows at most {targets['first_query_growth']}x, at most "
                  f"{kb(targets['first_query_gzip'])}; further queries at most {kb(targets['further_query_gzip'])}; "
                  f"nothing of search before a reader searches): {'met' if all(checks) else 'NOT MET'}."]
    return lines


def print_table(results: dict) -> None:
    """The tables, on the terminal."""
    print()
    print(markdown_tables(results))
