"""Header fields of user-written articles in the layouts people actually use."""
from __future__ import annotations

import pytest

from ingest.clean import parse_article

BODY = "Brandkåren i Exempelstad har köpt 40 nya rökdykarmasker.\n\nMaskerna tas i bruk i sommar."


@pytest.mark.parametrize("text, title, source", [
    (f"Räddningsnytt\n\n2026-03-01\n\nNya masker till brandkåren\n\n{BODY}", "Nya masker till brandkåren", "Räddningsnytt"),
    (f"2026-03-01\n\nNya masker till brandkåren\n\n{BODY}", "Nya masker till brandkåren", ""),
    (f"Nya masker till brandkåren\n\n2026-03-01\n\n{BODY}", "Nya masker till brandkåren", ""),
    (f"# Nya masker till brandkåren\n\n2026-03-01\n\n{BODY}", "Nya masker till brandkåren", ""),
])
def test_headline_date_and_outlet_in_any_usual_order(text, title, source):
    article = parse_article(text, "brand")

    assert (article.title, article.date, article.source) == (title, "2026-03-01", source)
    assert article.text == BODY  # no body sentence is taken for a headline, none is lost
