"""Cut a language's Pagefind word index again, into chunks a query can fetch cheaply and completely.

No option of Pagefind (1.5) does this, so its chunk files are rewritten after it runs. Why:

- A query fetches one chunk per word it has: the chunk whose ``from``..``to`` range holds the word.
  Then it matches every word in that chunk that starts with the query's stem. Pagefind cuts a
  chunk every 20,000 word places, wherever that falls, so words with the same start could sit in
  two chunks, and the second chunk's words were not found: on the benchmark site a search for
  Welsh ``cwyn`` found 972 pages, and 1,054 once ``cwynion`` was in the same chunk. Here, words
  that share their first ``SHARED_START`` letters always go into the same chunk. That is the
  shortest stem the search interface sends (``SHORTEST_STEM`` in ``docs/assets/js/search-ui.js``).
- Pagefind also shortens each ``to`` to a prefix of the chunk's last word, so a word near the end of
  a chunk fell outside every range. A query fetched nothing for it unless none of its other words
  were found either. Here the ranges meet: every possible word falls in exactly one chunk, and it is
  the chunk that holds the words starting with that word's first letters.
- A query's cost is the whole chunks it fetches. Smaller chunks (``CHUNK_PLACES``) make a query for
  an uncommon word cheap.
- A common word's entry lists every page it is on, with every place on each page, so its entry grows
  with the site. Each page keeps only the places that weigh most, the earliest first: as many as it
  takes to carry the weight of them all (one place holds at most 255), and at least ``PLACES_KEPT``.
  Their weights are raised so that together they weigh exactly what all the places did. Pagefind
  ranks a page by that total, so results come in the same order, with the same scores. What changes:
  an excerpt marks only the places kept, and a search in quotation marks finds a phrase only where
  it starts at one of them.

The layout read and written here is Pagefind 1.5's. A chunk file is ``[words]``. Each word is
``[word, pages, ...]``, and each page is ``[page number step, places, places in its meta fields]``
(the meta fields, such as the title, are left as they are). A page's places come in runs, each
run a weight then positions: the weight is written as ``-(weight + 1)``, and each position as its
distance from the one before it (the first from 0).
"""

from __future__ import annotations

import collections
import itertools
import math
from typing import Iterable, Iterator

SHARED_START = 4  # letters; search-ui.js's SHORTEST_STEM
CHUNK_PLACES = 2_500  # word places per chunk, counted as Pagefind counts them (places + 1 per page)
PLACES_KEPT = 1  # per word per page, at the least
HEAVIEST = 255  # Pagefind reads a weight into one byte
UNMARKED = 25  # the weight Pagefind gives places written before any weight (it writes one first)
ABOVE_ANY_LETTER = "\U0010ffff"  # sorts after every character a word can have


def recut(words: list[list]) -> list[tuple[str, str, list[list]]]:
    """Every word of one language's index, in order, as new chunks: ``(from, to, words)``."""
    chunks = list(_chunks([_with_places_kept(group) for group in _same_start(words)]))
    if not chunks:
        return []
    return [(start, end, chunk) for (start, end), chunk in zip(_ranges(chunks), chunks)]


def _start(word: str) -> str:
    """The first letters that keep words in one chunk."""
    return word[:SHARED_START]


def _chunks(groups: Iterable[list[list]]) -> Iterator[list[list]]:
    chunk: list[list] = []
    places = 0
    for group in groups:
        chunk += group
        places += sum(_places(word) for word in group)
        if places >= CHUNK_PLACES:
            yield chunk
            chunk, places = [], 0
    if chunk:
        yield chunk


def _same_start(words: list[list]) -> Iterator[list[list]]:
    group: list[list] = []
    for word in words:
        if group and _start(word[0]) != _start(group[-1][0]):
            yield group
            group = []
        group.append(word)
    if group:
        yield group


def _places(word: list) -> int:
    return sum(len(page[1]) + 1 for page in word[1])


def _ranges(chunks: list[list[list]]) -> list[tuple[str, str]]:
    """Ranges that meet: the first starts before any word, and each ends just before the next begins.

    Pagefind compares words as UTF-8 bytes, which sort as the code points do."""
    starts = [""] + [_first_letters_after(before[-1][0], after[0][0]) for before, after in zip(chunks, chunks[1:])]
    ends = [_just_before(following) for following in starts[1:]] + [chunks[-1][-1][0] + ABOVE_ANY_LETTER]
    return list(zip(starts, ends))


