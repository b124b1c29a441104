"""The December 2026 review through /api/chat: what is known now, and dated claims said as dated.

Real model, action server and content; the texts are compared with content/ so a changed fact
fails here only if its meaning (the number, the date, the warning) is lost."""
from __future__ import annotations


def texts(answer) -> list[str]:
    return [r["text"] for r in answer["replies"]]


def payloads(answer) -> list[str]:
    return [b["payload"] for r in answer["replies"] for b in r.get("buttons") or []]


def test_a_digid_after_a_death_stops_by_itself(stack):
    answer = stack.chat("mijn vader is overleden en er komt nog post van digid")
    [text] = texts(answer)
    assert "Die stopt vanzelf" in text and "een jaar na het overlijden" in text
    assert "september 2023" in text  # said as what was known then
    assert "/rep_deceased" in payloads(answer)


def test_the_helpdesk_number_is_given(stack):
    [text] = texts(stack.chat("wat is het telefoonnummer van de digid helpdesk"))
    assert "088 123 65 55" in text and "digid.nl/contact" in text


def test_no_bsn_sends_to_the_gemeente_or_an_rni_desk_and_the_steps_offer_it(stack):
    steps = stack.conversation("/digid", "/digid_request")[-1]
    assert "/digid_no_bsn" in payloads(steps)
    answer = stack.chat("ik woon hier pas en heb nog geen bsn")
    [text] = texts(answer)
    assert text.startswith("Zonder BSN kun je geen DigiD krijgen.")
    assert "gemeente" in text and "RNI-loket" in text
    assert "/digid_request" in payloads(answer)


def test_a_curator_is_told_to_bring_the_beschikking_and_the_tolerance_only_as_history(stack):
    answer = stack.conversation("/machtigen", "/machtigen_for_other", "/legal_rep", "/rep_curator")[-1]
    curator, offline, no_other = texts(answer)
    assert "In 2023 wilde de overheid" in curator and "Vraag het de organisatie" in curator
    assert "beschikking" in offline
    assert "Log niet in met de DigiD van de ander" in no_other
    assert "In 2023" in no_other and "verstandelijke beperking" in no_other  # its exact scope, as history
    assert "Of het nu nog mag, weet ik niet" in no_other


def test_a_family_bewindvoerder_gets_the_beschikking_and_the_same_history(stack):
    bewind, offline, no_other = texts(stack.chat("/rep_bewindvoerder"))
    assert "niet meer machtigen" in bewind and "2023" in bewind
    assert "beschikking" in offline
    assert "de rechter had aangewezen voor iemand met een verstandelijke beperking" in no_other


def test_a_professional_bewindvoerder_is_warned_never_to_use_the_clients_digid(stack):
    first = texts(stack.chat("/rep_professional"))[0]
    assert "Gebruik nooit de DigiD van je cliënt" in first and "eHerkenning" in first


def test_an_old_phone_and_the_id_check(stack):
    answer = stack.chat("mijn telefoon is te oud voor de id-check")
    check, other = texts(answer)
    assert "NFC" in check and "Sinds september 2025" in check and "sms niet genoeg" in check
    assert "kaartlezer" in other and "computer" in other
    assert "/find_help" in payloads(answer)


def test_a_help_point_answer_carries_the_geonames_credit(stack):
    answer = stack.conversation("/find_help", "3511 AB")[-1]
    said = texts(answer)
    credit = said[-2]  # right after the points, before the last message with its buttons
    assert "GeoNames (CC BY 4.0)" in credit and "BAG" in credit and "4PP (MIT)" in credit
    assert any((r.get("custom") or {}).get("card") for r in answer["replies"])


def test_in_english_no_bsn_and_the_credit(stack):
    [text] = texts(stack.chat("i have no bsn yet", lang="en"))
    assert text.startswith("Without a BSN you cannot get a DigiD.")
    answer = stack.conversation("/find_help", "3511 AB", lang="en")[-1]
    assert "GeoNames (CC BY 4.0)" in texts(answer)[-2]
    assert answer["replies"][-2]["lang"] == "en"
