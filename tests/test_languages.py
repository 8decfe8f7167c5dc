"""The coach in Spanish, German and French: the seeds are coached in their language
throughout, read as their English counterparts are, and the text's shorthand is said in
its language."""

from __future__ import annotations

import json

import pytest
from conftest import SEEDS, spoken_lines

from audio_builder.build import load
from audio_builder.catalog import catalog
from audio_builder.cli import main
from audio_builder.reading.document import parse_file
from audio_builder.reading.movement import classify
from audio_builder.reading.prescription import prescribed
from audio_builder.reading.spoken import speakable

LANGUAGE_SEEDS = SEEDS / "languages"
SPANISH = LANGUAGE_SEEDS / "patada-de-gluteo.md"
GERMAN = LANGUAGE_SEEDS / "einbeiniges-beckenheben.md"
FRENCH = LANGUAGE_SEEDS / "squat-au-poids-du-corps.md"
SPANISH_PLAN = LANGUAGE_SEEDS / "gluteos-y-core.yaml"


def estimate(runner, path) -> dict:
    result = runner.invoke(main, ["script", str(path), "--estimate", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def coach_lines(script: dict, document_lines: set[str]) -> list[str]:
    """What the coach adds: every spoken line that is not the document's own text."""
    return [
        cue["text"]
        for cue in script["cues"]
        if cue["kind"] == "speech" and cue["text"] not in document_lines
    ]


def document_lines(path) -> set[str]:
    """The lines the document itself gives: its steps, tips and step titles."""
    track = load(path, {})
    steps = {line for step in _steps(path) for line in step}
    return steps | {cue for cue in track.script.phrases() if _from_document(cue, path)}


def _steps(path):
    from audio_builder.reading.document import parse_file
    from audio_builder.reading.spoken import sentences

    exercise = parse_file(path)
    texts = [step.text for step in exercise.steps] + list(exercise.tips)
    texts += [item.text for item in (*exercise.mistakes, *exercise.starting_position)]
    return [sentences(text) for text in texts if text]


def _from_document(line: str, path) -> bool:
    """Tips and step titles come from the document, as written."""
    text = path.read_text(encoding="utf-8")
    return line.rstrip(".") in text


@pytest.mark.parametrize(
    ("path", "code", "expected"),
    [
        (SPANISH, "es", ["Serie 1 de 3.", "Pierna derecha.", "Uno.", "Doce.", "¡La última!"]),
        (GERMAN, "de", ["Satz 1 von 3.", "Rechtes Bein.", "Eins.", "Zehn.", "Halbzeit."]),
        (FRENCH, "fr", ["Série 1 sur 3.", "Un.", "Dix.", "Et la dernière !", "Prépare-toi."]),
    ],
)
def test_the_seed_is_coached_in_its_language_throughout(runner, path, code, expected):
    script = estimate(runner, path)
    english = estimate(runner, SEEDS / "band-glute-kickback.md")
    words = catalog(code)

    said = coach_lines(script, document_lines(path))
    for line in expected:
        assert line in said
    english_said = set(coach_lines(english, document_lines(SEEDS / "band-glute-kickback.md")))
    same_word = {f"{catalog('en').number(n).capitalize()}." for n in range(101)} & {
        f"{words.number(n).capitalize()}." for n in range(101)
    }  # "Six." is French too
    assert not (english_said & set(said)) - same_word  # not one English phrase
    titles = [chapter["title"] for chapter in script["chapters"]]
    assert titles[0] == words.say("chapters.intro") and titles[-1] == words.say("chapters.outro")
    assert words.say("chapters.set", number=1) in titles[1]
    assert all("Set " not in title and "Rest " not in title for title in titles)


def test_a_spanish_howto_is_read_as_the_english_one(write_doc):
    english = load(SEEDS / "band-glute-kickback.md", {})
    spanish = load(SPANISH, {})

    def understood(track):
        return [line.split(": ", 1)[1] for line in track.steps]

    assert understood(spanish) == understood(english)
    assert understood(spanish)[:6] == [
        "set-up",
        "set-up",
        "up 2 s (default tempo)",
        "hold 1 s (from the text), down 2 s (default tempo)",
        "left-right (leg)",
        "reps",
    ]
    plank, plancha = load(SEEDS / "forearm-plank.md", {}), load(LANGUAGE_SEEDS / "plancha.md", {})
    assert understood(plancha) == understood(plank)  # held for time, not counted


def test_the_german_one_sided_bridge_is_read_as_the_english_one():
    english = load(SEEDS / "single-leg-glute-bridge.md", {})
    german = load(GERMAN, {})

    assert "sides: left-right (leg)" in german.steps and "sides: left-right (leg)" in english.steps
    assert "worked: reps" in german.steps
    assert [line.split(": ")[1] for line in german.steps[:2]] == ["set-up", "set-up"]


def test_the_spanish_plan_speaks_spanish(runner):
    script = estimate(runner, SPANISH_PLAN)
    spoken = [cue["text"] for cue in script["cues"] if cue["kind"] == "speech"]

    assert spoken[:2] == [
        "Glúteos y core.",
        "Dos ejercicios: Patada de glúteo con banda y Plancha.",
    ]
    assert "Último ejercicio: Plancha." in spoken
    assert "Aguanta 30 segundos." in spoken
    assert "Sesión terminada: Glúteos y core. ¡Gran trabajo!" in spoken[-2:]
    assert "Plancha: Serie 1" in [chapter["title"] for chapter in script["chapters"]]


@pytest.mark.parametrize(
    ("code", "written", "said"),
    [
        (
            "es",
            "Haz 3 x 10, p. ej. con 5 kg, y descansa 30 s.",
            "Haz 3 series de 10, por ejemplo, con 5 kilos, y descansa 30 segundos.",
        ),
        (
            "de",
            "3 x 10, z. B. mit 90° im Knie & 10-12 Sek.",
            "3 Sätze à 10, zum Beispiel mit 90 Grad im Knie und 10 bis 12 Sekunden.",
        ),
        (
            "fr",
            "Fais 3 x 10 à 50% de ta charge, ½ tour.",
            "Fais 3 séries de 10 à 50 pour cent de ta charge, un demi tour.",
        ),
        (
            "es",
            "Descansa 90\" y camina 2'30.",
            "Descansa 90 segundos y camina 2 minutos 30 segundos.",
        ),
        ("fr", "Récup : 3' entre les séries.", "Récup: 3 minutes entre les séries."),
        ("en", "Do 3 x 10, e.g. at 90°.", "Do 3 sets of 10, for example, at 90 degrees."),
    ],
)
def test_shorthand_is_said_in_the_text_language(code, written, said):
    assert speakable(written, code) == said


def test_workout_formats_speak_the_plan_language(runner, tmp_path):
    plan = tmp_path / "circuito.yaml"
    plan.write_text(
        "title: Circuito corto\nlang: es\nexercises:\n"
        f"  - circuit: {{rounds: 2, rest: 10, rest_rounds: 30, exercises: "
        f"[{{path: {SPANISH}, reps: 5}}, {{path: {LANGUAGE_SEEDS / 'plancha.md'}, hold: 20}}]}}\n"
        f"  - tabata: {{path: {LANGUAGE_SEEDS / 'plancha.md'}}}\n",
        encoding="utf-8",
    )

    script = estimate(runner, plan)

    spoken = [cue["text"] for cue in script["cues"] if cue["kind"] == "speech"]
    titles = [chapter["title"] for chapter in script["chapters"]]
    assert "Circuito: Ronda 2" in titles and "Tabata: Ronda 8" in titles
    assert "Última ronda." in spoken and "Ronda 2 de 8." in spoken and "Descansa." in spoken
    assert any(line.startswith("Circuito, 2 rondas:") for line in spoken)
    english = {"Round 2 of 2.", "Rest.", "Work!", "Last round.", "Halfway."}
    assert not english & set(spoken)


STEPS_IN = {  # a goblet squat's steps, with a line for the dose
    "en": "### Hold the bell\nHold it at your chest.\n\n### Squat down\nSit between your heels.\n\n"
    "### Stand up\nDrive through your heels. {line}\n",
    "es": "### Agarra la pesa\nSujétala contra el pecho.\n\n### Baja\nBaja entre los talones.\n\n"
    "### Sube\nEmpuja con los talones. {line}\n",
    "de": "### Gewicht halten\nHalte es vor der Brust.\n\n### Runter\nSenke dich zwischen die "
    "Fersen.\n\n### Hoch\nDrücke dich hoch. {line}\n",
    "fr": "### Prends le poids\nTiens-le contre la poitrine.\n\n### Descends\nDescends entre les "
    "talons.\n\n### Remonte\nPousse dans les talons. {line}\n",
}


def squat_in(write_doc, code: str, line: str):
    """The goblet squat written in ``code``, its last step ending with ``line``."""
    return write_doc(f"{code}.md", f"---\nlang: {code}\n---\n" + STEPS_IN[code].format(line=line))


@pytest.mark.parametrize(
    ("code", "line"),
    [
        ("en", "Do 3 sets of 10 reps per side, with 90 seconds rest between sets."),
        ("es", "Haz 3 series de 10 repeticiones por lado, 90 segundos de descanso entre series."),
        ("es", "Tres series de diez por lado. Descanso de un minuto y medio."),
        ("de", "Mache 3 Sätze à 10 Wiederholungen pro Seite, 90 Sekunden Pause zwischen Sätzen."),
        ("de", "3 x 10 Wdh. je Seite, Pause: anderthalb Minuten."),
        ("fr", "Fais 3 séries de 10 répétitions de chaque côté, avec 90 secondes de repos."),
        ("fr", "Trois séries de dix par côté, une minute et demie de récup entre les séries."),
        ("fr", "3 séries de 10 de chaque côté, récupération 1'30 entre les séries."),
        ("de", "3 mal 10 Wiederholungen pro Seite, Pause 1,5 Minuten zwischen den Sätzen."),
    ],
)
def test_a_dose_is_read_in_the_text_language(write_doc, code, line):
    doc = squat_in(write_doc, code, line)

    track = load(doc, {})

    for setting in ("sets: 3 (text)", "reps: 10 (text)", "rest: 90 s (text)"):
        assert setting in track.steps
    assert "worked: reps" in track.steps
    words = catalog(code)
    counted = {f"{words.number(n).capitalize()}." for n in range(1, 13)} & set(
        spoken_lines(track.script)
    )
    assert f"{words.number(10).capitalize()}." in counted
    assert f"{words.number(11).capitalize()}." not in counted


@pytest.mark.parametrize(
    ("code", "line"),
    [
        ("de", "3 Sätze à 10 Wiederholungen pro Bein."),
        ("de", "Mach alle Wiederholungen, dann wechsle das Bein."),
        ("fr", "3 séries de 10 par jambe."),
        ("fr", "Fais toutes les répétitions, puis changez de jambe."),
        ("es", "3 series de 10 por pierna."),
    ],
)
def test_one_leg_at_a_time_is_read_in_the_text_language(write_doc, code, line):
    assert "sides: left-right (leg)" in load(squat_in(write_doc, code, line), {}).steps


@pytest.mark.parametrize(
    ("code", "line"),
    [
        ("en", "3 x 10 with 12 kg per arm."),  # a load per arm: both dumbbells at once
        ("de", "3 x 10 mit 12 kg pro Arm."),
        ("fr", "3 x 10 avec 12 kg par bras."),
        ("es", "3 x 10 con 12 kg por brazo."),
    ],
)
def test_a_load_per_arm_is_no_side_at_a_time(write_doc, code, line):
    steps = load(squat_in(write_doc, code, line), {}).steps
    assert "worked: reps" in steps and not any(s.startswith("sides:") for s in steps)


@pytest.mark.parametrize(
    "text",
    ["Pousse-les vers le haut.", "Remonte-toi lentement.", "Lève-la au-dessus de la tête."],
)
def test_a_french_verb_is_read_before_its_pronoun(text):
    assert classify(text, lang="fr") == "up"


@pytest.mark.parametrize(
    ("code", "line"),
    [
        ("en", "Hold the position 30 seconds, 3 times."),
        ("es", "Mantén la posición 30 segundos, 3 veces."),
        ("de", "Halte die Position 30 Sekunden lang, 3-mal."),
        ("fr", "Tiens la position 30 secondes, 3 fois."),
    ],
)
def test_a_hold_is_read_in_the_text_language(write_doc, code, line):
    doc = squat_in(write_doc, code, line)

    assert prescribed(parse_file(doc), code) == {"times": 3, "hold": 30}


@pytest.mark.parametrize(
    ("code", "line"),
    [
        ("fr", "Fais dix tours de bras."),  # arm circles, not rounds
        ("fr", "Reviens en position de repos 5 secondes."),  # a resting position, not a rest
        ("es", "Gira los brazos, 10 vueltas hacia delante."),
    ],
)
def test_words_that_only_look_like_a_dose_are_not_one(write_doc, code, line):
    doc = squat_in(write_doc, code, line)

    assert prescribed(parse_file(doc), code) == {}


def test_a_dose_in_a_step_is_said_once_in_the_text_language(write_doc):
    line = "Descends lentement, 3 séries de 10 répétitions."
    doc = squat_in(write_doc, "fr", line)

    spoken = spoken_lines(load(doc, {}).script)

    assert "Descends lentement." in spoken
    assert spoken.count("3 séries de 10 répétitions.") == 1
    assert [line for line in spoken if "séries de 10" in line] == ["3 séries de 10 répétitions."]


@pytest.mark.parametrize(
    ("code", "sentence", "kind"),
    [
        ("fr", "Maintenez la position.", "hold"),  # "vous", as a physio writes
        ("fr", "Levez la jambe tendue.", "up"),
        ("es", "Baje despacio.", "down"),  # "usted"
        ("es", "Mantenga la posición.", "hold"),
    ],
)
def test_the_polite_imperative_is_read_like_the_familiar_one(code, sentence, kind):
    assert classify(sentence, lang=code) == kind
