"""What the text prescribes becomes the exercise's settings, below front matter, a plan
and the command line; the coach says it once and counts what it says."""

from __future__ import annotations

import pytest
from conftest import spoken_lines

from audio_builder.build import load
from audio_builder.reading.document import parse_file
from audio_builder.reading.movement import analyse
from audio_builder.reading.prescription import prescribed, read_sentence, unspoken
from audio_builder.reading.spoken import sentences, speakable
from audio_builder.settings import DEFAULT_HOLD, DEFAULTS, describe_sources, from_text

STEPS = """<!-- howto -->

### Stand
Stand tall with your feet apart.

### Lift
Lift your arms overhead.

### Lower
Lower your arms. {line}
"""


@pytest.mark.parametrize(
    ("line", "found"),
    [
        ("3 x 10", {"sets": 3, "reps": 10}),
        ("Do 3 sets of 10.", {"sets": 3, "reps": 10}),
        ("10–12 reps.", {"reps": (10, 12)}),
        ("21-15-9 for time.", {"sets": 3, "reps": (9, 21), "reps_per_set": (21, 15, 9)}),
        ("Hold for 30 seconds. Do each side twice.", {"hold": 30, "sets": 2}),
        ("Hold 30 s each side, twice a day.", {"hold": 30, "daily": True}),
        ("Aim for 100 a day.", {}),  # a day's total, not sessions
        ("Nine times out of ten it's the set-up.", {}),  # a saying, not a count
        ("4 rounds. Rest as needed (about a minute).", {"sets": 4, "rest": 60}),
        ("I program these as a warm-up: 2 sets of 8.", {"sets": 2, "reps": 8}),  # not a label
        # what is not a dose: dates, distances, a movement done twice, another care's times
        ("Sessions on 5, 12, 19 June. 3 sets of 12.", {"sets": 3, "reps": 12}),
        ("Long runs build 10-15-20 km over the month.", {}),
        ("Swim 12, 10, 8 laps.", {"sets": 8}),  # laps, not reps set by set
        ("Lean to each side twice, then come back to the middle.", {}),
        ("Ice the ankle 3 times a day. Do 15 reps.", {"reps": 15}),
        ("Leg press 3 x 10-12 - 90 s rest", {"sets": 3, "reps": (10, 12), "rest": 90}),
        (
            "Today: a warm-up: 2 x 12 light then the main set: 4 x 6, rest 2 min",
            {"sets": 4, "reps": 6, "rest": 120},
        ),
        ("Shuttles of 20-40-60 m, on 12-10-2024, at a 3-1-1 tempo.", {"tempo": ("3", "1", "1")}),
        ("8 to 12 reps per side.", {"reps": (8, 12), "per_side": True}),
        ("Hold for 20–30 seconds.", {"hold": (20, 30)}),
        ("Hold 30 seconds each side.", {"hold": 30}),
        ("Stay there for 1 minute.", {"hold": 60}),
        ("Perform 2 sets.", {"sets": 2}),
        ("Rest 90 seconds between sets.", {"rest": 90}),
        ("Skip for 60 seconds, rest 20, 5 rounds.", {"sets": 5, "duration": 60, "rest": 20}),
        ("Rest: 45", {"rest": 45}),  # no unit: seconds, as a rest that long is counted
        ("Rest 5 s between reps, rest 2 min between sets.", {"rest": 120}),  # the sets' rest
        ("Rest 5 s between reps. Rest 60 s between sets.", {"rest": 60}),
        ("Last week in the gym: 3 x 15. Today: 4 x 8.", {"sets": 4, "reps": 8}),
        ("EMOM 10: 20 kg swings x 15.", {"sets": 10, "reps": 15}),  # a load is no count
        ("Last week of the block: 5 x 3, heavy.", {"sets": 5, "reps": 3}),  # this week's
        ("Rest 2, then go again.", {}),  # minutes or seconds? not read
        ("Walk for 40 seconds.", {"duration": 40}),
        ("Pause for a second.", {}),  # a pause inside the rep, not a hold
        ("5 × 5. Rest 2–3 min between sets.", {"sets": 5, "reps": 5, "rest": (120, 180)}),
        ("4 rounds · 20–30 s hold · 30 s rest.", {"sets": 4, "hold": (20, 30), "rest": 30}),
        ("10 rounds: 40 s on / 20 s off.", {"sets": 10, "duration": 40, "rest": 20}),
        (
            "Three hangs of 30–45 seconds, with a minute of rest.",
            {"sets": 3, "hold": (30, 45), "rest": 60},
        ),
        ("AMRAP 60 seconds, 3 rounds.", {"sets": 3, "duration": 60}),
        ("That's one round: do 3 rounds, resting 60 s after each.", {"sets": 3, "rest": 60}),
        ("Do it twice on each side.", {"sets": 2}),
        ("Three sets of 10 reps, with 60 seconds' rest.", {"sets": 3, "reps": 10, "rest": 60}),
        ("It burns 300 calories in 30 minutes.", {}),  # information, not a plan
        ("After your one second hold, stand up.", {}),
        ("After completing one set on the right, switch to your left side.", {}),
        ("4x6 @ RPE 7-8, rest 2' between sets.", {"sets": 4, "reps": 6, "rest": 120}),
        (
            "2-3 sets of 12-15 / side. Rest 1:30.",
            {"sets": (2, 3), "reps": (12, 15), "rest": 90, "per_side": True},
        ),
        ("3 rounds x12 e/s with 2 × 8–10 kg dumbbells.", {"sets": 3, "reps": 12, "per_side": True}),
        (
            "30/30 x 8: thirty seconds on, eight times through.",
            {"sets": 8, "duration": 30, "rest": 30},
        ),
        ("EMOM 12: 6 reps. Train 3 times a week.", {"sets": 12, "reps": 6}),
        ("Hold 45s, 3 rounds.", {"sets": 3, "hold": 45}),
        ("Three sets of five, with a full minute of rest.", {"sets": 3, "reps": 5, "rest": 60}),
        ("My physio watched one set, and the plan is 3 sets.", {"sets": 3}),
        ("Make 3 serie of 8 repetition for each arm.", {"sets": 3, "reps": 8, "per_side": True}),
        ("Sets: 3 · Reps: 15–20 · Rest: 45 s", {"sets": 3, "reps": (15, 20), "rest": 45}),
        ("Work 40 sec, rest 20 sec, 4 rounds!", {"sets": 4, "duration": 40, "rest": 20}),
        ("Twice each side, about thirty seconds.", {"sets": 2}),
        ("Three sets of ten, with ninety seconds of rest.", {"sets": 3, "reps": 10, "rest": 90}),
        ('dose: 2x5 L/R, rest: 45"', {"sets": 2, "reps": 5, "rest": 45}),
        ("R + L = 1 rep each side.", {}),
        (
            "I do 4 sets of 12 with about a minute between sets.",
            {"sets": 4, "reps": 12, "rest": 60},
        ),
        ("Three hangs, as long as you can, a minute apart.", {"sets": 3, "rest": 60}),
        ("Complete 4 carries; rest 90 s between carries.", {"sets": 4, "rest": 90}),
        (
            "Four carries of 30–40 seconds, with 90 seconds' rest between each.",
            {"sets": 4, "duration": (30, 40), "rest": 90},
        ),
        ("3 goes each: 20 seconds holding, 40 seconds rest.", {"sets": 3, "hold": 20, "rest": 40}),
        ("Rest time: 60 seconds.", {"rest": 60}),
        ("Between the series, recover 2 minutes.", {"rest": 120}),
        ("8 rounds: 30 sec hard, then 30 sec easy.", {"sets": 8, "duration": 30, "rest": 30}),
        ("Like 3 sets of 5 with a couple of minutes rest.", {"sets": 3, "reps": 5, "rest": 120}),
        ("Do 6 on each side.", {"reps": 6, "per_side": True}),
        ("2–3 sets × 12–15 repetitions.", {"sets": (2, 3), "reps": (12, 15)}),
        ("Worked up to 4 sets of 8 with ~90 s between.", {"sets": 4, "reps": 8, "rest": 90}),
        (
            "3 rounds of 10 per leg, resting 45 seconds.",
            {"sets": 3, "reps": 10, "per_side": True, "rest": 45},
        ),
        ("3 x 8 each way, alternating sides.", {"sets": 3, "reps": 8, "per_side": True}),
        ("EMOM 12: 10 reps (5 each arm).", {"sets": 12, "reps": 5, "per_side": True}),
        ("Warm-up: 2 rounds of 10 swings.", {}),
        ("Load 40 kg (20 each side) on the bar.", {}),
        (
            "do 3 sets 8/leg, all the reps on one leg then swap",
            {"sets": 3, "reps": 8, "per_side": True},
        ),
        ("Complete 10 each side, 2 sets, once daily.", {"sets": 2, "reps": 10, "per_side": True}),
        ("Dose: 3 per side.", {"reps": 3, "per_side": True}),
        ("Grab two of them from the rack.", {}),
        ("Let's take six to eight of these, flowing.", {"times": (6, 8)}),
        (
            "I do 3x8-10, rest like 2 min between.",
            {"sets": 3, "reps": (8, 10), "rest": 120},
        ),
        (
            "Three rounds of 40 seconds, a minute's rest between.",
            {"sets": 3, "time": 40, "rest": 60},
        ),
        # a time with no verb to say whether it holds or works: the steps decide
        ("3 x 20-30 sec, rest a min or so between", {"sets": 3, "time": (20, 30), "rest": 60}),
        ("Stay there and breathe — 30 seconds, no bouncing.", {"hold": 30}),
        ("Just stay there and breathe, about thirty seconds.", {"hold": 30}),
        ("After 10 to 20 seconds, relax as your partner presses.", {"hold": (10, 20)}),
        ("After 60 seconds of rest, go again.", {"rest": 60}),
        ("No parking the bell for more than 5 seconds.", {}),
        ("Don't rest longer than 90 seconds.", {}),
        (
            "Thirty seconds of skipping, thirty seconds rest, ten rounds.",
            {"sets": 10, "rest": 30, "time": 30},  # how it is worked says hold or duration
        ),
        (
            "45 seconds in the sit, 30 seconds off, four times through.",
            {"sets": 4, "rest": 30, "time": 45},
        ),
        ("4 runs of 30 seconds with 90 seconds between.", {"sets": 4, "rest": 90, "duration": 30}),
        ("40 sec work / 20 sec rest × 6 rounds", {"sets": 6, "rest": 20, "duration": 40}),
        ("Hold for 30 seconds, then rest 30 seconds.", {"hold": 30, "rest": 30}),
        (
            "Duration: 40 sec  |  Rest: 20 sec  |  Rounds: 3",
            {"sets": 3, "rest": 20, "duration": 40},
        ),
        (
            "Try 3 walks of 30–40 seconds, resting about a minute in between.",
            {"sets": 3, "duration": (30, 40), "rest": 60},
        ),
        ("An EMOM for 10 minutes: 15 reps at the top of every minute.", {"sets": 10, "reps": 15}),
        ("10 reps on the minute, every minute for 12 mins.", {"sets": 12, "reps": 10}),
        ("Teacher: Ms Rahman, Duration: 40 minutes, Space: hall", {}),
        ("Rest about 2.5 minutes between sets.", {"rest": 150}),
        ("Rest 90 s – 2 min between sets.", {"rest": (90, 120)}),
        ("Rest 2:00–2:30.", {"rest": (120, 150)}),
        ("Rest 1-1.5 minutes.", {"rest": (60, 90)}),
        ("Hold 10 seconds - 30 seconds rest between sets.", {"hold": 10, "rest": 30}),
        ("Ten swings at the top of every minute, for ten minutes.", {"sets": 10}),
        ("3 sets of 8 with 2 x 20 kg dumbbells.", {"sets": 3, "reps": 8}),
        ("Do 6 rounds, then cool down with 5 minutes of easy rowing.", {"sets": 6}),
        ("I do 5 x 45s with 1 min between.", {"sets": 5, "time": 45, "rest": 60}),
        ("4 x 40m, rest 60-90s.", {"sets": 4, "rest": (60, 90)}),
        ("6 sets · 30 sec · Rest: walk the sled back", {"sets": 6, "time": 30}),
        ("3 sets, 60 seconds rest.", {"sets": 3, "rest": 60}),
        ("Hang with about a minute off between sets.", {"rest": 60}),
        ("Pedal easy for 5 minutes to warm up, building to a moderate pace.", {}),
        ("Block: Warm-up, Work: 10 minutes easy, Rest: —.", {}),
        ("Three sets of five after a good warm-up.", {"sets": 3, "reps": 5}),
        ("Row hard for 2 minutes, then paddle easy for 1 minute.", {"duration": 120, "rest": 60}),
        ("Progression: once you get all 8 reps on all 4 sets, add 5 pounds.", {}),
        ("Do it twice a week.", {}),
        ("Notes: the last 2 sets were ugly.", {}),
        (
            "Do 10 of them, rest for a minute, then do that twice more.",
            {"sets": 3, "reps": 10, "rest": 60},
        ),
        ("8 reps, then 2 more rounds.", {"sets": 3, "reps": 8}),
        ("Do it 5 more times.", {}),  # more reps of a second set, or more sets: unsaid
        ("8 on each side (16 in total). Do 2 sets.", {"reps": 8, "per_side": True, "sets": 2}),
        (
            "Time: 5 min easy warm-up, then 8 rounds of 30 sec hard / 90 sec easy, 5 min cool-down",
            {"sets": 8, "duration": 30, "rest": 90},
        ),
        ("Walk 30 minutes on most other days.", {}),
        (
            "Set 1: 10 reps per leg. Set 2: 10 reps per leg. Set 3: 8 reps per leg.",
            {"sets": 3, "reps": 10, "per_side": True},
        ),
        ("Set 2 of 3: 10 reps.", {"reps": 10}),
        ("6 minutes read. Filed under plyometrics.", {}),
        (
            "Do 4 sets of 5, with full rest (about 90 seconds) between sets.",
            {"sets": 4, "reps": 5, "rest": 90},
        ),
        ("Full recovery between sets (60–90 s).", {"rest": (60, 90)}),
        ("Recovery between sets: 60 seconds.", {"rest": 60}),
        ("3 x 45 sec with a min rest between.", {"sets": 3, "time": 45, "rest": 60}),
        ("4 sets of 12 with a minute or so rest between.", {"sets": 4, "reps": 12, "rest": 60}),
        ("Rest as long as you need, usually 3 to 5 minutes.", {"rest": (180, 300)}),
        ("Then 1 minute of active recovery, marching on the spot.", {"rest": 60}),
        ("Suggest 3 groups, each group 15 times.", {"sets": 3, "reps": 15}),
        ("Eight each leg, alternating, twice through.", {"sets": 2, "reps": 8, "per_side": True}),
        (
            "10 reps each arm × 3 sets, 60 sec rest.",
            {"sets": 3, "reps": 10, "per_side": True, "rest": 60},
        ),
        ("Doing 3 sets each arm, until you feel the burn.", {"sets": 3}),
        ("Do 20 reps. Rest and have a drink. Then do 20 more!", {"sets": 2, "reps": 20}),
        ("Rest about 1 minute, then do a second set of 10.", {"sets": 2, "rest": 60}),
        ("Then 2 more rounds.", {"sets": 3}),
        ("2 sets of 5 reps, building up to 3 sets of 8 by March.", {"sets": 2, "reps": 5}),
        ("Work up to 3 holds of 30 seconds.", {"sets": 3, "hold": 30}),
        ("Repeat 10 times. When that feels easy, go up to 3 sets.", {"times": 10}),
        ("Six to eight slow repetitions on each side.", {"reps": (6, 8), "per_side": True}),
        ("Aim for ten in total — five each way.", {"reps": 5, "per_side": True}),
        ("Pick a weight you can curl for 10 clean reps.", {}),
        ("How long: 30 seconds leading with your right leg.", {"time": 30}),
        ("Round 1: ____ Round 2: ____", {"sets": 2}),
        ("Do three 45-second holds, a minute's rest between.", {"sets": 3, "hold": 45, "rest": 60}),
        ("On the last two reps your back rounds. Next week: 4 x 6.", {"sets": 4, "reps": 6}),
        ("30s on / 30s off for 10 min.", {"sets": 10, "duration": 30, "rest": 30}),
        (
            "Tabata: 20 seconds on, 10 seconds off, for 4 minutes.",
            {"sets": 8, "duration": 20, "rest": 10},
        ),
        (
            "Dosage: 4 bouts × 45 seconds of walking, 90 seconds seated rest between bouts.",
            {"sets": 4, "time": 45, "rest": 90},
        ),
        ("Target: 3 sets × 16 reps (8 per arm).", {"sets": 3, "reps": 8, "per_side": True}),
        (
            "WU: 10 min easy jog MAIN: Skater bounds 4 x 6 each side CD: 10 min easy",
            {"sets": 4, "reps": 6, "per_side": True},
        ),
        (
            "8 x 10 second sprints, a minute and a half between each one.",
            {"sets": 8, "time": 10, "rest": 90},
        ),
        ("3-4 trips, a minute or two of rest between.", {"sets": (3, 4), "rest": (60, 120)}),
        (
            "12 on each leg, 3 rounds, a minute's breather between rounds.",
            {"sets": 3, "reps": 12, "per_side": True, "rest": 60},
        ),
        (
            "3 x 8. Rest between sets long enough to be crisp—ninety seconds.",
            {"sets": 3, "reps": 8, "rest": 90},
        ),
        ("Stay there as long as you can, up to 45 seconds. 3 goes.", {"hold": 45, "sets": 3}),
        ("FREEZE! Hold it… count to 10! Do it 3 times.", {"hold": 10, "times": 3}),
        ("Lower slowly, I count to five, 3 sets of 5.", {"sets": 3, "reps": 5}),
        ("ELITE SOCKS x2 35.98 TOTAL 190.50", {}),
        ("Make 3 series of 8 until 12 repetition.", {"sets": 3, "reps": (8, 12)}),
        (
            "Warm-up: 5:00 easy Main set: 8 rounds — 30 sec hard / 30 sec easy Cool-down: 3:00",
            {"sets": 8, "duration": 30, "rest": 30},
        ),
        (
            "WARM-UP 10:00 easy MAIN 6 x 1:00 hard / 1:00 easy paddle COOL 5:00",
            {"sets": 6, "duration": 60, "rest": 60},
        ),
        ("Stay there: spend a solid two minutes in this position.", {"hold": 120}),
        ("A great long-term goal is 3 sets of 20.", {}),
        ("2–3 SETS x 15–20 REPS | LIGHT WEIGHT", {"sets": (2, 3), "reps": (15, 20)}),
        (
            "6 sets of 1 minute hard, each followed by 1 minute of very easy paddling.",
            {"sets": 6, "duration": 60, "rest": 60},
        ),
        (
            "Hold 45 seconds, 3 times. First session? Do 30 second holds instead.",
            {"hold": 45, "times": 3},
        ),
        ("Hold 45 s. Next station: 4 rounds of 30 seconds on, 30 seconds off.", {"hold": 45}),
        (
            "AMRAP 8 min. Board record: 121 Warm-up before: 2 rounds of 10 air squats",
            {"duration": 480},
        ),
        ("Today: 6 pushes of 20 seconds each.", {"sets": 6, "duration": 20}),
        (
            "Three 3-minute rounds with a minute's rest between them.",
            {"sets": 3, "duration": 180, "rest": 60},
        ),
        (
            "Do 5 with each leg, taking turns. Have a rest, then do the whole thing twice more.",
            {"reps": 5, "per_side": True, "sets": 3},
        ),
        ("3 sets, as many as you can. When you can do 3 sets of 20, move on.", {"sets": 3}),
        ("3 sets each leg; the aim is to get up to 25 on each side.", {"sets": 3}),
        ("Calves take six to eight times your bodyweight. Do 3 sets.", {"sets": 3}),
        (
            "3 sets of 8 per leg, 90 s rest, set 1 8 8 set 2 8 7",
            {"sets": 3, "reps": 8, "per_side": True, "rest": 90},
        ),
        ("Weeks 1-2: 2 sets of 5 Weeks 3-4: 3 sets of 6", {"sets": 2, "reps": 5}),
        ("Hold the stretch three times, 30 seconds each.", {"times": 3, "hold": 30}),
        ("5 bananas, 10 seconds each. Rest 20 seconds.", {"sets": 5, "time": 10, "rest": 20}),
        ("Up to 10 reps, then a rest, then the same again.", {"reps": 10, "sets": 2}),
        ("Do as many as you can in 30 seconds!", {"duration": 30}),
        ("Challenge: how many can you do in 45 seconds?", {"duration": 45}),
        ("Can you do 20 of them without stopping?", {}),
        ("Keep flowing with your breath for 5–10 rounds.", {"reps": (5, 10)}),  # a round a rep
        ("Breathe into it with each breath; 3 rounds of 30 seconds.", {"sets": 3, "hold": 30}),
        ("Do 10 squats, 3 seconds each.", {}),  # a tempo, not ten efforts
        ("Do 10 reps on the left leg, then the same again on the right.", {"reps": 10}),
        ("How many can you do in one minute?", {"duration": 60}),
        ("Pause for 90 seconds between the sets.", {"rest": 90}),
        (
            "We do three rounds of twenty steps, so that's ten a leg.",
            {"sets": 3, "reps": 10, "per_side": True},
        ),
        ("Usually 6 to 10 breath cycles.", {"reps": (6, 10)}),
        ("Flow for 60 seconds, rest a few breaths, 2 rounds in all.", {"sets": 2, "duration": 60}),
        (
            "8 x 15 s up the hill, walking back down for recovery, which works out about 90 s.",
            {"sets": 8, "time": 15, "rest": 90},
        ),
        (
            "6 × 20 s drags, walking back to the start between efforts (approx. 40–60 s).",
            {"sets": 6, "time": 20, "rest": (40, 60)},
        ),
        ("Do all 8 on the left leg, then switch legs.", {"reps": 8, "per_side": True}),
        (
            "6 on the right, then 6 on the left, and that twice.",
            {"sets": 2, "reps": 6, "per_side": True},
        ),
        ("Do 6 one way, then 6 the other way.", {"reps": 6, "per_side": True}),
        ("Do 15, then turn over and do the other side.", {"reps": 15}),
        ("Do 5 slowly, twice a day.", {"reps": 5, "daily": True}),
        ("As many as you can manage, up to 12.", {"reps": 12}),
        ("Hold for a slow count of 8.", {"hold": 8}),
        ("Complete all 5, then swap stations.", {}),
        ("The challenge: hold for 45 seconds, three times this week.", {"hold": 45}),
        ("Stay relaxed and jog gently (about 20 minutes).", {}),
        ("Take 5 deep breaths, 2 minutes brisk walking.", {}),
        ("Hold the plank for a slow count of 10 breaths.", {}),
        ("Walk one lap slowly, then that twice as fast.", {}),
        ("Pick 4 moves from the list: 2 of them upper body, 2 lower body.", {}),
        ("Hold for 3 eight-counts (about 15 seconds).", {"hold": 15}),
        ("Stay for 6 to 8 slow breaths, or about a minute.", {"hold": 60}),
        ("Sink into it (1–2 min, roughly 8–10 slow breaths).", {"hold": (60, 120)}),
        (
            "After a warm-up 5 minutes easy, row 6 times (1 minute hard, 1 minute easy).",
            {"times": 6, "duration": 60, "rest": 60},
        ),
        (
            "Skip in 3 minute rounds, a minute's rest between — three of them.",
            {"times": 3, "duration": 180, "rest": 60},
        ),
        ("Start with one set of 8 to 10.", {"sets": 1, "reps": (8, 10)}),
        ("Grab a set of 2 dumbbells.", {}),
        ("3 x 10, rest between sets 60 seconds.", {"sets": 3, "reps": 10, "rest": 60}),
        (
            "3 series of 10 reps, pause between the series 1 minute.",
            {"sets": 3, "reps": 10, "rest": 60},
        ),
        ("3 x 30 sec hover, 15 sec knees-down rest between.", {"sets": 3, "time": 30, "rest": 15}),
        (
            "How many: 10 times. Rest for a minute, then do another 10.",
            {"sets": 2, "times": 10, "rest": 60},
        ),
        ("Begin with 8 repetitions in one set.", {"sets": 1, "reps": 8}),
        ("E2MOM x 6: 3 thrusters.", {"sets": 6, "reps": 3}),
        ("Hold 30 s per side. Pause between the sides: 10 seconds.", {"hold": 30}),
        ("Shuffle 10 metres right, then another 10 metres left.", {}),
        ("Once you manage 12 reps in one set, go up a weight.", {"reps": 12}),
        ("Hold 20 seconds feet-together off the floor.", {"hold": 20}),
        ("E3MOM 5: 2 cleans.", {"sets": 5, "reps": 2}),
        (
            "Time: 20 seconds of crab walking, then 40 seconds rest. Do it 4 times!",
            {"time": 20, "rest": 40, "times": 4},
        ),
        ("Do 10 of each, twice a day.", {"reps": 10, "daily": True}),
        ("Do 2 of each dumbbell curl.", {}),
        ("Do 4 of each, 12 reps apiece.", {"reps": 12}),
        ("Most people new to these can't do clean sets of 10 yet.", {}),
        ("If you can't do a full push-up, do 3 sets of 8 on your knees.", {"sets": 3, "reps": 8}),
        ("You cannot do too many: aim for 3 sets of 15.", {"sets": 3, "reps": 15}),
        ("Do 10 reps in 30 seconds, then rest 30 seconds.", {"reps": 10, "rest": 30}),
        (
            "Do 3 sets of 12 after 2 minutes of light rowing, then rest 90 seconds.",
            {"sets": 3, "reps": 12, "rest": 90},
        ),
        ("Logged: 0/4 sets · Last done: never", {"sets": 4}),  # none of 4 done yet
        # a step up and its condition, in one clause: for later, not today
        ("Aim for 3 sets of 10 per side once it feels easy.", {}),
        (
            "How much: hold 20-30 sec each side · 3 times through · build to 45 sec when easy.",
            {"sets": 3, "hold": (20, 30)},
        ),
        ("Try 3 sets of 10, and when it feels easy add weight.", {"sets": 3, "reps": 10}),
        # as tolerated, not a step up
        (
            "Aim for 3 holds of 30 seconds when you're comfortable on your elbows.",
            {"sets": 3, "hold": 30},
        ),
        ("Keep it to 2 sets for now. In a fortnight, go up to 3 sets.", {"sets": 2}),
        ("Rest as long as you need, about 90 seconds.", {"rest": 90}),
        ("Hold 60 seconds. Come up, rest briefly, then do it once more.", {"sets": 2, "hold": 60}),
        ("Squat back down and do it once more.", {}),  # a rep more, not a set
        ("Hold for 90 seconds, then switch sides. 1 round per side.", {"sets": 1, "hold": 90}),
        ("Hold 30 seconds. Do it once per side.", {"sets": 1, "hold": 30}),
        (
            "Hold 45 seconds. Do it once on each side, then rest and repeat it for 3 rounds.",
            {"sets": 3, "hold": 45},
        ),
    ],
)
def test_prescriptions_read_from_the_text(write_doc, line, found):
    assert prescribed(parse_file(write_doc("p.md", STEPS.format(line=line)))) == found


