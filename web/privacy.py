"""The privacy guard: identifiers typed by mistake are replaced before the text leaves the web app.

`mask()` runs on every typed message (web/chat/conversation.py), before it goes to Rasa (and so
its tracker and the transcript), the `shown` metadata or a log. The transcript shows placeholders
("[BSN]"); Rasa understands the text without them. It finds:

- a BSN: 9 digits, also with spaces, dots or dashes, that pass the 11-proof (python-stdnum);
- an IBAN with a valid check (python-stdnum);
- a phone number, Dutch or international, that phonenumbers finds valid;
- an e-mail address;
- an address: a postcode with letters (PC6) together with a house number;
- a password, PIN or DigiD code in a phrase such as "mijn wachtwoord is ...", "pincode is 12345",
  "de sms-code is 123456".

A postcode or a town alone stays, so "hulp in de buurt" still works; so do years, dates, amounts,
"DigiD" and a house number alone. The reply then begins with a warning that names only the kind
of thing found, never what was typed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import phonenumbers
from stdnum import iban
from stdnum.nl import bsn
from wordfreq import zipf_frequency

# kind → the placeholder put in its place, and the warning (content/<lang>/core.yml) it gives.
PLACEHOLDERS = {
    "email": "[E-MAIL]", "iban": "[IBAN]", "bsn": "[BSN]", "phone": "[TELEFOON]",
    "address": "[ADRES]", "password": "[WACHTWOORD]", "code": "[CODE]",
}
WARNINGS = {
    "bsn": "privacy_bsn", "iban": "privacy_bank",
    "email": "privacy_contact", "phone": "privacy_contact", "address": "privacy_contact",
    "password": "privacy_secret", "code": "privacy_secret",
}
WARNING_IDS = frozenset(WARNINGS.values())
_ANY_PLACEHOLDER = re.compile("|".join(re.escape(p) for p in PLACEHOLDERS.values()))

# The characters RFC 5322 allows before the @, and a domain name with at least one dot.
EMAIL = re.compile(r"[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)+")
# Two letters, two check digits, then groups of letters and digits (with or without spaces).
IBAN_CANDIDATE = re.compile(r"\b[A-Za-z]{2}\d{2}(?:\s?[A-Za-z0-9]){11,30}")
# Exactly nine digits, one separator at most between two; not part of a longer run of digits.
BSN_CANDIDATE = re.compile(r"(?<![\d+])(?<!\d[ .\-])\d(?:[ .\-]?\d){8}(?![ .\-]?\d)")
# "mijn bsn is 123456789": nine (or eight) digits after the word, also without the 11-proof.
BSN_PHRASE = re.compile(r"\b(?:bsn|burgerservicenummer|sofinummer)\b\D{0,12}?(?<!\d)(\d(?:[ .\-]?\d){7,8})(?![ .\-]?\d)",
                        re.IGNORECASE)
# A postcode with its letters (upper case, or written together) and a house number, either order.
_PC6 = r"[1-9]\d{3}(?:\s?[A-Z]{2}|[a-z]{2})"
_HOUSE_NUMBER = r"\d{1,5}(?:\s?[a-zA-Z]\b|-\d{1,4})?"
ADDRESS = re.compile(
    rf"\b{_PC6}\b[\s,]*(?:nr\.?\s*|nummer\s*)?{_HOUSE_NUMBER}(?!\d)|(?<![\d.,])\b{_HOUSE_NUMBER}[\s,]+{_PC6}\b")
# "mijn wachtwoord is X", "password: X", "şifrem X", "كلمة المرور هي X"; "pincode is 12345"; "de sms-code is 123456".
SECRET_PHRASE = re.compile(
    r"\b(?P<what>wachtwoord|password|passwort|şifre(?:m|si)?|parola(?:m|sı)?|pin[- ]?code|pin|"
    r"activeringscode|activatiecode|sms[- ]?code|koppelcode|controlecode|code|كلمة (?:المرور|السر)(?: الخاصة بي)?)\b"
    r"\s*(?:(?:is|was|=|:|luidt|هي)\s*)?(?:(?:nu|dus)\s+)?(?P<secret>[^\s,;]+)",
    re.IGNORECASE)
CODE_WORDS = {"pincode", "pin", "activeringscode", "activatiecode", "smscode", "koppelcode", "controlecode", "code"}


@dataclass
class Masked:
    text: str
    kinds: list[str] = field(default_factory=list)  # in the order found, each once

    @property
    def for_understanding(self) -> str:
        """The text without the placeholders, for Rasa's NLU: a word like "[TELEFOON]" would read
        as a question about a phone ("mijn [TELEFOON] digid kwijt" is not "telefoon kwijt")."""
        return re.sub(r"\s{2,}", " ", _ANY_PLACEHOLDER.sub("", self.text)).strip() if self.kinds else self.text

    def warnings(self) -> list[str]:
        """The content ids of the warnings to show, each once."""
        return list(dict.fromkeys(WARNINGS[k] for k in self.kinds))


def _secret_kind(what: str) -> str:
    return "code" if re.sub(r"[- ]", "", what.lower()) in CODE_WORDS else "password"


def _looks_secret(word: str, kind: str) -> bool:
    """A DigiD password has capitals, digits and signs; a PIN or code has digits. Ordinary words
    after "wachtwoord is" ("vergeten", "kwijt", "fout") are what the question is about."""
    if word.startswith("[") or len(word) < 4:
        return False
    if any(c.isdigit() for c in word) or any(not (c.isalpha() or c in "-'") for c in word):
        return True
    if kind == "code":
        return False  # a code without a digit is a word: "de code is verlopen"
    common = max(zipf_frequency(word, "nl"), zipf_frequency(word, "en"), zipf_frequency(word, "tr"))
    return any(c.isupper() for c in word[1:]) or (len(word) >= 6 and common < 3.0)


class _Text:
    def __init__(self, text: str):
        self.text = text
        self.kinds: list[str] = []

    def replace(self, start: int, end: int, kind: str) -> None:
        self.text = self.text[:start] + PLACEHOLDERS[kind] + self.text[end:]
        if kind not in self.kinds:
            self.kinds.append(kind)

    def each(self, pattern: re.Pattern, kind: str, valid) -> None:
        # From the end, so earlier positions stay right while replacing.
        for match in reversed(list(pattern.finditer(self.text))):
            end = valid(match.group())
            if end:
                self.replace(match.start(), match.start() + end, kind)


def _valid_iban(candidate: str) -> int:
    """The length of the longest start of the candidate that is a valid IBAN (0 if none)."""
    for end in range(len(candidate), 14, -1):
        if (end == len(candidate) or candidate[end] == " ") and iban.is_valid(candidate[:end]):
            return end
    return 0


def mask(text: str) -> Masked:
    found = _Text(text)
    found.each(EMAIL, "email", len)
    found.each(IBAN_CANDIDATE, "iban", _valid_iban)
    found.each(BSN_CANDIDATE, "bsn", lambda c: len(c) if bsn.is_valid(c) else 0)
    for match in reversed(list(BSN_PHRASE.finditer(found.text))):
        found.replace(match.start(1), match.end(1), "bsn")
    for match in reversed(list(phonenumbers.PhoneNumberMatcher(found.text, "NL", leniency=phonenumbers.Leniency.VALID))):
        found.replace(match.start, match.end, "phone")
    found.each(ADDRESS, "address", len)
    for match in reversed(list(SECRET_PHRASE.finditer(found.text))):
        kind, secret = _secret_kind(match.group("what")), match.group("secret").rstrip(".!?")
        if _looks_secret(secret, kind):
            found.replace(match.start("secret"), match.start("secret") + len(secret), kind)
    return Masked(found.text, found.kinds)
