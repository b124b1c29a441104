"""Hypothesis strategies for the privacy guard's tests: valid identifiers in everyday sentences."""
from __future__ import annotations

import phonenumbers
from hypothesis import assume
from hypothesis import strategies as st
from stdnum import iban

WORDS = ["mijn", "digid", "doet", "het", "niet", "ik", "wil", "hulp", "met", "machtigen", "kun", "je",
         "helpen", "is", "dit", "en", "graag", "de", "app", "werkt", "help", "please", "my", "not"]
SEPARATORS = st.sampled_from(["", " ", ".", "-"])


@st.composite
def bsns(draw) -> str:
    """A BSN that passes the 11-proof, written with or without spaces, dots or dashes."""
    digits = draw(st.lists(st.integers(0, 9), min_size=8, max_size=8))
    check = sum(d * (9 - i) for i, d in enumerate(digits)) % 11
    assume(check < 10 and any(digits))
    number = "".join(map(str, digits)) + str(check)
    sep = draw(SEPARATORS)
    return sep.join([number[:3], number[3:6], number[6:]]) if draw(st.booleans()) else number[:4] + sep + number[4:]


@st.composite
def ibans(draw) -> str:
    bank = draw(st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=4, max_size=4))
    account = draw(st.text("0123456789", min_size=10, max_size=10))
    number = "NL" + iban.calc_check_digits("NL00" + bank + account) + bank + account
    return iban.format(number) if draw(st.booleans()) else number


@st.composite
def phones(draw) -> str:
    region = draw(st.sampled_from(["NL", "NL", "BE", "DE", "GB", "TR", "MA"]))
    example = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.MOBILE)
    national = str(example.national_number)
    tail = draw(st.text("0123456789", min_size=4, max_size=4))
    number = phonenumbers.parse(f"+{example.country_code}{national[:-4]}{tail}")
    assume(phonenumbers.is_valid_number(number))
    formats = [phonenumbers.PhoneNumberFormat.INTERNATIONAL, phonenumbers.PhoneNumberFormat.E164]
    if region == "NL":
        formats.append(phonenumbers.PhoneNumberFormat.NATIONAL)
    written = phonenumbers.format_number(number, draw(st.sampled_from(formats)))
    return written.replace(" ", draw(st.sampled_from([" ", "-", ""]))) if region == "NL" else written


emails = st.emails()


@st.composite
def sentences_with(draw, identifier) -> tuple[str, str]:
    """(sentence, identifier): the identifier among ordinary words."""
    value = draw(identifier)
    before = draw(st.lists(st.sampled_from(WORDS), max_size=5))
    after = draw(st.lists(st.sampled_from(WORDS), max_size=5))
    return " ".join([*before, value, *after]), value


# Things that look like numbers but are not identifiers: they must stay as typed.
HARMLESS = st.one_of(
    st.integers(1000, 9999).map(str),                                                   # PC4 postcode
    st.builds(lambda n, a: f"{n} {a}", st.integers(1000, 9999), st.sampled_from(["AB", "CD", "XK", "GH"])),  # PC6
    st.builds(lambda n, a: f"{n}{a}", st.integers(1000, 9999), st.sampled_from(["ab", "CD", "xk"])),
    st.integers(1900, 2099).map(str),                                                   # a year
    st.builds(lambda d, m, y, s: f"{d}{s}{m}{s}{y}", st.integers(1, 28), st.integers(1, 12),
              st.integers(1950, 2030), st.sampled_from(["-", ".", "/"])),              # a date
    st.builds(lambda d, y: f"{d} mei {y}", st.integers(1, 31), st.integers(1950, 2030)),
    st.builds(lambda e, c: f"€ {e},{c:02d}", st.integers(0, 99999), st.integers(0, 99)),  # an amount
    st.builds(lambda e: f"{e:,}".replace(",", ".") + " euro", st.integers(1000, 9_999_999)),
    st.just("DigiD"), st.just("digid app"),
    st.builds(lambda n: f"huisnummer {n}", st.integers(1, 999)), st.builds(lambda n: f"nummer {n}a", st.integers(1, 99)),
    st.sampled_from(["Utrecht", "Den Haag", "Zwolle", "'s-Hertogenbosch"]),
    st.sampled_from(["mijn wachtwoord is vergeten", "wachtwoord kwijt", "mijn pincode is geblokkeerd",
                     "de sms-code is niet gekomen", "mijn code is verlopen", "ik heb 5 keer een verkeerde pincode getypt"]),
)


@st.composite
def harmless_sentences(draw) -> str:
    parts = draw(st.lists(HARMLESS, min_size=1, max_size=3))
    words = [w for part in parts for w in (part, draw(st.sampled_from(WORDS)))]
    return " ".join([draw(st.sampled_from(WORDS)), *words])