@pytest.mark.parametrize(
    ("text", "reps"),
    [
        (  # a pyramid: each set its own count
            "# One-Arm Row\n\n1. Row the dumbbell to your hip.\n2. Lower it.\n\n"
            "Pyramid: 12 / 10 / 8 / 6, going heavier each set.\n",
            (12, 10, 8, 6),
        ),
        (  # a log: the reps of each set's row
            "# Pec Deck Fly\n\n## Your plan\n\n| Set | Reps | Rest |\n|---|---|---|\n"
            "| 1 | 12 | 60 s |\n| 2 | 12 | 60 s |\n| 3 | 10 | 60 s |\n\n"
            "## Instructions\n\n1. Bring the handles together.\n2. Let them travel back.\n",
            (12, 12, 10),
        ),
        (  # a CrossFit scheme: 21 reps, then 15, then 9
            "# Thrusters\n\nWOD: 21-15-9 thrusters (95/65 lb), for time.\n\n"
            "1. Front rack the bar.\n2. Squat below parallel.\n3. Drive up and press.\n",
            (21, 15, 9),
        ),
    ],
    ids=["pyramid", "log", "scheme"],
)
def test_a_pyramid_or_a_log_counts_each_set_to_its_own_number(write_doc, text, reps):
    settings = DEFAULTS.override(
        from_text(analyse(parse_file(write_doc("p.md", text))).prescription)
    )
    assert (settings.sets, settings.reps) == (len(reps), reps)


