"""The cue scripts of the seed and of a plan are exactly the checked-in golden files:
any change to what the coach says or when shows up here as a diff
(`python tests/golden.py --update` rewrites them after an intended change)."""

from __future__ import annotations

import pytest
from golden import SOURCES, current_script, golden_file


@pytest.mark.parametrize("name", SOURCES)
def test_script_matches_the_golden_file(name):
    expected = golden_file(name).read_text(encoding="utf-8")
    assert current_script(SOURCES[name]) == expected, (
        "the cue script changed; if intended, run `python tests/golden.py --update`"
    )