def _first_letters_after(last: str, first: str) -> str:
    """The shortest start of ``first`` that sorts after ``last``: as Pagefind names a chunk's start."""
    shared = 0
    while shared < min(len(last), len(first)) and last[shared] == first[shared]:
        shared += 1
    return first[:shared + 1]


def _just_before(start_of_next: str) -> str:
    """A range end above every word that sorts before ``start_of_next``, and below it."""
    previous = ord(start_of_next[-1]) - 1
    if 0xD800 <= previous <= 0xDFFF:  # surrogates are not characters
        previous = 0xD7FF
    return start_of_next[:-1] + chr(previous) + ABOVE_ANY_LETTER


def _with_places_kept(group: list[list]) -> list[list]:
    """A group of words with the same start, each page keeping a few places of each word.

    One query word can match several words of a group ('offic' matches 'officer' and 'officerled', which
    Pagefind writes at the same position for "officer-led"), and Pagefind counts a position once. So a
    position that two words of the group share on a page is always kept, and only the others are thinned."""
    shared = _shared_positions(group) if len(group) > 1 else {}
    return [[word[0], [[page[0], _kept(page[1], shared.get(number, set())), *page[2:]]
                       for number, page in zip(_page_numbers(word), word[1])], *word[2:]]
            for word in group]


def _page_numbers(word: list) -> Iterator[int]:
    return itertools.accumulate(page[0] for page in word[1])  # written as steps from the page before


def _shared_positions(group: list[list]) -> dict[int, set[int]]:
    seen = collections.Counter((number, position) for word in group
                               for number, page in zip(_page_numbers(word), word[1])
                               for position in {position for _, position in weighted_places(page[1])})
    shared: dict[int, set[int]] = {}
    for (number, position), words in seen.items():
        if words > 1:
            shared.setdefault(number, set()).add(position)
    return shared


def _kept(places: list[int], always: set[int]) -> list[int]:
    if sum(value >= 0 for value in places) <= PLACES_KEPT:  # most pages: nothing to thin
        return places
    weighted = _one_per_position(weighted_places(places))
    thinned = [place for place in weighted if place[1] not in always]
    total = sum(weight for weight, _ in thinned)
    # As many places as it takes to carry their whole weight, one place holding at most HEAVIEST.
    keeping = max(PLACES_KEPT, math.ceil(total / HEAVIEST))
    if len(thinned) <= keeping:
        return places
    kept = sorted(thinned, key=lambda place: (-place[0], place[1]))[:keeping]
    weights = _spread(total, [weight for weight, _ in kept])
    return _packed([place for place in weighted if place[1] in always]
                   + list(zip(weights, (position for _, position in kept))))


def _one_per_position(weighted: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """A word written twice at one position (the parts of "day-to-day") counts once in Pagefind's ranking;
    where the weights differ, the lower one."""
    lowest: dict[int, int] = {}
    for weight, position in weighted:
        lowest[position] = min(weight, lowest.get(position, weight))
    return [(weight, position) for position, weight in lowest.items()]


def _spread(total: int, weights: list[int]) -> list[int]:
    """``weights`` raised in proportion until they add up to exactly ``total`` (so that thinning the places
    again finds nothing to do), none above ``HEAVIEST``: what one place cannot take the others share."""
    raised = list(weights)
    rising = [index for index, weight in enumerate(weights) if weight > 0]  # a weight of 0 counts for nothing
    while rising:
        share = total / sum(weights[index] for index in rising)
        full = [index for index in rising if weights[index] * share >= HEAVIEST]
        if not full:
            exact = {index: weights[index] * share for index in rising}
            for index in rising:
                raised[index] = math.floor(exact[index])
            # The units lost to rounding down go to the places that lost most.
            short = total - sum(raised[index] for index in rising)
            for index in sorted(rising, key=lambda index: (raised[index] - exact[index], index))[:short]:
                raised[index] += 1
            break
        for index in full:
            raised[index] = HEAVIEST
            total -= HEAVIEST
            rising.remove(index)
    return raised


def weighted_places(places: list[int]) -> Iterator[tuple[int, int]]:
    """A page's packed places as ``(weight, position)``."""
    weight, position = UNMARKED, 0
    for value in places:
        if value < 0:
            weight, position = -value - 1, 0
        else:
            position += value
            yield weight, position


def _packed(weighted: Iterable[tuple[int, int]]) -> list[int]:
    places = sorted(weighted)
    packed: list[int] = []
    for index, (weight, position) in enumerate(places):
        if index == 0 or weight != places[index - 1][0]:
            packed.append(-(weight + 1))
            packed.append(position)
        else:
            packed.append(position - places[index - 1][1])
    return packed
