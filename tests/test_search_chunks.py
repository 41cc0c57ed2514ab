"""How the word index is cut again after Pagefind writes it (hooks/iopcsite/search/index_chunks.py),
on words made up here: the built index is checked in test_search_built.py."""

from __future__ import annotations

from iopcsite.search.index_chunks import CHUNK_PLACES, HEAVIEST, PLACES_KEPT, recut, weighted_places
from support.search import chunk_fetched_for

BODY, HEADING = 24, 168  # Pagefind's weights for body text and for a main heading


def packed(weighted: list[tuple[int, int]]) -> list[int]:
    """Places as Pagefind 1.5 writes them: each weight as -(weight + 1), then its positions as steps."""
    places, weight, position = [], None, 0
    for place_weight, place in weighted:
        if place_weight != weight:
            places.append(-(place_weight + 1))
            weight, position = place_weight, 0
        places.append(place - position)
        position = place
    return places


def word(text: str, pages: int, places_each: int) -> list:
    # Page numbers are steps too: 0, then 1 to each next page.
    return [text, [[0 if page == 0 else 1, packed([(BODY, 10 * place) for place in range(places_each)]), []]
                   for page in range(pages)], []]


def test_a_page_keeps_its_heaviest_places_and_what_they_all_weighed():
    places = [(HEADING, 3)] + [(BODY, 10 * place) for place in range(1, 11)]
    [(_, _, [kept_word])] = recut([["review", [[0, packed(places), []]], []]])
    kept = list(weighted_places(kept_word[1][0][1]))
    # The heaviest places, earliest first: as many as it takes to carry 408 at most 255 each, or PLACES_KEPT.
    assert sorted(position for _, position in kept) == [3, 10, 20][:max(PLACES_KEPT, 2)]
    assert sum(weight for weight, _ in kept) == HEADING + 10 * BODY
    assert kept_word[1][0][2] == []  # places in the title are kept as they are


def test_a_page_keeps_as_many_places_as_its_weight_needs():
    places = [(BODY, 10 * place) for place in range(100)]  # 2,400: ten places of 240
    [(_, _, [kept_word])] = recut([["heddlu", [[0, packed(places), []]], []]])
    kept = list(weighted_places(kept_word[1][0][1]))
    assert len(kept) == 10 and sum(weight for weight, _ in kept) == 100 * BODY
    assert max(weight for weight, _ in kept) <= HEAVIEST


def test_thinning_the_places_again_changes_nothing():
    places = [(HEADING, 1), (7, 4)] + [(BODY, 5 + 3 * place) for place in range(31)]
    once = recut([["review", [[0, packed(places), []]], []]])
    assert recut([words for _, _, words in once][0]) == once


def test_a_position_two_words_of_a_group_share_is_kept_in_both():
    # "officer-led": Pagefind writes 'offic' and 'officerled' at the same position, and counts it once.
    officer = [(BODY, 10 * place) for place in range(1, 20)]
    [(_, _, words)] = recut([["offic", [[0, packed(officer), []]], []], ["officerl", [[0, packed([(BODY, 150)]), []]], []]])
    kept = {position: weight for weight, position in weighted_places(words[0][1][0][1])}
    assert kept[150] == BODY
    assert sum(kept.values()) == 19 * BODY


def test_a_page_with_few_places_is_left_as_it_is():
    places = packed([(BODY, 7 + 2 * place) for place in range(PLACES_KEPT)])
    [(_, _, [kept_word])] = recut([["cwyn", [[0, places, []]], []]])
    assert kept_word[1][0][1] == places


def test_words_with_the_same_start_share_a_chunk_however_many_places_they_have():
    words = [word("adolygiad", 300, 3), word("adolygu", 300, 3), word("adran", 10, 1),
             word("cwyn", CHUNK_PLACES, 2), word("cwynion", CHUNK_PLACES, 2), word("cwynydd", 5, 1), word("data", 5, 1)]
    chunks = recut(words)
    assert len(chunks) > 1
    holding = {entry[0]: number for number, (_, _, chunk_words) in enumerate(chunks) for entry in chunk_words}
    assert holding["cwyn"] == holding["cwynion"] == holding["cwynydd"]
    assert holding["adolygiad"] == holding["adolygu"]
    for typed in ("adol", "adolyg", "adolygiadau", "cwyn", "cwynion", "cwynionx", "adra", "data", "datganiad"):
        expected = holding.get(typed) if typed in holding else max(
            (number for text, number in holding.items() if text[:4] == typed[:4]), default=None)
        assert chunk_fetched_for(chunks, typed) == expected, typed


def test_every_word_falls_in_exactly_one_range():
    chunks = recut([word(text, 400, 6) for text in ("aber", "abertawe", "bae", "caerdydd", "zzz", "ŵyr")])
    assert chunks[0][0] == ""
    for (_, end, _), (start, _, _) in zip(chunks, chunks[1:]):
        assert end.encode() < start.encode()
    for typed in ("", "a", "abe", "bach", "cymru", "ŵ", "ŵyrion", "zzzz", "\u00ff"):
        holding = [number for number, (start, end, _) in enumerate(chunks) if start.encode() <= typed.encode() <= end.encode()]
        assert len(holding) == 1, typed
