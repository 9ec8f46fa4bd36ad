"""Tests for marsad.cues on sentences written for the tests."""

from __future__ import annotations

from marsad.cues import find_cues


def test_unattributed_phrases() -> None:
    cues = find_cues("It was not immediately clear who carried out the raid on the market.", "en")
    assert any(c.has("unattributed") for c in cues)
    assert not any(c.has("unattributed") for c in find_cues("It was clear the jets were Russian.", "en"))


def test_state_media_killing_verbs() -> None:
    (cue,) = [c for c in find_cues("Army units eliminated dozens of militants.", "en") if c.has("outcome")]
    assert cue.category("outcome") == "outcome.killed.verbs"


def test_more_shooting_and_explosion_words() -> None:
    found = {c.text: c.category("cause") for c in find_cues("Troops clashed with gunmen before rebels blew up "
                                                             "the tunnel.", "en") if c.has("cause")}
    assert found["clashed"] == "cause.shooting" and found["blew up"] == "cause.explosion"
