"""Site chrome in scraped article text: lines that belong to the page, not the article.

Lines are judged by their kind, never by one site's wording: ad markers, notices
that the article is old, share and print buttons, photo credits and the caption
just above one, bylines and reporter e-mail, cookie banners, "Läs också:" links,
sign-up prompts and menu words. Link text left inside a sentence by a scraper
("(länk till annan webbplats)") is cut out while the sentence stays.

>>> drop_chrome(["Annons om att annonsera i Norra Dagbladet", "Skriv ut", "Av Karin Holm",
...              "Bron öppnar i maj.", "", "Bron vid älven.", "Foto: Lars Ek/TT", "Dela på Facebook"])
['Bron öppnar i maj.']
>>> strip_link_residue("Läs mer på kommunens webbplats (länk till annan webbplats).")
'Läs mer på kommunens webbplats.'
>>> is_chrome("Den här artikeln är mer än ett år gammal."), is_chrome("Bron är mer än ett år gammal.")
(True, False)
"""

from __future__ import annotations

import re

from ingest.header import read_date

MENU_WORDS = {
    "taggar",
    "leverantörer",
    "ändra marknad",
    "till toppen av sidan",
    "stäng",
    "annonser",
    "relaterade artiklar",
    "nyhetsbrev",
    "logga in",
    "meny",
    "sök",
    "tags",
    "suppliers",
    "change market",
    "back to top",
    "close",
    "advertisement",
    "related articles",
    "newsletter",
    "log in",
    "menu",
    "search",
    "cookies",
}
# A label that heads a box of links to other articles; the link on the next line goes too.
LINK_BOX_LABEL = re.compile(
    r"^(läs (också|även|mer)|se (också|även)|relaterat|mer om|missa inte|read (more|also)|related)$"
)
LINK_LINE = re.compile(
    r"^\W*(läs (också|även|mer)|se (också|även)|relaterat|mer om|missa inte|read (more|also)|related)\s*[:»›>|–\-]",
    re.I,
)
SIGNUP = re.compile(
    r"^(prenumerera|anmäl dig|registrera dig|få våra nyhetsbrev|sign up|subscribe|register)\b.{0,80}$", re.I
)
AD_MARKER = re.compile(
    r"^\W*(annons|annonser|annonsinnehåll|reklam|advertisement|sponsrat|sponsrad|sponsored)\W*$|"
    r"^\W*(annons|advertisement|sponsrat|sponsored)\s*(:|–|-|\||\bom\b|\bfrån\b|\bför\b)[^.]*$",
    re.I,
)
# Share and print buttons: a verb, alone or with "på <network>" / "artikeln"; several may share a line.
_SHARE_ITEM = (
    r"(?:dela|skriv ut|kopiera(?: länk(?:en)?)?|länk(?:en)? kopierad|tipsa|mejla|maila|e-posta|spara|lyssna|följ|"
    r"share|print|copy(?: link)?|email|e-mail|save|listen|follow)"
    r"(?:\s+(?:artikeln|sidan|länk(?:en)?|texten|en vän|oss|ämnet|this|article|the article|link))?"
    r"(?:\s+(?:på|via|i|med|on|to|with)\s+[A-ZÅÄÖ]\S*)?"
)
SHARE_LINE = re.compile(rf"^{_SHARE_ITEM}(?:[\s|·•,]+{_SHARE_ITEM})*$", re.I)
CREDIT = re.compile(r"^\W*(?i:foto|bild|photo|image|fotograf|illustration|grafik|video)\s*:|^\W*(FOTO|BILD)\b")
CAPTION_WITH_CREDIT = re.compile(r"[.!?]\s+\(?(foto|bild|photo|image)\s*:\s*[^.]{1,60}\)?\.?$", re.I)
CAPTION_MAX_WORDS = 30
_NAME = r"[A-ZÅÄÖÉ][\w\-]+(?:\s+[A-ZÅÄÖÉ][\w\-]+){0,3}"
_EMAIL = r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+"
# Newsroom roles, also as the end of a compound ("nöjesreporter", "nyhetschef").
_ROLE = r"(?i:\w*(?:reporter|reportrar|journalist|redaktör|fotograf|korrespondent|krönikör|skribent|medarbetare|chef))"
BYLINE = re.compile(
    rf"^(?i:av|text|text och foto|text & foto|by)\s*:?\s+{_NAME}(?:\s*(?:,|och|&|/)\s*{_NAME})*(?:\s*,\s*{_ROLE})?$|"
    rf"^{_NAME}\s*[,|–\-/]\s*(?:\w+\s+){{0,2}}{_ROLE}(?:\s*[,|–\-/]\s*[A-ZÅÄÖ]{{2,5}})?$|^{_ROLE}$|"
    rf"^{_NAME}\s*[,|–\-/]\s*[A-ZÅÄÖ]{{2,5}}$|"
    rf"^(?:{_NAME}\s*[,|–\-/:]\s*|(?i:e-?post|mejl|mail|e-mail|email|kontakt)\s*:?\s*)?{_EMAIL}$"
)
NAME_ONLY = re.compile(r"^[A-ZÅÄÖÉ][\w\-]+(?:\s+[A-ZÅÄÖÉ][\w\-]+){1,2}$")  # "Karin Holm", not a one-word kicker
AGE_SUBJECT = r"(artikel\w*|nyhet\w*|texten|text|inlägget|sidan|innehållet|informationen|uppgifterna|article|story|news|content|post)"
AGE_NOTICE = re.compile(
    rf"\b{AGE_SUBJECT}\s+(?:\w+\s+){{0,2}}?(är|var|publicerades|skrevs|kan|has been|is|was|may)\b.*?"
    r"(\b(äldre|older)\s+än\b|\b(mer|över|more|over)\s+(än\s+|than\s+)?\S+\s+(dag|dagar|vecka|veckor|månad|månader|år|"
    r"days?|weeks?|months?|years?)\b|\binaktuell|\b(inte|ej|no longer|not)\s+(längre\s+)?(vara\s+|be\s+)?"
    r"(aktuell|current|up to date|accurate))",
    re.I,
)
AGE_NOTICE_MAX_WORDS = 30
COOKIE = re.compile(r"\b(kakor|kakorna|cookies?|cookie-?\w+)\b", re.I)
# A banner speaks of the site itself ("vi använder kakor") or asks for consent; an article about cookies doesn't.
CONSENT = re.compile(
    r"\b(vi|we|sajten|webbplatsen|sidan|this site)\s+(använder|uses?)\b|\b(godkänn\w*|accept\w*|samtyck\w*|"
    r"inställningar|\w*policy|consent|settings)\b",
    re.I,
)
CONSENT_BUTTON = re.compile(
    r"^(acceptera|godkänn|neka|avvisa|tillåt|accept|reject|allow)( alla| all| endast \w+| nödvändiga)?$", re.I
)
LINK_RESIDUE = re.compile(
    r",?\s*\(\s*(länk till (en )?(annan|extern) (webbplats|sida)|extern länk|öppnas i (ett )?nytt (fönster|flik)|"
    r"external link|opens in a new (window|tab))\s*\)|"
    r",?\s*\b(länk till (en )?(annan|extern) (webbplats|sida)|öppnas i (ett )?nytt (fönster|flik)|"
    r"opens in a new (window|tab))\b",
    re.I,
)