@pytest.mark.parametrize(
    ("prescription", "sets"),
    [({"reps": 10, "daily": True}, 1), ({"sets": 2, "reps": 10, "daily": True}, 2)],
)
def test_sessions_a_day_are_one_set_each_unless_the_text_says_more(prescription, sets):
    """ "Repeat 10 times, 2-3 times a day" is one set of ten, not the default three."""
    assert from_text(prescription)["sets"] == sets


@pytest.mark.parametrize(
    ("routine", "found"),
    [  # the others' lines of a routine are theirs; a lone line may be this one's own
        (
            "- squat 5x3 @ 140\n- rdl 3x8 @ 100\n\ndid 5 pulls, each one ~25-30 sec",
            {"reps": 5},  # not the squat's 5 x 3
        ),
        ("- squats 3x10\n", {"sets": 3, "reps": 10}),
        (
            "Holds: 4 x 40 seconds.\nRest between holds: 60 seconds.\n",
            {"sets": 4, "hold": 40, "rest": 60},
        ),
        (
            "- Rope pull 5 x 5.\n- Rope pull: rest 3 min between sets.\n",
            {"sets": 5, "reps": 5, "rest": 180},
        ),
        (  # a whiteboard: the other parts of the session are not this exercise's
            "3 x 15 UNBROKEN\nrest 1:30 b/w sets\n\nMETCON\n12 min AMRAP\n10 burpees\n\n"
            "COOL DOWN: couch stretch 2 min/side\n",
            {"sets": 3, "reps": 15, "rest": 90},
        ),
    ],
)
def test_a_routine_s_lines_for_other_exercises_prescribe_nothing_here(write_doc, routine, found):
    text = (
        "# Monday notes\n\nsled rope pull:\n\n1. Grab the rope, arms straight.\n"
        f"2. Pull hand over hand.\n\n{routine}\n"
    )
    assert prescribed(parse_file(write_doc("notes.md", text))) == found


