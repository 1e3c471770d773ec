"""The bench's HTTP figure: the app's protocol timed beside httptools and plain h11, every request served."""

from __future__ import annotations


def test_the_http_figure_times_all_three_protocols_in_both_modes():
    from bench.http import PROTOCOLS, measure

    figure = measure(requests=20, rounds=2)

    assert set(figure) == set(PROTOCOLS)
    for modes in figure.values():
        assert set(modes) == {"kept_alive", "new_connection"}
        assert all(m["ms"] > 0 and m["ratio"] > 0 for m in modes.values())
    assert figure["httptools"]["kept_alive"]["ratio"] == 1.0