def strip_link_residue(line: str) -> str:
    """A sentence without the link labels a scraper left in it."""
    return LINK_RESIDUE.sub("", line).strip()


def is_age_notice(line: str) -> bool:
    return len(line.split()) <= AGE_NOTICE_MAX_WORDS and bool(AGE_NOTICE.search(line))


# "Av Karin Holm · 4 mars 2024": pieces of a meta row, each judged on its own.
PIECE_SEPARATOR = re.compile(r"\s+[·|•]\s+|\s*[·•]\s*$")
EMPHASIS = re.compile(r"^[*_]+|[*_]+$")


def pieces(line: str) -> list[str]:
    return [p for p in PIECE_SEPARATOR.split(EMPHASIS.sub("", line.strip())) if p.strip(" *_")]


def is_chrome(line: str) -> bool:
    """A line that is page furniture whatever its neighbours are (a date line is the header's)."""
    if read_date(line):
        return False
    parts = pieces(line)
    if len(parts) > 1:
        return all(_is_chrome_piece(p) or read_date(p) for p in parts)
    return _is_chrome_piece(line)


LIST_MARKER = re.compile(r"^([-*•]|\d+[.)])\s+")


def _is_chrome_piece(line: str) -> bool:
    bare = LIST_MARKER.sub("", EMPHASIS.sub("", line.strip()).strip())  # share buttons come as <li> too
    lowered = bare.strip(":|»›>").strip().lower()
    if not bare:
        return False
    return (
        lowered in MENU_WORDS
        or bool(LINK_BOX_LABEL.match(lowered))
        or bool(LINK_LINE.match(bare))
        or bool(SIGNUP.match(bare))
        or bool(AD_MARKER.match(bare))
        or bool(SHARE_LINE.match(bare.rstrip(" :")))
        or bool(CREDIT.match(bare))
        or bool(BYLINE.match(bare))
        or is_age_notice(bare)
        or (bool(COOKIE.search(bare)) and bool(CONSENT.search(bare)))
        or bool(CONSENT_BUTTON.match(bare))
    )


def _is_caption(line: str) -> bool:
    """Text standing just above a photo credit: short, not a quote, not leading into a list."""
    return (
        len(line.split()) <= CAPTION_MAX_WORDS and not line.startswith(("–", "-", "”", '"')) and not line.endswith(":")
    )


def drop_chrome(lines: list[str]) -> list[str]:
    """The non-empty lines that are article text ("" in ``lines`` is a paragraph break).

    Date lines go too: below the header they are a dateline or an update stamp.
    """
    kept: list[str] = []
    previous_blank = True  # was the line before the last kept one a paragraph break?
    after_link_label = False
    for raw in lines:
        line = raw.strip()
        if not line:
            previous_blank = True
            continue
        if CREDIT.match(line) and kept and not previous_blank and _is_caption(kept[-1]):
            kept.pop()  # the caption the credit belongs to
        dated = read_date(line)
        if dated or is_chrome(line) or CAPTION_WITH_CREDIT.search(line) or not re.search(r"\w", line):
            after_link_label = bool(LINK_BOX_LABEL.match(line.lower().strip(":")))
            if ("@" in line or dated) and kept and NAME_ONLY.match(kept[-1]):
                kept.pop()  # "Karin Holm" above "karin.holm@tidning.se" or above the date
            continue
        if after_link_label and len(line.split()) <= 15 and not line.endswith("."):
            after_link_label = False
            continue  # the linked headline under "Läs också"
        after_link_label = False
        kept.append(line)
        previous_blank = False
    return kept