def test_a_dose_s_short_hold_times_each_rep_s_held_phase(write_doc):
    text = (
        "# Quadruped rock back\n\n1. Sink your hips back toward your heels.\n"
        "2. Hold the end position.\n3. Rock forward to the start.\n\n"
        "Sets: 2        Reps: 10        Hold: 3 sec\n"
    )
    movement = analyse(parse_file(write_doc("rock.md", text)))
    assert [p.seconds for p in movement.phases if p.kind == "hold"] == [3]
    assert movement.prescription == {"sets": 2, "reps": 10, "hold": 3}


def test_a_range_is_counted_to_its_top_and_keeps_its_bottom():
    values = from_text({"sets": 3, "reps": (8, 12), "hold": (20, 30)})
    assert values == {"sets": 3, "reps": 12, "reps_low": 8}  # reps win over a hold


def test_layers_and_their_sources():
    settings = (
        DEFAULTS.override(from_text({"sets": 3, "reps": (8, 12)}), "text")
        .override({"reps": 10}, "front matter")
        .override({"sets": 4}, "plan")
        .override({"rest": 60.0}, "option")
    )
    assert (settings.sets, settings.reps, settings.reps_low, settings.rest) == (4, 10, None, 60)
    lines = describe_sources(settings)
    assert "sets: 4 (plan)" in lines and "reps: 10 (front matter)" in lines
    assert "rest: 60 s (option)" in lines and "reps_count: both (default)" in lines


