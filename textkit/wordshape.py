"""Where a Swedish word may end in an inflection or a compound part: language rules, not facts of any article.

``qa.support`` lets a claim's short word match another form ("år", "året") or a compound's last part
("dag" in "mässdagarna"); these keep a letter or a syllable cut across from passing for one.

>>> inflected("ko", "n"), inflected("bar", "n"), inflected("år", "et")
(True, False, True)
>>> compound_tail("festival", "dag"), compound_tail("matp", "ris"), compound_tail("komp", "ost")
(True, False, False)
"""

from __future__ import annotations

import re

INFLECTION = re.compile(r"(s|a|e|en|et|na|n|or|ar|er|orna|arna|erna|ens|ets|ernas|arnas|ornas|s)?")
VOWELS = set("aeiouyåäö")
# Two consonants a Swedish syllable can open with ("pris", "trafik"); folded, as matched tokens are.
_ONSETS = "bl br dr fl fr gl gn gr kl kn kr kv pl pr sk sl sm sn sp st sv tr tv vr bj dj fj gj hj kj lj mj nj pj sj tj"
ONSETS = set(_ONSETS.split())


def inflected(word: str, ending: str) -> bool:
    """``ending`` is an inflection of ``word``: a bare "-n"/"-na" only after a vowel ("ko", "kon"), so "barn"
    is not "bar" inflected."""
    return bool(INFLECTION.fullmatch(ending)) and (ending[:1] != "n" or word[-1:] in VOWELS)


def compound_tail(head: str, tail: str) -> bool:
    """``tail`` can be a whole last part after ``head``, not a syllable cut across.

    A Swedish word splits before the longest onset a syllable can open with, so a head's last consonant
    that can open the tail's syllable belongs to it: "matpris" is "mat" + "pris", not "matp" + "ris", and
    "kompost" is not "komp" + "ost". A linking "-s" stays with the head ("mässdag", "stadshus").
    """
    if not head:
        return False
    if tail[0] in VOWELS:
        return head[-1] in VOWELS or head[-1] == "s"
    return head[-1] == "s" or head[-1] + tail[0] not in ONSETS
