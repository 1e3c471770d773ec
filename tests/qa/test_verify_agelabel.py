"""A person named by age gets the figures of the sentence with that age, not a neighbour's.

Every passage and sentence here was written for this test (invented, news-like); none is from an article.
"""

from __future__ import annotations

from qa.verify import supported

VERDICT = (
    "Den 45-årige kvinnan, som enligt hovrätten planerade rånet, döms till fängelse i tre år och två månader. "
    "Den 52-årige döms till ett års fängelse och den 19-årige till ett år och fyra månader."
)


def test_an_age_takes_no_neighbours_sentence():
    # "tre år" is the 45-year-old's; the sentence with the 19-year-old gives "ett år och fyra månader".
    assert not supported("Den 19-årige döms till fängelse i tre år och fyra månader.", VERDICT)


def test_an_age_keeps_its_own_sentence():
    assert supported("Den 45-årige kvinnan döms till fängelse i tre år och två månader.", VERDICT)
    assert supported("Den 19-årige döms till fängelse i ett år och fyra månader.", VERDICT)