def test_the_prescription_is_not_read_out_of_the_steps():
    assert unspoken("Perform 2 sets.") == ""
    assert unspoken("Stay here and breathe for 1 minute per side.") == "Stay here and breathe."
    assert unspoken("Keep your back flat.") == "Keep your back flat."
    assert unspoken("Rest 2.5 minutes between sets.") == ""
    # a scheme's counts go with it: not "Drive it overhead: 21, 15."
    assert unspoken("Drive it overhead: 21, 15, 9 reps.") == "Drive it overhead."
    # a word with accents is one word: "Répète" is all that is left, as "Repeat" would be
    assert unspoken("Répète 10 fois, 3 séries.", "fr") == ""


def test_an_opening_dose_line_is_read_before_the_steps(write_doc):
    text = (
        "# Side Plank\n\nSide plank: 3 x 30s each side, rest 30s.\n\n"
        "1. Lie on your right side.\n2. Lift your hips.\n3. Hold for 45 seconds.\n"
        "4. Lower down, then switch sides.\n"
    )
    found = analyse(parse_file(write_doc("p.md", text))).prescription
    assert (found["sets"], found["hold"]) == (3, 30)


def test_a_forums_quoted_question_is_read_after_the_answer(write_doc):
    text = (
        "Re: calf raises\n\n> Originally Posted by liftbro88\n> Been doing calf raises 3x20.\n\n"
        "1. Rise onto your toes.\n2. Lower slowly.\n\nDrop the weight and do 4 sets of 15.\n"
    )
    found = analyse(parse_file(write_doc("r.md", text))).prescription
    assert (found["sets"], found["reps"]) == (4, 15)


def test_a_sentence_about_the_dose_is_not_said_beside_the_dose():
    said = "A typical dose is 3 to 5 repetitions of 30 to 60 s, with 60 s of rest between efforts."
    assert not any(unspoken(part) for part in sentences(speakable(said)))


@pytest.mark.parametrize(
    "said",
    [
        "2 rounds x 20 steps (10 per leg).",
        "For this week: 3 sets of 10-12 each arm, rest about 60-90 sec between sets.",
        "Start with 3 sets of 4-6 reps, resting 2 minutes between sets, twice a week.",
    ],
)
def test_what_is_left_of_a_dose_per_limb_is_not_said(said):
    assert not any(unspoken(part) for part in sentences(speakable(said)))


@pytest.mark.parametrize(
    ("said", "left"),
    [
        # the dose is the object of a word: the sentence is said whole, never "for all."
        ("Keep your back flat for all 10 reps.", "Keep your back flat for all 10 reps."),
        ("Build up to 3 sets of 15 over two weeks.", "Build up to 3 sets of 15 over two weeks."),
        (
            "Keep it to 2 sets of 40 seconds for now, with 60 seconds rest between.",
            "Keep it to 2 sets of 40 seconds for now, with 60 seconds rest between.",
        ),
        ("She was asked to perform 10 repetitions on each leg.", "same"),
        ("For novices, 2 sets of 10 are generally appropriate.", "same"),  # no subject left
        ("Rest 60 seconds and go again.", ""),  # "and go again." is no line
        ("I usually do 4 sets of 12 with the right arm.", "same"),  # not "do with"
        ("Take a good 2 minutes between sets.", "same"),  # not "Take a good."
        (
            "Step down, rest your grip for a few breaths, then do it once more.",
            "Step down, rest your grip for a few breaths.",
        ),
        ("Heart racing? 30 seconds of rest is fine.", "same"),  # not "Heart racing? is fine."
        ("Switch legs after 15 reps.", "same"),
        ("Walk around in a circle for 30 seconds.", "Walk around in a circle."),
        (
            "Repeat 10 times, then complete on the other side.",
            "Repeat, then complete on the other side.",
        ),
        (
            "Hold the stretch for 30 seconds each and every time.",
            "Hold the stretch each and every time.",
        ),
        ("Hold for 30 seconds, then switch.", "Hold, then switch."),
    ],
)
def test_a_sentence_is_never_said_with_a_hole_where_its_dose_was(said, left):
    assert unspoken(said) == (said if left == "same" else left)


def test_a_limb_that_is_a_place_stays_said():
    said = "Hold for 30 seconds with a dumbbell in each arm, then set them down."
    assert unspoken(said) == "Hold with a dumbbell in each arm, then set them down."


def test_a_log_of_the_sets_is_not_said_beside_the_dose():
    logged = "Set 1: 12 kg x 10\nSet 2: 12 kg x 10\nSet 3: 14 kg x 8"
    assert not any(unspoken(part) for part in sentences(speakable(logged)))


def test_a_step_that_ends_in_its_rest_does_not_end_on_its_conjunction():
    assert unspoken("Put them down and rest 2 minutes.") == "Put them down."
    assert unspoken("Lower the bar, then rest 90 seconds.") == "Lower the bar."
    step = "Start with your left, with 30 seconds between sets."
    assert unspoken(step) == "Start with your left."


def _counts(track) -> list[int]:
    """The last count of each set."""
    numbers = {"Ten.": 10, "Eight.": 8, "Twelve.": 12}
    last = []
    for section in track.script.sections:
        said = [c.text for s in section.segments for c in s.cues if c.text in numbers]
        if section.title.startswith("Set"):
            last.append(numbers[said[-1]])
    return last


def test_three_by_ten_is_counted_to_ten_in_three_sets_and_said_once(write_doc):
    track = load(write_doc("p.md", STEPS.format(line="3 x 10 @ RPE 7")), {})
    spoken = spoken_lines(track.script)
    assert _counts(track) == [10, 10, 10]
    assert spoken.count("3 sets of 10 reps.") == 1
    assert not any("12" in line or "Twelve" in line for line in spoken)


def test_what_is_said_follows_the_settings_in_force(write_doc):
    doc = write_doc("p.md", "---\nreps: 8\n---\n" + STEPS.format(line="Do 3 x 10."))
    track = load(doc, {})
    assert _counts(track) == [8, 8, 8]
    assert "3 sets of 8 reps." in spoken_lines(track.script)
    assert not any("10" in line for line in spoken_lines(track.script))


def test_a_range_is_said_and_counted_to_its_top(write_doc):
    track = load(write_doc("p.md", STEPS.format(line="2 sets of 8 to 12 reps.")), {})
    spoken = spoken_lines(track.script)
    assert _counts(track) == [12, 12]
    assert "2 sets of 8 to 12 reps." in spoken
    assert spoken.count("Keep going if you can.") == 2  # after the eighth rep of each set


def test_a_table_and_an_opening_paragraph_prescribe(write_doc):
    table = "| Sets | Reps | Tempo | Rest |\n|---|---|---|---|\n| 3 | 12–15 | 3-0-1 | 60–90 s |\n\n"
    path = write_doc("t.md", '---\ndescription: "Legs."\n---\n\n' + table + STEPS.format(line=""))
    found = {"sets": 3, "reps": (12, 15), "rest": (60, 90), "tempo": ("3", "0", "1")}
    assert prescribed(parse_file(path)) == found

    table = "| | |\n|---|---|\n| Workout | 6 × 500 m |\n| Rest | 2:00 between pieces |\n\n"
    path = write_doc("k.md", '---\ndescription: "Rows."\n---\n\n' + table + STEPS.format(line=""))
    assert prescribed(parse_file(path)) == {"sets": 6, "rest": 120}  # its rows name themselves

    lead = "You'll do **4 sets of 6**, with 90 secs between sets.\n\n"
    path = write_doc("l.md", '---\ndescription: "Legs."\n---\n\n' + lead + STEPS.format(line=""))
    assert prescribed(parse_file(path)) == {"sets": 4, "reps": 6, "rest": 90}


