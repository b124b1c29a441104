"""The B1 checker: each rule fails on a bad example and passes on a good one."""
from __future__ import annotations


import pytest

from web.content import ContentItem, ContentStore
from web.content.b1 import check_text, scores, split_sentences, vocabulary
from web.content.report import report_lines

# Measured examples from the team's shared/notes/b1-dutch.md (written with "u").
OFFICIAL = (
    "Na uw aanvraag ontvangt u binnen vijf werkdagen per post een brief met een activeringscode, "
    "die u twintig dagen kunt gebruiken."
)
REWRITTEN = "Binnen 5 werkdagen krijgt u een brief. In de brief staat een code. Met die code zet u uw DigiD aan."


def rules(text: str, address: str = "je") -> set[str]:
    return {p.rule for p in check_text(text, address=address)}


def test_official_sentence_fails_on_length_and_jargon():
    assert {"R2", "R5"} <= rules(OFFICIAL, address="u")


def test_rewritten_sentence_passes():
    assert check_text(REWRITTEN, address="u") == []


def test_message_of_more_than_60_words_fails_r1():
    long_message = " ".join(["Je krijgt een brief."] * 16)  # 64 words in short sentences
    assert rules(long_message) == {"R1"}
    assert rules(" ".join(["Je krijgt een brief."] * 15)) == set()


def test_sentence_of_more_than_15_words_fails_r2():
    sixteen = "Je krijgt een brief met een code en met die code zet je je DigiD aan op de computer."
    problems = check_text(sixteen)
    assert [p.rule for p in problems] == ["R2"]
    assert "Je krijgt een brief" in problems[0].message
    assert check_text("Je krijgt een brief met een code. Met die code zet je DigiD aan.") == []


def test_list_steps_are_sentences_of_their_own():
    text = "Zo vraag je DigiD aan:\n1. Ga naar de website\n- Kies een wachtwoord\n• Typ de code\nStap 4 van 4: Klaar"
    assert split_sentences(text) == [
        "Zo vraag je DigiD aan:", "Ga naar de website", "Kies een wachtwoord", "Typ de code", "Klaar",
    ]


def test_step_numbers_inside_a_folded_line_start_a_sentence():
    assert split_sentences("Zo doe je het: 1. Ga naar de website. 2. Kies een knop.") == [
        "Zo doe je het:", "Ga naar de website.", "Kies een knop.",
    ]


def test_slots_and_quoted_screen_labels_are_not_judged_for_rare_words():
    assert check_text("Bij {organisation} kies je 'Andere volmacht' en dan 'Bewindvoering'.") == []


def test_rare_word_fails_r4_and_is_named():
    problems = check_text("Dit geldt voor de vigerende regels.")
    assert {p.rule for p in problems} == {"R4"}
    assert any("vigerende" in p.message for p in problems)


@pytest.mark.parametrize(
    "word", ["zorgverzekering", "zorgverzekeringen", "werkdagen", "logt", "aangevraagd", "ingelogd", "getypt"]
)
def test_compounds_and_inflections_count_as_common(word):
    assert vocabulary().is_common(word)


def test_prefixes_do_not_count_as_compound_parts():
    assert not vocabulary().is_common("prolongeren")  # not pro + longeren


def test_allowed_words_numbers_addresses_and_times_pass():
    text = "Bel 088 - 123 6 555 of mail naar info@digid.nl. Kijk op www.digid.nl/contact om 09:30 met je smartphone."
    assert check_text(text) == []


def test_jargon_without_explanation_fails_r5():
    problems = check_text("Je hebt een machtiging nodig.")
    assert [p.rule for p in problems] == ["R5"]
    assert "machtiging" in problems[0].message


@pytest.mark.parametrize(
    "text",
    [
        "Je hebt een machtiging nodig. Dat is een toestemming van jou.",
        "Een machtiging is een toestemming van jou.",
        "Je hebt een machtiging (toestemming) nodig.",
        "Je BSN: het nummer op je paspoort.",
        "Iemand mag iets voor jou regelen. Dat heet een machtiging.",
        "Een mentor regelt zorg en persoonlijke zaken.",
    ],
)
def test_jargon_with_explanation_passes(text):
    assert check_text(text) == []


def test_official_word_must_be_replaced():
    problems = check_text("Je betaalt middels een app.")
    assert [p.rule for p in problems] == ["R5"]
    assert "'met'" in problems[0].message


def test_mixed_address_fails_r10():
    assert rules("Heb je een vraag? Bel ons als u hulp wilt.") == {"R10"}
    assert rules("Heeft u een vraag? Bel ons als je hulp wilt.", address="u") == {"R10"}
    assert rules("Heeft u een vraag? Bel ons als u hulp wilt.", address="u") == set()


def test_unknown_address_is_an_error():
    with pytest.raises(ValueError):
        check_text("Hallo.", address="jullie")


def test_scores():
    s = scores(REWRITTEN)
    assert (s["words"], s["sentences"], s["longest_sentence"], s["avg_sentence_len"]) == (21, 3, 8, 7.0)
    assert s["rare_words"] == []
    assert s["flesch_douma"] == pytest.approx(101.3, abs=0.1)
    assert scores(OFFICIAL)["flesch_douma"] == pytest.approx(59.0, abs=0.1)


def test_report_puts_the_hardest_text_first_and_names_its_problems():
    easy = ContentItem(id="utter_easy", topic="t", language="nl", text="Waar wil je hulp bij?", no_facts=True)
    hard = ContentItem(id="utter_hard", topic="t", language="nl", text=OFFICIAL, no_facts=True)
    lines = report_lines(ContentStore([easy, hard]))
    assert lines[0].startswith("t/utter_hard")
    assert any("R2" in line for line in lines)
    assert any(line.startswith("t/utter_easy") for line in lines)
