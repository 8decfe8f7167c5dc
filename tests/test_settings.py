"""Workout settings: what each accepts, what it refuses, and how layers override."""

from __future__ import annotations

import pytest

from audio_builder.errors import SettingsError
from audio_builder.settings import (
    DEFAULTS,
    Settings,
    Tempo,
    from_text,
    parse_setting,
    parse_settings,
)


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("sets", 3, 3),
        ("sets", "4", 4),
        ("reps", 100, 100),
        ("rest", 45, 45.0),
        ("rest", "45s", 45.0),
        ("rest", 0, 0.0),
        ("hold", 30, 30.0),
        ("tempo", "2-1-2", Tempo(2.0, 1.0, 2.0)),
        ("tempo", "3-0-1.5", Tempo(3.0, 0.0, 1.5)),
        ("tempo", "isometric", None),  # a held position: no tempo of its own
        ("sides", "Left-Right", "left-right"),
        ("sides", "bilateral", "both"),
        ("sides", "unilateral", "left-right"),
        ("sides", "alternate", "alternating"),
        ("rest", "90 sec", 90.0),
        ("rest", "2 min", 120.0),
        ("rest", "1:30", 90.0),
        ("rest", "2-3 min", 180.0),  # a range of seconds is its top; the top's unit serves both
        ("rest", "90 s – 2 min", 120.0),
        ("hold", "60 to 90 s", 90.0),
        ("sets", "3-4", 4),
        ("reps", "8-12", 12),
        ("reps", "8 TO 12", 12),
        ("rest", ".5", 0.5),
    ],
)
def test_accepts(name, value, expected):
    assert parse_setting(name, value) == expected


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("sets", -3),
        ("sets", 0),
        ("sets", 21),
        ("sets", 2.5),
        ("reps", "lots"),
        ("rest", 1e9),
        ("rest", "nan"),
        ("rest", -1),
        ("hold", 2),
        ("tempo", "fast"),
        ("tempo", "2-1"),
        ("tempo", "0-1-2"),
        ("sets", True),
        ("reps", False),
        ("rest", True),
        ("hold", True),
        ("tempo", True),
        ("sides", "sideways"),
        ("sides", 2),
        ("rest", "2 hours"),
        ("rest", "1:75"),
        ("rest", "3-"),
        ("rest", "90-60"),  # a range that falls is a slip, not a guess
        ("reps", "12-8"),
        ("reps", "12-10-8"),
        ("reps", "12,8-10"),  # one count a set, not a range
        ("reps", "-3-12"),
        ("reps", "0-12"),
        ("rest", "1" + " " * 40000 + "x"),  # too long to be a setting, refused at once
    ],
)
def test_rejects_and_names_the_setting(name, value):
    with pytest.raises(SettingsError) as caught:
        parse_setting(name, value)

    assert f"'{name}'" in str(caught.value)
    assert repr(value) in str(caught.value)


def test_message_says_what_it_takes():
    with pytest.raises(SettingsError, match=r"'reps' must be a whole number from 1 to 100"):
        parse_setting("reps", "lots")


def test_tempo_prints_as_written():
    assert str(parse_setting("tempo", "2-1-2")) == "2-1-2"


def test_parse_settings_ignores_other_keys():
    assert parse_settings({"title": "X", "sets": "2", "video": "abc"}) == {"sets": 2}


def test_a_setting_left_empty_sets_nothing():
    # an app export writes "reps: null" for a hold; the text's own prescription then holds
    assert parse_settings({"sets": 3, "reps": None, "hold": None}) == {"sets": 3}


@pytest.mark.parametrize(
    ("fields", "settings"),
    [
        ({"reps": "8-12"}, {"reps": 12, "reps_low": 8}),
        ({"reps": "8-8"}, {"reps": 8}),
        ({"reps": "10 per side"}, {"reps": 10, "reps_count": "both"}),  # 10 on each side
        ({"hold": "60-90 s per side"}, {"hold": 90.0, "sides": "left-right"}),
        ({"hold": "30 s each side", "sides": "both"}, {"hold": 30.0, "sides": "both"}),
        ({"sides": "both", "duration": "40 s each leg"}, {"duration": 40.0, "sides": "both"}),
        ({"reps_count": "both", "reps": "5 a side"}, {"reps": 5, "reps_count": "both"}),
    ],
)
def test_fields_as_a_trainer_writes_them(fields, settings):
    assert parse_settings(fields) == settings


def test_an_error_names_the_field_as_written():
    with pytest.raises(SettingsError, match="got '10 on each side'"):
        parse_settings({"reps": "10 on each side"})


def test_a_side_qualifier_on_another_setting_is_an_error():
    with pytest.raises(SettingsError, match="'rest'"):
        parse_settings({"rest": "60 s per side"})


def test_defaults():
    assert (DEFAULTS.sets, DEFAULTS.reps, DEFAULTS.rest) == (3, 12, 30.0)
    assert DEFAULTS.tempo is None
    assert DEFAULTS.hold is None


def test_override_layers_defaults_front_matter_command_line():
    front_matter = parse_settings({"sets": 4, "reps": 8, "rest": 20})
    command_line = {"reps": parse_setting("reps", "5"), "rest": None, "tempo": None}

    settings = DEFAULTS.override(front_matter).override(command_line)

    assert settings == Settings(sets=4, reps=5, rest=20.0, tempo=None)
    assert Settings() == DEFAULTS  # the defaults themselves are untouched


def test_override_with_nothing_keeps_everything():
    custom = Settings(sets=2, reps=6, rest=10.0, tempo=Tempo(1, 0, 1), hold=20.0)
    assert custom.override({}) == custom
    assert custom.override({"sets": None, "hold": None}) == custom


def test_a_texts_tempo_is_read_as_lifters_write_it_lowering_first():
    assert str(from_text({"tempo": ("4", "0", "1", "0")})["tempo"]) == "1-0-4"
    assert str(from_text({"tempo": ("3", "1", "X", "2")})["tempo"]) == "1-2-3"
    assert str(from_text({"tempo": ("2", "0", "0")})["tempo"]) == "0.5-0-2"


def test_a_long_time_of_work_in_the_text_is_one_block_unless_it_says_sets():
    """ "AMRAP 8 min" is one block of eight minutes, not three."""
    assert from_text({"duration": 480}) == {"duration": 480.0, "sets": 1}
    assert from_text({"duration": 480, "sets": 2}) == {"duration": 480.0, "sets": 2}
    assert from_text({"duration": 60}) == {"duration": 60.0}


def test_a_few_seconds_of_rest_in_the_text_is_the_reps_pause_not_the_sets_rest():
    """ "Hold 10 s, rest 5 s, repeat 6 times": the 5 s is between holds, not between sets."""
    assert from_text({"reps": 6, "rest": 5}) == {"reps": 6}
    assert from_text({"sets": 8, "rest": 10}) == {"sets": 8, "rest": 10.0}