def test_the_programming_wins_over_a_count_in_the_steps(write_doc):
    text = "## Sets and reps\n3 x 8–10 per arm.\n\n" + STEPS.format(line="Left and right: 1 rep.")
    assert prescribed(parse_file(write_doc("c.md", text)))["reps"] == (8, 10)


def test_numbers_under_a_heading_of_no_known_part_are_read(write_doc):
    text = "## The plan\nRx: 2 x 10\nrest: 45s\n\n" + STEPS.format(line="")
    assert prescribed(parse_file(write_doc("n.md", text))) == {"sets": 2, "reps": 10, "rest": 45}


def test_a_list_before_the_steps_is_read_for_its_numbers(write_doc):
    text = "- **Phase 1:** 3 sets of 15 repetitions, rest 30 seconds.\n\n" + STEPS.format(line="")
    assert prescribed(parse_file(write_doc("l.md", text))) == {"sets": 3, "reps": 15, "rest": 30}


def test_timed_work_with_no_time_stated_says_the_time_it_runs(write_doc):
    carry = (
        "# Sandbag Carry\n\n1. Pick up the bag.\n2. Walk forward with short steps.\n\n"
        "Rest 90 seconds."
    )
    track = load(write_doc("carry.md", carry), {})
    spoken = spoken_lines(track.script)
    assert f"3 rounds of {int(DEFAULT_HOLD)} seconds." in spoken
    assert not any(" 0 seconds" in line for line in spoken)


@pytest.mark.parametrize(
    ("title", "text", "work", "found"),
    [
        ("Plank", "Hold it there. Try to do it 3 times.", "hold", {"sets": 3}),
        (
            "Dynamic Back Stretch",
            "Swing the arms. Repeat 5 to 10 times.",
            "reps",
            {"reps": (5, 10)},
        ),
        ("Wall Sit", "Slide down. We did 3 goes of 30 seconds.", "hold", {"sets": 3, "hold": 30}),
        (
            "Dead Hang",
            "Hang there. Work up to 3 sets of 60 seconds.",
            "hold",
            {"sets": 3, "hold": 60},
        ),
    ],
)
def test_a_count_with_no_time_holds_when_the_title_names_a_hold(
    write_doc, title, text, work, found
):
    doc = write_doc("t.md", f"# {title}\n\n1. Get into position.\n2. {text}\n")
    movement = analyse(parse_file(doc))
    assert (movement.work, movement.prescription) == (work, found)


@pytest.mark.parametrize(
    ("text", "work", "found"),
    [
        ("Hold the wall sit for 45 seconds. Do this 3 times.", "hold", {"sets": 3, "hold": 45}),
        ("Lift your arms 10 times.", "reps", {"reps": 10}),
        (
            "Lift the leg, hold it for 5 seconds, lower. Repeat 10 times.",
            "reps",
            {"reps": 10, "hold": 5},
        ),
        (
            "Lift the leg and hold for 10 seconds. Do this 3 times.",
            "hold",
            {"sets": 3, "hold": 10},
        ),
        (
            "Lift the leg, hold it for 10 seconds, lower. Repeat 10 times.",
            "reps",
            {"reps": 10, "hold": 10},
        ),
        (
            "Stay like this. My teacher says do 20 seconds, 4 times.",
            "hold",
            {"sets": 4, "hold": 20},
        ),
        (
            "Hold for 10 seconds. Do 2 on each side.",
            "hold",
            {"sets": 2, "hold": 10},
        ),
        (
            "Do 4 sets of 10 to 20 second holds. Squeeze a ball 2x daily.",
            "hold",
            {"sets": 4, "hold": (10, 20)},
        ),
    ],
)
def test_so_many_times_counts_reps_or_the_sets_of_a_hold(write_doc, text, work, found):
    doc = write_doc("t.md", f"# Wall Sit\n\n1. Slide down the wall.\n2. {text}\n")
    movement = analyse(parse_file(doc))
    assert (movement.work, movement.prescription) == (work, found)


@pytest.mark.parametrize(
    ("title", "line", "found"),
    [
        (
            "Wall Ball",
            "3 rounds: 20 wall balls, rest 60 seconds.",
            {"sets": 3, "reps": 20, "rest": 60},
        ),
        ("Dead Bug", "Do 2 sets of 8 dead bugs.", {"sets": 2, "reps": 8}),
        ("Farmer's Carry", "Do 4 carries.", {"sets": 4}),
        ("90/90 Hamstring", "Do the 90/90 hamstring stretch gently.", {}),
        ("Return Push from Stance", "Take a 3 point stance.", {}),
        ("Dip", "Posted Mar 3, 2024 #calisthenics #dips. 3 sets of 5.", {"sets": 3, "reps": 5}),
        ("Box Jump", "Do 3 to 5 jumps, then rest.", {"reps": (3, 5)}),
        ("Box Jump", "3 to 5 sets of 3–5 jumps.", {"sets": (3, 5), "reps": (3, 5)}),
        ("Ab Wheel", "Page: 142 The ab wheel rollout is the most useful tool.", {}),
        ("Skipping", "I bought a £7 skipping rope in 2020. Skip for 30 seconds.", {"duration": 30}),
        ("Forearm Plank", "Mon, 3 Jun 2024 Set 1 45 seconds.", {}),
        ("Swing City", "EMOM 10 minutes: 15 KB swings.", {"sets": 10, "reps": 15}),
        ("Clamshell", "Exercise 3 of 5 Clamshell. Do this 15 times.", {"times": 15}),
        ("Front Squats With Two Kettlebells", "Clean 2 kettlebells to your shoulders.", {}),
        ("Mountain Climbers", "HIIT CIRCUIT — STATION 4 MOUNTAIN CLIMBERS", {}),
        ("Leg Press", "A1 45 degrees Leg Press. Keep your back flat.", {}),
        ("Kettlebell Swing", ">> 15 SWINGS x 5 SETS", {"sets": 5, "reps": 15}),
        ("Slam Dunk", "5 rounds for time: 15 med ball slams, 200 m run.", {"sets": 5, "reps": 15}),
        (
            "Swing Standards",
            "Scale: lighter bell, or 10 swings a minute. EMOM 10: 15 swings.",
            {"sets": 10, "reps": 15},
        ),
        (
            "Battle Rope Waves",
            "Try 30 seconds of waves followed by 30 seconds of rest, six times through.",
            {"sets": 6, "time": 30, "rest": 30},
        ),
    ],
)
def test_a_count_of_the_exercise_by_its_name_is_reps(write_doc, title, line, found):
    doc = write_doc("n.md", f"# {title}\n\n1. Stand tall.\n2. Lift your arms.\n\n{line}\n")
    assert prescribed(parse_file(doc)) == found


@pytest.mark.parametrize(
    "line",
    [
        "Repetitions: 15    Sets: 3    Hold: 2 s    Rest: 30 s    Side: both sides",
        "Repetitions: 15\tSets: 3\tRest: 30 s",
    ],
)
def test_an_exports_row_of_spaced_fields_is_read_field_by_field(write_doc, line):
    """A physio export spaces its fields apart; "15    Sets: 3" is not 15 sets."""
    doc = write_doc("c.md", f"# Clamshell\n\n1. Lift the top knee.\n2. Lower it.\n\n{line}\n")
    held = {"hold": 2} if "Hold: 2 s" in line else {}  # a rep's hold, from its field
    assert analyse(parse_file(doc)).prescription == {"sets": 3, "reps": 15, "rest": 30} | held


