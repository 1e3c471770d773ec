"""The month table of textkit/figures.py: textkit/text.py's full names, plus the short forms datelines use."""

from __future__ import annotations

import pytest

from textkit.figures import MONTHS, numbers
from textkit.text import CALENDAR_EN, CALENDAR_SV

pytestmark = pytest.mark.fast


def test_every_full_month_name_of_the_calendars_names_its_month():
    for calendar in (CALENDAR_SV, CALENDAR_EN):
        assert [MONTHS[name] for name in calendar.split()[:12]] == list(range(1, 13))


def test_full_month_names_in_text_are_figures():
    assert numbers("den 12 oktober 2021") == {"12", "2021", "month:10"} == numbers("on 12 October 2021")


@pytest.mark.parametrize("word, month", [("okt", 10), ("oct", 10), ("sept", 9), ("sep", 9), ("jan", 1), ("maj", 5)])
def test_a_dateline_may_shorten_its_month(word, month):
    from ingest.header import read_date  # reads datelines through MONTHS

    assert MONTHS[word] == month and read_date(f"12 {word}. 2021") == (f"2021-{month:02d}-12", "")