@pytest.mark.parametrize(
    ("front", "found"),
    [
        ('dose: "3 x 8-12, rest 90 s"', {"sets": 3, "reps": (8, 12), "rest": 90}),
        (
            "default_dose:\n  sets: 3\n  reps: 8-10 per leg\n  rest: 90s",
            {"sets": 3, "reps": (8, 10), "rest": 90},
        ),
        ("prescription:\n  sets: 4\n  rest_seconds: 90", {"sets": 4, "rest": 90}),
        (
            "default_prescription:\n  sets: 5\n  reps: 5\n  rest_seconds: 180",
            {"sets": 5, "reps": 5, "rest": 180},
        ),
        ("category: strength\nlast_edited: 2024-03-02", {}),
        (
            "default_sets: 3\ndefault_reps: 10\nrest_seconds: 45",
            {"sets": 3, "reps": 10, "rest": 45},
        ),
    ],
)
def test_a_dose_written_in_the_front_matter_is_read_as_its_text(write_doc, front, found):
    doc = write_doc("d.md", f"---\n{front}\n---\n# Squat\n\n1. Squat down.\n2. Stand up.\n")
    assert analyse(parse_file(doc)).prescription == found


@pytest.mark.parametrize(
    ("front", "found"),
    [
        ("reps_per_side: 8", {"reps": 8, "per_side": True}),
        ("default_hold_seconds: 30", {"hold": 30}),
        ("work: 40s\nrest: 20", {"duration": 40}),  # rest is a setting, read apart
    ],
)
def test_an_apps_own_names_for_a_dose_are_read(write_doc, front, found):
    doc = write_doc("a.md", f"---\n{front}\n---\n# Bird Dog\n\n1. Reach.\n2. Return.\n")
    assert prescribed(parse_file(doc)) == found


@pytest.mark.parametrize(
    "step",
    [
        "Do all 8 on the left, then swap the dumbbell over and do 8 on the right.",
        "Stay for 8 to 10 slow breaths, or about a minute.",
        "Do 15, then turn over and do the other side.",
        "Walk back to the start (about 30 seconds) and go again.",
        "Do 15, then turn over.",
        "Do 5 slowly.",
        "After 10 circles, change direction and make 10 circles the other way.",
        "Continue alternating for 10 on each side.",  # not "Continue alternating for."
    ],
)
def test_a_count_said_in_the_steps_own_words_is_left_whole(step):
    assert unspoken(step) == step


def test_a_rest_in_brackets_is_not_said_in_the_step():
    step = "Jump onto the box, with full rest (about 90 seconds) between sets, and land softly."

    assert unspoken(step) == "Jump onto the box, and land softly."


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (  # a physio sheet's dose line over a long rule of dashes is not a heading
            "# Hamstring Stretch\n\n1. Lie on your back.\n2. Raise the leg with the strap.\n\n"
            "Hold: 30 seconds        Repeat: 3 times        Complete: 2 times a day\n"
            + "-" * 60
            + "\nNotes: keep the other leg down.\n",
            {"hold": 30, "sets": 3, "daily": True},
        ),
        (  # the work's time in a list item of its own
            "# Farmers Carry\n\n4 rounds:\n\n- 45 sec farmers carry\n- 90 sec rest\n\n"
            "## How to\n\n1. Pick up the bells.\n2. Walk tall with short steps.\n",
            {"sets": 4, "duration": 45, "rest": 90},
        ),
        (  # a target left under the tips
            "# Hammer Curl\n\n## Instructions\n1. Curl the dumbbells up.\n2. Lower them.\n\n"
            "## Tips\n- Elbows stay pinned to your ribs.\n\n"
            "Default target: 3 sets × 12 reps · Rest 60 s\n",
            {"sets": 3, "reps": 12, "rest": 60},
        ),
        (  # the main set, after a warm-up's pickups
            "# Bike Sprints\n\nSprints on the bike.\n\n## Session\n\n"
            "Spin easy. Include 2 sets of 10 seconds pickups.\n\n"
            "Main set: 8 rounds of 30 seconds on and 90 seconds off.\n\n"
            "## How to\n\n1. Pedal hard.\n2. Spin easy.\n",
            {"sets": 8, "duration": 30, "rest": 90},
        ),
        (  # "Repeat 8 times" in the plan and in a step: read once
            "---\ndescription: Air bike sprints, 8 sets of 20 seconds, 40 seconds easy.\n---\n"
            "# Air Bike Sprints\n\n## Programming\nRepeat 8 times.\n\n"
            "## Execution\n1. Sprint all out for 20 seconds.\n2. Repeat 8 times.\n",
            {"sets": 8, "duration": 20, "rest": 40},
        ),
        (  # a program sheet lined up with spaces: this exercise's row
            "# Goblet Reverse Lunge\n\nOrder  Exercise                Sets x Reps   Rest\n"
            "A1     Trap Bar Deadlift       4 x 5         2-3 min\n"
            "B1     Goblet Reverse Lunge    3 x 8         60 s\n"
            "B2     Side Plank              3 x 30 s      30 s\n\n"
            "## How to\n\n1. Step back and lower the knee.\n2. Drive up through the front heel.\n",
            {"sets": 3, "reps": 8, "rest": 60},
        ),
        (  # a program sheet's row that most names the exercise, under a "#" column
            "# Alternating Reverse Lunges\n\n| # | Exercise | Sets x Reps | Rest |\n"
            "|---|---|---|---|\n| A | Trap bar deadlift | 4 x 5 | 2-3 min |\n"
            "| B1 | DB alternating reverse lunge | 3 x 8 | 60 s |\n\n"
            "## How to\n\n1. Step back and lower the knee.\n2. Drive up through the front heel.\n",
            {"sets": 3, "reps": 8, "rest": 60},
        ),
        (  # the row named as the title shortens it: "SCAP PUSH-UPS", "Scapular push-up"
            "# SCAP PUSH-UPS\n\n| # | Exercise | Dose | Rest |\n|---|---|---|---|\n"
            "| 1 | Streamline squat | 2 x 15 | 30 s |\n| 2 | Scapular push-up | 3 x 12 | 45 s |\n"
            "| 3 | Band pull-apart | 2 x 20 | 30 s |\n\n"
            "## How to\n\n1. Let your chest sink.\n2. Push the floor away.\n",
            {"sets": 3, "reps": 12, "rest": 45},
        ),
        (  # an export's dose lines over a rule of "=" are not a heading
            "# Seated Hamstring Stretch\n\n1. Sit with one leg straight.\n2. Hinge forward.\n\n"
            "Hold: 30 seconds\nRepetitions: 3\nRest: 15 seconds\nNotes: gently (first 72 hours).\n"
            + "=" * 40
            + "\n",
            {"sets": 3, "hold": 30, "rest": 15},
        ),
        (  # an app's log, one row a set: the sets counted, the reps spanned
            "# Pec Deck Fly\n\n## Your plan\n\n| Set | Reps | Weight | Rest |\n|---|---|---|---|\n"
            "| 1 | 12 | 25 kg | 60 s |\n| 2 | 12 | 25 kg | 60 s |\n| 3 | 10 | 30 kg | 60 s |\n\n"
            "## Instructions\n\n1. Bring the handles together.\n2. Let them travel back.\n",
            {"sets": 3, "reps": (10, 12), "reps_per_set": (12, 12, 10), "rest": 60},
        ),
        (  # the same log lined up with spaces, its rest on a timer
            "# Bulgarian Split Squat\n\nRest Timer: 1min 30s\n\nSET    KG     REPS\n"
            "1      12     10\n2      12     10\n3      12     10\n\n"
            "1. Lower the back knee.\n2. Drive up through the front heel.\n",
            {"sets": 3, "reps": 10, "rest": 90},
        ),
        (  # a log's sets on lines of one paragraph, each "weight x reps"
            "# Bulgarian Split Squat\n\nRest Timer: 1min 30s\nSet 1: 12 kg x 10\n"
            "Set 2: 12 kg x 10\nSet 3: 14 kg x 8\nSet 4 [Failure]: 14 kg x 8\n\n"
            "1. Lower the back knee.\n2. Drive up through the front heel.\n",
            {"sets": 4, "reps": (8, 10), "reps_per_set": (10, 10, 8, 8), "rest": 90},
        ),
        (  # a table of weeks: week 1 is today's; the warm-up row prescribes nothing
            "# Front Squat\n\n| Week | Sets x Reps | Rest |\n|---|---|---|\n"
            "| Warm-up | 10 min easy | - |\n| 1 | 3 x 6-8 | 2 min |\n| 2 | 4 x 6 | 3 min |\n\n"
            "## Execution\n\n1. Sit down between your heels.\n2. Stand up.\n",
            {"sets": 3, "reps": (6, 8), "rest": 120},
        ),
        (  # a pyramid: a set for each count, the reps spanning them
            "# One-Arm Row\n\n1. Row the dumbbell to your hip.\n2. Lower it.\n\n"
            "Pyramid: 12 / 10 / 8 / 6, going heavier each set. Rest 90 sec between sets.\n",
            {"sets": 4, "reps": (6, 12), "reps_per_set": (12, 10, 8, 6), "rest": 90},
        ),
        (  # a test put as a question is not the dose
            "# Pistol Squat\n\n1. Can you do 20 deep squats with your heels down? If not, "
            "start there.\n2. Sit down on one leg.\n3. Stand up.\n\n"
            "Dose: 3 sets of 3 to 5 reps per leg.\n",
            {"sets": 3, "reps": (3, 5)},
        ),
        (  # a dose asked for ("Do 3 rounds") before one told in passing ("for twelve rounds")
            "# Jump Rope\n\nSkipping keeps you light on your feet for twelve rounds.\n\n"
            "## How to\n\n1. Turn the rope with your wrists.\n2. Jump as it reaches your feet.\n"
            "3. Do 3 rounds of 2 minutes, resting 1 minute.\n",
            {"sets": 3, "duration": 120, "rest": 60},
        ),
        (  # a dose done before ("Last week we did ...") after today's, told without a verb
            "Hey team,\n\nLast week we did step-ups (3x15) and your knees felt it.\n\n"
            "This week: reverse lunges.\n\n- Step back.\n- Push through your front heel.\n\n"
            "3 x 8 per leg, rest 75 seconds.\n",
            {"sets": 3, "reps": 8, "rest": 75},
        ),
        (  # "figure-4" names the stretch, it counts nothing
            "# Figure Four Stretch\n\n*Lying figure-4 stretch*\n\n1. Lie on your back.\n"
            "2. Cross your ankle over your knee.\n3. Hold and breathe.\n",
            {},
        ),
        (  # a flashcard export's header lines are not its text
            "#separator:tab\n#html:true\n#tags column:4\nCalf stretch\t<ol><li>Face a wall.</li>"
            "<li>Step one leg back.</li><li>Lean in and hold.</li></ol>\tstretching calf\n",
            {},
        ),
        (  # an app's log: what was done before is not today's count
            "# Split Squat\n\nRest Timer: 1min 30s\n\nSET    PREVIOUS       KG     REPS\n"
            "1      10 kg × 9      12     10\n2      10 kg × 8      12     10\n\n"
            "1. Lower the back knee.\n2. Drive up through the front heel.\n",
            {"sets": 2, "reps": 10, "rest": 90},
        ),
    ],
    ids=[
        "dose-over-a-rule",
        "rounds-list",
        "target-under-tips",
        "main-set",
        "said-twice",
        "program-sheet",
        "program-sheet-by-words",
        "program-sheet-by-word-starts",
        "dose-over-equals",
        "set-log",
        "spaced-log",
        "log-in-one-paragraph",
        "weeks",
        "pyramid",
        "question",
        "asked-first",
        "done-before",
        "figure-4",
        "flashcard-header",
        "log-with-previous",
    ],
)
def test_what_a_whole_document_prescribes(write_doc, text, found):
    assert analyse(parse_file(write_doc("doc.md", text))).prescription == found


@pytest.mark.parametrize(
    ("heading", "line", "found"),
    [
        ("Wall Sit 3x45s", "", {"sets": 3, "hold": 45}),
        ("Goblet Squat 3X10", "", {"sets": 3, "reps": 10}),
        ("Goblet Squat", "Do 3X10, tempo 31X1.", {"sets": 3, "reps": 10, "tempo": tuple("31X1")}),
        ("Goblet Squat 3X10", "This week: 4 sets of 8.", {"sets": 4, "reps": 8}),  # the text wins
        ("DB Bench Press 4x6-8 @RPE8", "", {"sets": 4, "reps": (6, 8)}),
    ],
)
def test_a_dose_in_the_title_is_read_after_the_texts(write_doc, heading, line, found):
    text = f"# {heading}\n\n1. Stand tall.\n2. Slide down and stay there.\n\n{line}\n"
    assert analyse(parse_file(write_doc("t.md", text))).prescription == found


@pytest.mark.parametrize(
    ("line", "found"),
    [
        ("AMRAP in 8 minutes.", {"duration": 480}),
        ("10 min AMRAP: burpees.", {"duration": 600}),
        ("3 x 1'30\" hold, rest 90s.", {"sets": 3, "hold": 90, "rest": 90}),
        ("Hold 60 seconds and repeat the whole thing twice.", {"sets": 2, "hold": 60}),
        ("3 to 5 repetitions of 30 to 60 s.", {"sets": (3, 5), "time": (30, 60)}),
        ("Do 10 reps of 3 seconds each.", {"reps": 10}),  # a pause in each rep
        ("4010 tempo, 4 x 6.", {"tempo": ("4", "0", "1", "0"), "sets": 4, "reps": 6}),
        ("Tempo 3-1-1.", {"tempo": ("3", "1", "1")}),
        ("Interval: work 40 sec / rest 20 sec", {"duration": 40, "rest": 20}),
        ("Work 40 seconds rest 20 seconds.", {"duration": 40, "rest": 20}),  # rest's own time
        ("20s hold / 10s rest → 30s / 10s → 40s / 10s.", {"hold": 20, "rest": 10}),
        ("3 hard sets of 8.", {"sets": 3, "reps": 8}),
        ("2 gentle sets, 12 slow reps.", {"sets": 2, "reps": 12}),
        ("2 easy sets, then 3 hard sets of 6.", {"sets": 3, "reps": 6}),  # not the warm-up's
        ("10 circles in each direction, 4 times a day.", {"reps": 10}),
        ("Use a 31X1 tempo.", {"tempo": ("3", "1", "X", "1")}),
    ],
)
def test_a_whiteboards_and_a_coachs_shorthand(line, found):
    read: dict = {}
    read_sentence(speakable(line), read)
    assert read == found


def test_ten_per_leg_of_alternating_work_is_ten_on_each_leg(write_doc):
    text = (
        "# Alternating Step-Up\n\n1. Step up onto the box.\n2. Step back down.\n"
        "3. Alternate legs each rep.\n\n3 sets, alternate legs, 10 per leg.\n"
    )
    lines = spoken_lines(load(write_doc("s.md", text), {}).script)
    assert (lines.count("Ten."), lines.count("Eleven.")) == (3, 0)
    assert lines.count("Right.") == 3 * 10  # and as many steps on the left leg


def test_a_whiteboards_every_minute_count_is_reps_and_its_cool_down_is_not_this_work(write_doc):
    text = (
        "WOD — TUES 14 MAY\n\nWARM-UP: 400m row, 10 air squats\n\n"
        "EMOM 10:\n12 KB SWINGS (24/16 kg)\n\n"
        "- hike the bell back between legs\n- snap hips thru, bell floats to chest height\n"
        "- let it fall back, hinge & repeat\n\nCOOL DOWN: couch stretch 1:00 E/S\n"
    )
    movement = analyse(parse_file(write_doc("wod.md", text)))
    assert (movement.work, movement.sides) == ("reps", "both")
    assert movement.prescription == {"sets": 10, "reps": 12}
