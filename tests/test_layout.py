"""Steps written in other ways than a markdown list: HTML, "Step 1:" paragraphs, lettered
items, definition lists, a quoted list, or no list at all."""

from __future__ import annotations

import re

import pytest

from audio_builder.reading.document import parse_file
from audio_builder.reading.layout import as_markdown
from audio_builder.reading.movement import analyse
from audio_builder.reading.prescription import prescribed

HTML = """<h2>Floor Press</h2>
<p>A friendly chest builder.</p>
<h3>What you need</h3>
<ul>
  <li>Two dumbbells</li>
  <li>A mat</li>
</ul>
<h3>Step-by-step</h3>
<ol>
  <li>Lie back with a dumbbell on each side of your chest.</li>
  <li>Press both dumbbells up&mdash;arms straight.</li>
  <li>Lower them until your upper arms touch the floor.</li>
</ol>
"""

STEP_PARAGRAPHS = """# Sumo High Pull

A conditioning staple.

Step 1: Stand wide with the kettlebell between your feet.

**Step 2 —** Drive through your heels and pull the bell to your chin.

Step 3: Lower the bell along the same path.

I program these as 4 sets of 12.
"""

CHAT_LOG = """[21:02] <kbnoob> ok so apparently my swings look like squats. help
[21:03] <coach> its a hinge not a squat
[21:04] <coach> 1) bell on the floor a foot in front of you
[21:04] <coach> 2) push hips back and grab the handle
[21:05] <coach> 3) snap the hips forward and stand tall
[21:06] <kbnoob> ty
"""

BOT_LINE = """[19:02:15] <streamer> ok stretch break chat
[19:02:16] <viewer> STRETCH ARC
[19:02:17] <Nightbot> WRIST STRETCH → Step 1: Arm straight out, palm up | Step 2: Pull \
the fingers back | Step 3: Hold 15 seconds
[19:02:40] <viewer> oh
"""

NUMBERED_IN_BRACKETS = """TOOLBOX TALK: Neck side stretch

KEY POINTS TO DELIVER
 (1) Stand tall, feet hip width, arms relaxed by your sides.
 (2) Slowly tilt your head to bring your right ear toward your right shoulder.
     Do not lift the shoulder up to meet it.
 (3) Hold for 15 seconds.
"""

CAROUSEL = """SISSY SQUATS 🔥

Slide 2️⃣ Hold onto a rack with one hand, come up onto your toes
Slide 3️⃣ Push your knees forward and lean back
Slide 4️⃣ Drive the knees back to stand tall
"""

CSV_EXPORT = """Exercise Library (export).csv

ID,Exercise,Step,Instruction,Default Work,Default Rest,Default Rounds
EX-031,Jump Rope,1,"Hold a handle in each hand, rope behind you",40 s,20 s,8
EX-031,Jump Rope,2,"Turn the rope over your head with your wrists",,,
EX-031,Jump Rope,3,"Jump just high enough for the rope to pass under",,,
"""

MEDIAWIKI = """{{Infobox exercise
| name = Standing hamstring stretch
}}
The '''standing hamstring stretch''' is a [[static stretching|static stretch]].<ref>K.</ref>

== Technique ==
# Stand facing a low step and place one heel on it.
# Hinge forward from the hips until you feel a stretch.
# Hold the stretch without bouncing.

== See also ==
* [[Seated hamstring stretch]]
"""

CHEVRON_LINES = """B2. LANDMINE PRESS
    3 x 6-8 / arm    rest 75s

 >> kneel with the right knee down
 >> bring the bar to your right shoulder
 >> press up and forward till the arm is long
 >> lower back to the shoulder
"""

DASHED_LINES = """Landmine press, from the clinic:

– kneel with the right knee down
– bring the bar to your right shoulder
– press up and forward till the arm is long
"""

HOW_TO_PARTS = """# How to Do the Open Book Stretch

## Part 1 of 2: Getting Into Position

1. **Lie on your side.** Rest your head on a pillow.
2. **Bend your hips and knees.** Stack your knees.

## Part 2 of 2: Doing the Stretch

1. **Open your top arm like a book.** Turn your chest to the ceiling.
2. **Close the book.** Bring the arm back over.
"""

HOW_TO_METHODS = """# How to Do a Reverse Lunge

**Method 1 of 2: Bodyweight**

1. **Stand with your feet hip-width apart.** Chest up.
2. **Step back and lower the back knee.** Keep the front shin vertical.
3. **Push through your front heel.** Return to standing.
4. **Do 2 to 3 sets of 10 reps.** Beginners can start with one set.

**Method 2 of 2: Adding Weight**

1. **Hold a dumbbell in each hand.** Let them hang.
2. **Lunge as before.** Keep the weights still.
"""

CUE_LINES = """single leg RDL (KB) - my notes

KB in R hand, stand on L leg, soft knee
hinge: hips back, R leg floats back, bell slides down the shin
stop when the hamstring pulls, pause 1s
drive hips fwd + squeeze the glute to stand

mon: 3x8 each leg @ 12kg, 60s rest
"""

PLACARD = """STATION 7 — CABLE FACE PULL

ROPE ATTACHMENT • PULLEY AT FOREHEAD HEIGHT

SET THE PULLEY, GRAB THE ROPE, STEP BACK TILL ARMS ARE STRAIGHT
PULL THE ROPE TO YOUR FACE
SQUEEZE SHOULDER BLADES 1 SEC
RETURN SLOWLY

2–3 SETS x 15–20 REPS
"""

JSON_RECORD = """raw export from our exercise API:

```json
{
  "id": 4821,
  "name": "Half-Kneeling Landmine Press",
  "equipment": ["barbell", "landmine attachment"],
  "instructions": [
    "Kneel on your right knee and hold the bar at your right shoulder.",
    "Press the bar up and forward until your arm is straight.",
    "Lower the bar back to your shoulder."
  ],
  "default_prescription": {"sets": 3, "reps_per_side": 8, "rest_seconds": 90},
  "tips": ["Don't lean back."]
}
```
"""

CODE_CHECKLIST = """```
TURKISH GET-UP -- NORMAL PROCEDURE

PREFLIGHT
  Area ..................................... CLEAR
  Kettlebell ............................... LIGHT

PROCEDURE
   1. Lie on left side, grip bell in both hands ....... PULLED TO CHEST
   2. Roll onto back, press bell to ceiling ........... ARM LOCKED
   3. Roll up onto left elbow ......................... CHEST PROUD
```
"""

INTRO_THEN_LIST = """# Alternating Curl

## How to use: alternating biceps curl

New to dumbbells? The alternating curl is the first move we recommend.

1. Stand tall with a dumbbell in each hand.
2. Curl the right dumbbell up toward your shoulder.
3. Lower it slowly and curl the left one.
"""

PARAGRAPH_STEPS = """# Cable Kickback

## How to do a cable kickback

**1. Strap in.** Attach an ankle strap to the low pulley.

**2. Get in position.** Face the machine and hold the frame.

**3. Kick back.** Kick your left leg back and up behind you.

Lee recommends 3 sets of 12 to 15 reps per leg.

[ADVERTISEMENT]

**You May Also Like:**
- 7 Booty Band Moves You Can Do From Your Couch
- Is Walking Actually Better Than Running?
"""

SCANNED = """CLAMSHELL

l. Keeping your feet touching, lift your top knee.
2. Pause for 2 seconds at the top.
3. Slowly lower the knee back down.
"""

TEAM_SHEET = """Week 3 — Lower B

| # | Exercise | Sets | Reps | Coach notes |
|---|----------|------|------|-------------|
| A1 | RDL | 3 | 8-10 | 1) Stand tall 2) Push the hips back 3) Drive the hips forward |

Straps OK on the last set.
"""

WIKI_PAGE = """h1. Doorway Chest Stretch

{info:title=From the health team}
Part of our Desk Reset series.
{info}

h2. What you need
* A doorway

h2. How to do it
# Stand in the doorway with your arms raised like a goalpost.
# Place your forearms flat against the frame.
# Step through and lean your chest forward.
# Hold the stretch for a few slow breaths.

h2. Related pages
* [Desk Reset #3: Chin Tucks|Desk Reset 3]
"""

ORG_NOTES = """#+TITLE: Lower B notes
#+STARTUP: overview

* Main lift
  nothing new this week

* TODO Single-leg RDL                                     :hinge:unilateral:
  SCHEDULED: <2024-04-09 Tue>
  :PROPERTIES:
  :SETS:     3
  :REPS:     8 each leg
  :REST:     75s
  :END:

   1. Stand on the left leg, soft knee, dumbbell in the right hand.
   2. Hinge: push the hips back until the dumbbell is at mid-shin.
   3. Drive the left heel into the floor to stand tall.

** DONE Hip thrust
   CLOSED: [2024-04-05 Fri 18:20]
"""

TITLED_STEPS = """# Goblet Squat

Step 1: Set up

Hold the bell at your chest, elbows tucked.

Step 2: Squat down

Sit down between your heels.

Step 3: Stand up

Drive through your whole foot.

Questions? Email me.
"""

BILINGUAL_STEPS = """WALL SIT

Cam 1: Sefwch â'ch cefn yn erbyn y wal.
Step 1: Stand with your back against the wall.

Cam 2: Llithrwch i lawr y wal.
Step 2: Slide down the wall until your knees are bent.

Cam 3: Daliwch y safle.
Step 3: Hold the position.
"""

LETTERED = """# Bear-Hug Carry

**What you'll do**

a) Stand over the bag.
b) Squat down and wrap your arms around it.
(c) Stand up with the bag.
d) Walk forward with short steps.
"""

DEFINITIONS = """Seated Arnold Press
===================

Equipment
:   A pair of dumbbells
:   A bench

Method
------

Set-up
:   Sit tall with the dumbbells at your shoulders.

Rotate & press
:   Press the weights up, turning your palms forward.

Return
:   Lower the bells back to your shoulders.

Dosage
:   3 × 8–12, 90 sec between sets

Watch for
:   The lower back peeling off the pad.
"""

QUOTED = """# Step-Down

Her notes, pasted as she sent them:

> 1. Stand on a low step on your right foot.
> 2. Bend the right knee and lower the left heel to the floor.
> 3. Straighten back up to the start.
>
> — P.
"""

CLASS_SHEET = """# Back Step

**Before you start**

- A sturdy chair with no wheels
- Flat shoes with a good grip

**Let's do it**

1. Stand tall behind the chair, hands on its back.
2. Step back with your right foot.
3. Bring the right foot forward to meet the left.
"""

PAGE_BREAK = """How to perform the stretch

1. Stand side-on in the doorway.
2. Place the forearm flat against the frame.
3. Step forward until you feel a stretch across the front of the

Wellbeing Guide 2023 · page 23

   shoulder and chest.
4. Hold the position and breathe normally.
5. Step back out of the doorway.
"""

WORD_BULLETS = """CALF STRETCH AGAINST A TREE

•	Find something solid and put both hands on it.
•	Take a big step back with your right foot.
•	Lean your hips towards the tree and hold for 30 seconds.
"""

SPREADSHEET = (
    "Block 2 - LOWER B\t\t\t\n"
    "Exercise\tOrder\tInstruction\tNotes\n"
    "Barbell RDL\t1\tStand tall, soft knees, brace hard\tribs down\n"
    "Barbell RDL\t2\tPush hips back, bar slides down the thighs\tshins vertical\n"
    "Barbell RDL\t3\tDrive hips forward to stand back up\tsqueeze glutes\n"
    "\t\t\t\n"
    "Sets\tReps\tRest\n"
    "3\t8\t2:00\n"
)

TABLE_THEN_TIPS = """Thread the Needle

| Step | What to do | My cue |
|------|------------|--------|
| 1 | Start on all fours, hands under your shoulders. | "Stack the joints" |
| 2 | Reach your right arm up towards the ceiling. | "Open the book" |
| 3 | Thread it under your left arm until your shoulder rests on the mat. | "Slide" |

A few things I wish I'd known sooner:
- Put a cushion under your head if your shoulder doesn't reach the floor.
- Keep your hips over your knees.
"""

NUMBERED_WITHOUT_DOTS = """Rear-Foot-Elevated Split Squat

SET   PREVIOUS       KG     REPS
1     10 kg × 10     12     10
2     10 kg × 10     12     10

INSTRUCTIONS
1 Stand about two steps in front of a bench.
2 Reach one foot back and rest it on the bench.
3 Lower your back knee toward the floor.
4 Drive through your front heel to stand back up.
"""

COUNTS = """Relevés in first

Face the barre, both hands resting lightly on it.

Counts:
1–2    rise through demi-pointe to full relevé
3–4    stay up and find the balance
5–6    lower with control, heels down to the floor
"""

CHANGELOG = """# Push-up cues

### Changed
- **Hands:** "under shoulders" became "a bit wider than shoulders"
- **Elbows:** now "point back toward your hips"

## Current cue sequence

1. Hands on the floor, a bit wider than your shoulders.
2. Walk your feet back into a high plank.
3. Lower as one piece until your chest touches your fist.
4. Push the floor away until your arms are straight.
"""

PROSE = """# Lizard Pose

*Hip-opener, week 3.*

Step the right foot forward to the outside of your right hand, and lower the back knee.

And now we stay. Hold here for ten slow breaths.

Press back up onto your hands and step back to downward dog.

*Teacher's note: offer a blanket under the back knee.*
"""


INLINE = """# KB swings

Kettlebell day! (1) stand over the bell, feet wide (2) hike it back between your legs
(3) snap the hips and float it up to chest height. 10 sets of 10.
""".replace("legs\n", "legs ")

ARROWS = """# couch stretch

for the run club, before the long run:

kneel by a wall → slide the back knee into the corner → squeeze the glute → hold 60 s
"""

THREAD = """1/4 Side planks are underrated. A thread.

2/4 Lie on your side, elbow under your shoulder.

3/4 Lift your hips until your body is a straight line and hold.

4/4 3 rounds of 30 s per side. Follow for more!
"""

CAPTIONS = """1
00:00:01,000 --> 00:00:04,000
Hey guys, welcome back. Today: the glute bridge.

2
00:00:04,500 --> 00:00:07,000
Lie on your back with your knees bent.

3
00:00:07,500 --> 00:00:10,000
Drive your hips up and squeeze.
"""


EMAIL = """Hi Dan,

Here's the rundown for the carries.

First, set the two kettlebells just outside your feet. Hinge down and grab the handles.
Then take a second to get tall and brace. Then walk, with short, quick steps. Finally,
when the time's up, stop and set them down the way you picked them up.

Do three rounds of 40 seconds, with about a minute's rest between.

Cheers, Maria
"""

HANDOUT = """**Home Exercise Programme**

### Exercise 3 of 5 – Side-lying Clamshell

Purpose: To strengthen the side of your hip, which helps control your knee when walking,
running and using the stairs.

Starting position: Lie on your side with your hips and knees bent.

Action: Keeping your feet together, lift your top knee.

Return: Lower the knee slowly back down.
"""

CHAT = """Sam: hey coach, how do i do the wall one again
Coach: Stand with your back flat against a wall
Coach: Then slide your back down the wall till your thighs are level
Sam: like an invisible chair?
Coach: Exactly. Then just hold it there and breathe
"""

CHAT_EXPORT = """[18:42, 09/04/2024] Dani: ok so the split squats
[18:43, 09/04/2024] Dani: back foot up on the bench behind you
[18:43, 09/04/2024] Dani: then drop straight down till your back knee nearly touches
[18:45, 09/04/2024] Sam: kk ty!! will try tmrw
[18:46, 09/04/2024] Dani: ya thats normal
"""

CHAT_NAMES_WITH_EMOJI = """[02/06/2024, 07:10] Mo 🚴‍♂️: which bridge did you mean
[02/06/2024, 07:12] Priya (PT): lie on your back, knees bent, feet flat
[02/06/2024, 07:12] Priya (PT): push through your heels and lift your hips till they line up
[02/06/2024, 07:13] Priya (PT): then lower slowly back to the mat
[02/06/2024, 07:15] Mo 🚴‍♂️: got it 👍
"""

GROUP_CHAT_EXPORT = """[03/09/2024, 18:20] Coach Ana: Tonight's homework: wall push ups
1) stand facing a wall and put your hands on it at shoulder height
2) bend your elbows and bring your chest toward the wall
3) push back until your arms are straight
[03/09/2024, 18:21] Ben: how many
[03/09/2024, 18:22] Coach Ana: 3 sets of 12
[03/09/2024, 18:22] Chloe: <Media omitted>
[03/09/2024, 18:23] Dev: ok!
"""

ARROW_BULLETS = """Exercise 4.3: Alternating Dumbbell Lunge

HOW TO DO IT

→ Stand tall with a dumbbell in each hand.
→ Take a big step forward with your right foot.
→ Lower your back knee toward the floor.

Do 3 sets of 10 lunges per leg.

▸ Turn to page 58 for Exercise 4.4: Glute Bridge
"""

TILDE_BULLETS = """How to do it:
~ Stand with your back flat against the wall.
~ Slide down the wall until your knees are bent.
~ Slide back up and shake your legs out.
"""

DIAMOND_BULLETS = """**KNEE TO CHEST**

◆ Sit upright with your feet flat on the floor.
◆ Hug your left knee gently towards your chest.
◆ Lower the foot back to the floor.

Repeat 10 times.
"""

RESTRUCTURED_TEXT = """Execution
---------

#. Hold the kettlebell by the horns against your chest,
   elbows pointing down.
#. Sit down between your heels, keeping the chest up.
#. Drive through the whole foot to stand up.

Common faults
-------------

* Knees caving in -- push them out over the toes.
"""

LATEX = r"""\documentclass{article}
\begin{document}
\section*{Romanian deadlift}
% the lab's warm-up is on sheet 5
\subsection*{Procedure}
\begin{enumerate}
  \item Unrack the bar to a standing position; grip just outside the
        thighs.
  \item Push the hips back and lower the bar along the thighs.
  \item Drive the hips forward to return to upright.
\end{enumerate}
\begin{figure}[h]
  \caption{Start and bottom positions.}
\end{figure}
\textbf{4} sets $\times$ \textbf{6--8} repetitions, \SI{120}{\second} rest.
\end{document}
"""

BBCODE = """[quote="dave"]No pull-up bar, what can I do for back??[/quote]

Inverted rows mate. [b]How I set them up:[/b]

[list=1]
[*]Set a bar in the rack at about hip height.
[*]Lie underneath it and grab it overhand.
[*]Pull your chest up to the bar.
[/list]

[color=red][b]Don't[/b][/color] let the hips drop first. [url=https://example.com]Log[/url]
"""

ASCIIDOC = """= Push-Up
:page-level: beginner

== Equipment

* floor space

== Technique

. Kneel down and place your hands just wider than your shoulders.
. Bend your elbows and lower your chest toward the floor.
. Press the floor away until your arms are straight again.
"""

BOT_STEPS = """**📋 Steps**
`1.` Attach a rope to the high pulley.
`2.` Push the rope down until your arms are straight.
`3.` Let the rope come back up slowly.
"""

ROMAN = """7.2 Performing the one-arm snatch

Hike the bell back between the legs, as in the swing. Then:

   i.   Drive the hips forward and let the bell float up close to the body.
   ii.  Punch the hand up through the handle.
   iii. Lock out overhead, biceps by the ear.
   iv.  Drop the bell into the backswing.
"""

TRANSCRIPT = """[Transcript — How To Do A Pull-Up]

00:00 What's up guys, welcome back to the channel.
00:21 So first thing, grab the bar with an overhand grip.
00:52 From there, drive your elbows down and pull until your chin clears the bar.
01:18 And then lower yourself all the way down.
"""

KEYCAPS = """90/90 HIP SWITCHES 🔥

1️⃣ Sit on the floor with both knees bent 👣
2️⃣ Rotate both knees over to the right
3️⃣ Come back up through the middle
"""

CIRCLED = """Wall Slide

① Stand with your back to the wall.
② Slide down until your knees bend.
③ Slide back up.
"""

EMOJI_LINES = """🦩 FLAMINGO BALANCE! 🦩

Find your own space!

👀 Eyes on a spot that isn't moving!
✈️ Arms out wide like wings!
🦵 Lift one foot up and tuck it by your other knee!
"""


THREAD_LINES = """1/4
Goblet squats, a quick thread.

2/4
Hold one dumbbell against your chest.

3/4
Sit down between your heels, then stand back up.

4/4
Dosage: 3x10, rest 90 s between sets.
"""

TOGGLES = """# Side Plank

> 💡 **Dose:** 3 × 20–30 s per side, 30 s rest between sets

- ▸ Step 1 — Set up

    Lie on your right side, elbow under your shoulder.

- ▸ Step 2 — Hold

    Lift your hips and hold it there.
"""

CLASS_SCRIPT = """Roll Up, mat class

Lie long, arms reaching up to the ceiling.

Inhale to prepare.

Exhale, peel the spine up off the mat, one vertebra at a time.

(walk round, check nobody is gripping with the neck)

Exhale, roll back down with control.
"""

DRILL_MANUAL = """EXERCISE 7. SIDE-STRADDLE HOP.

The pupil stands at attention. Count 1 — Spring lightly, landing with the feet apart, and
swing the arms overhead. Count 2 — Spring again and return to attention. Counts 3 and 4 —
Repeat Counts 1 and 2. The exercise is repeated twelve to sixteen times.
""".replace("and\nswing", "and swing").replace("—\nRepeat", "— Repeat")

SCRIPT = """INT. GARAGE GYM - MORNING

Two kettlebells on the floor. MAYA, a coach, watches DEV.

MAYA
Stand between the bells. Feet under your hips.

Dev shuffles in, grips and stands.

MAYA (CONT'D)
Now walk. Short, quick steps.

DEV
(panting)
How long?
"""

OUTLINE = """# Farmer's Carry — Standard Operating Procedure

1. Purpose
   1.1 Build grip strength.
2. Procedure
   2.1 Stand between the implements.
   2.2 Walk forward with short, quick steps.
       2.2.1 Eyes on the cone at the end of the lane.
   2.3 Set the weights down under control.
3. Dosage
   3.1 Complete 4 carries; rest 90 s between carries.
"""

COUNT_LINES = """Exercise 12. The Side-Straddle Hop

Starting position. The pupil stands at attention, arms at the sides.

Count 1 — Spring lightly upward, landing with the feet apart.

Count 2 — Return to the starting position with a second light spring.
"""

SHOUTED = """⭐ STATION 4 ⭐

STAND TALL like a rocket! 🚀
RUN ON THE SPOT — KNEES UP! ⬆️
"""


JAPANESE_LINES = """Post-run stretch: wall calf stretch

やり方 / How to
・壁に向かって立つ。Face the wall, hands on it at shoulder height.
・右足を一歩後ろに引く。Step your right foot back, heel down.
・右のふくらはぎが伸びたところでキープ。Hold where you feel the calf stretch.
"""


STAGED_LISTS = """Pigeon Pose

A deep opener for the outer hip.

Getting into it
- From all fours, slide your right knee forward behind your right wrist.
- Extend your left leg straight back.
- Lower your hips toward the floor and hold for ten breaths.

Coming out
- Tuck your back toes and press back to all fours.
- Switch sides.

Options
- Put a block under the right hip.
- Fold forward over the front shin.
"""


QUOTED_STANDARDS = """Thursday workout
AMRAP 10 min: wall balls

Standards
> Hold the ball at your chest
> Squat until the hips pass the knees
> Drive up and throw the ball to the target
"""


NOTES_AFTER_THE_MOVE = """Side-lying hip lift, home programme

• side lying, forearm under the shoulder
• top foot on a low step
• bottom knee bent
• lift hips up → body straight
• hold, breathing
• lower, swap sides

2 x 15 sec each side

→ stop if it pinches
→ progress: straighten the bottom leg
→ keep doing the band walks too
"""


JOURNAL = """WEEK 9

MON
- groceries
- new move from coach: GOBLET SQUAT
    - hold the bell at your chest
    - sit down between your heels
    - pause at the bottom
    - drive back up to standing
- call mum
- 3 x 10, 90s rest
"""


EMOJI_SQUARES = """Rower finisher

How we do it 👇
▪️ Damper: about 5. Footrests: heel strap over the widest part of the foot.
▪️ Sit tall, feet strapped in.
▪️ Drive with the legs, then lean back and pull.
▪️ Reach forward and slide back in.
▪️ Tempo: easy out, hard back.
"""


DRILL_CARD = """EXERCISE 6 OF 8: FORWARD LUNGE
STARTING POSITION: Straddle stance, hands on hips.

CADENCE: MODERATE
  COUNT 1: Step forward with the LEFT foot and lower the back knee.
  COUNT 2: Push back to the starting position.
  COUNT 3: Step forward with the RIGHT foot and lower the back knee.
  COUNT 4: Push back to the starting position.

CHECK POINTS:
  - Keep the torso upright.
  - Keep the front knee over the ankle.
"""


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        (THREAD_LINES, ["Hold One Dumbbell", "Sit Down"]),
        (TOGGLES, ["Set up", "Hold"]),
        (SHOUTED, ["STAND TALL Like", "RUN"]),
        (OUTLINE, ["Stand Between The Implements", "Walk Forward", "Set The Weights Down"]),
        (SCRIPT, ["Stand Between The Bells", "Now Walk"]),  # the coach's first line sets up
        (DRILL_MANUAL, ["Spring Lightly", "Spring Again", "Repeat Counts"]),
        (CLASS_SCRIPT, ["Lie Long", "Inhale", "Exhale", "Exhale"]),
        (EMAIL, ["Set The Two Kettlebells", "Take A Second", "Walk", "When The Time's Up"]),
        (HANDOUT, ["Starting Position", "Action", "Return"]),
        (CHAT, ["Stand", "Slide Your Back Down", "Exactly"]),
        (CHAT_EXPORT, ["Drop Straight Down Till"]),
        (
            "INSTRUCTIONS\nStep 1\nLie on your back with your knees bent.\nStep 2\nPress your"
            " heels down and lift your hips.\n\nStep 3\n\nLower your hips slowly.\n",
            ["Lie", "Press Your Heels Down", "Lower Your Hips Slowly"],
        ),
        (
            "Glute bridge 🍑 How to: Step 1 lie on your back, knees bent. Step 2 push "
            "through your heels and lift your hips. Step 3 lower slowly. Save this pin!",
            ["Lie", "Push Through Your Heels", "Lower Slowly"],
        ),
        (
            ROMAN,
            [
                "Drive The Hips Forward",
                "Punch The Hand Up",
                "Lock Out Overhead",
                "Drop The Bell",
            ],
        ),
        (TRANSCRIPT, ["So First Thing", "From There", "And Then Lower Yourself"]),
        (ARROW_BULLETS, ["Stand Tall", "Take A Big Step", "Lower Your Back Knee"]),
        (TILDE_BULLETS, ["Stand", "Slide Down The Wall", "Slide Back Up"]),
        (ASCIIDOC, ["Kneel Down", "Bend Your Elbows", "Press The Floor Away"]),
        (BBCODE, ["Set A Bar", "Lie Underneath It", "Pull Your Chest Up"]),
        (LATEX, ["Unrack The Bar", "Push The Hips Back", "Drive The Hips Forward"]),
        (DIAMOND_BULLETS, ["Sit Upright", "Hug Your Left Knee", "Lower The Foot Back"]),
        (
            RESTRUCTURED_TEXT,
            ["Hold The Kettlebell", "Sit Down", "Drive Through The Whole"],
        ),
        (BOT_STEPS, ["Attach A Rope", "Push The Rope Down", "Let The Rope Come"]),
        (EMOJI_LINES, ["Eyes", "Arms Out Wide Like", "Lift One Foot Up"]),
        (KEYCAPS, ["Sit", "Rotate Both Knees", "Come Back Up"]),
        (CIRCLED, ["Stand", "Slide Down", "Slide Back Up"]),
        (INLINE, ["Stand Over The Bell", "Hike It Back", "Snap The Hips"]),
        (
            ARROWS,
            ["Kneel By A Wall", "Slide The Back Knee", "Squeeze The Glute", "Hold 60 Seconds"],
        ),
        (THREAD, ["Lie", "Lift Your Hips"]),
        (CAPTIONS, ["Lie", "Drive Your Hips Up"]),
        (HTML, ["Lie Back", "Press Both Dumbbells Up", "Lower Them"]),
        (STEP_PARAGRAPHS, ["Stand Wide", "Drive Through Your Heels", "Lower The Bell"]),
        (LETTERED, ["Stand Over The Bag", "Squat Down", "Stand Up", "Walk Forward"]),
        (DEFINITIONS, ["Set-up", "Rotate and press", "Return"]),
        (QUOTED, ["Stand", "Bend The Right Knee", "Straighten Back Up"]),
        (PROSE, ["Step The Right Foot", "And Now We Stay", "Press Back Up"]),
        (CLASS_SHEET, ["Stand Tall", "Step Back", "Bring The Right Foot"]),
        (WORD_BULLETS, ["Find Something Solid", "Take A Big Step", "Lean Your Hips"]),
        (SPREADSHEET, ["Stand Tall", "Push Hips Back", "Drive Hips Forward"]),
        (
            TABLE_THEN_TIPS,
            ["Start", "Reach Your Right Arm", "Thread It"],
        ),
        (COUNTS, ["Rise Through Demi-pointe", "Stay Up", "Lower"]),
        (
            NUMBERED_WITHOUT_DOTS,
            [
                "Stand About Two Steps",
                "Reach One Foot Back",
                "Lower Your Back Knee",
                "Drive Through Your Front",
            ],
        ),
        (
            CHANGELOG,
            [
                "Hands",
                "Walk Your Feet Back",
                "Lower",
                "Push The Floor Away",
            ],
        ),
        (TITLED_STEPS, ["Set Up", "Squat Down", "Stand Up"]),
        (SCANNED, ["Keeping Your Feet Touching", "Pause", "Slowly Lower The Knee"]),
        (INTRO_THEN_LIST, ["Stand Tall", "Curl The Right Dumbbell", "Lower It Slowly"]),
        (PARAGRAPH_STEPS, ["Strap", "Get", "Kick Back"]),
        (JSON_RECORD, ["Kneel", "Press The Bar Up", "Lower The Bar Back"]),
        (CODE_CHECKLIST, ["Lie", "Roll", "Roll Up"]),
        (CUE_LINES, ["Kettlebell", "Hinge", "Stop When The Hamstring", "Drive Hips Fwd Plus"]),
        (
            "Step 1\nLie down\nStep 2\nLift your hips\nStep 3\nLower slowly\n",
            ["Lie Down", "Lift Your Hips", "Lower Slowly"],
        ),
        (  # a carousel's slides, transcribed: "SLIDE 2" over what the slide says
            "SLIDE 1\nsetup\nupper back on the bench, feet flat\n\n"
            "SLIDE 2\ndrive\npush through the heel and lift your hips\n\n"
            "SLIDE 3\nlower\nlower under control, then go again\n",
            ["Setup", "Drive", "Lower"],
        ),
        (
            PLACARD,
            ["SET THE PULLEY", "PULL THE ROPE", "SQUEEZE SHOULDER BLADES", "RETURN SLOWLY"],
        ),
        (
            HOW_TO_PARTS,
            [
                "Lie on your side.",
                "Bend your hips and knees.",
                "Open your top arm like a book.",
                "Close the book.",
            ],
        ),
        (
            HOW_TO_METHODS,
            [
                "Stand with your feet hip-width apart.",
                "Step back and lower the back knee.",
                "Push through your front heel.",
                "Do 2 to 3 sets of 10 reps.",
            ],
        ),
        (CHEVRON_LINES, ["Kneel", "Bring The Bar", "Press Up", "Lower Back"]),
        (DASHED_LINES, ["Kneel", "Bring The Bar", "Press Up"]),
        (CHAT_LOG, ["Bell", "Push Hips Back", "Snap The Hips Forward"]),
        (BOT_LINE, ["Arm Straight Out", "Pull The Fingers Back", "Hold 15 Seconds"]),
        (NUMBERED_IN_BRACKETS, ["Stand Tall", "Slowly Tilt Your Head", "Hold"]),
        (CAROUSEL, ["Hold", "Push Your Knees Forward", "Drive The Knees Back"]),
        (CSV_EXPORT, ["Hold A Handle", "Turn The Rope", "Jump Just High Enough"]),
        (MEDIAWIKI, ["Stand Facing A Low", "Hinge Forward", "Hold The Stretch Without"]),
        (TEAM_SHEET, ["Stand Tall", "Push The Hips Back", "Drive The Hips Forward"]),
        (WIKI_PAGE, ["Stand", "Place Your Forearms Flat", "Step", "Hold The Stretch"]),
        (ORG_NOTES, ["Stand", "Hinge", "Drive The Left Heel"]),
        (BILINGUAL_STEPS, ["Stand", "Slide Down The Wall", "Hold The Position"]),
        (
            NOTES_AFTER_THE_MOVE,
            ["Side Lying", "Top Foot", "Bottom Knee Bent", "Lift Hips Up", "Hold", "Lower"],
        ),
        (DRILL_CARD, ["Step Forward", "Push Back", "Step Forward", "Push Back"]),
        (EMOJI_SQUARES, ["Damper", "Sit Tall", "Drive", "Reach Forward", "Tempo"]),
        (JOURNAL, ["Hold The Bell", "Sit Down", "Pause", "Drive Back Up"]),
        (QUOTED_STANDARDS, ["Hold The Ball", "Squat", "Drive Up"]),
        (JAPANESE_LINES, ["Face The Wall", "Step Your Right Foot", "Hold Where You Feel"]),
        (
            STAGED_LISTS,
            [
                "From All Fours",
                "Extend Your Left Leg",
                "Lower Your Hips",
                "Tuck Your Back Toes",
                "Switch Sides",
            ],
        ),
        (
            PAGE_BREAK,
            [
                "Stand Side-on",
                "Place The Forearm Flat",
                "Step Forward",
                "Hold The Position",
                "Step Back Out",
            ],
        ),
    ],
)
def test_steps_written_in_other_ways_are_found(write_doc, text, titles):
    exercise = parse_file(write_doc("doc.md", text))
    assert [step.title for step in exercise.steps] == titles


def test_a_chat_turn_is_read_without_its_sender_role_or_emoji(write_doc):
    exercise = parse_file(write_doc("doc.md", CHAT_NAMES_WITH_EMOJI))
    assert [step.text for step in exercise.steps][:3] == [
        "lie on your back, knees bent, feet flat",
        "push through your heels and lift your hips till they line up",
        "then lower slowly back to the mat",
    ]
    assert not any(re.search(r"\bMo\b|Priya|PT|07:1", step.text) for step in exercise.steps)


def test_a_group_chat_export_is_read_turn_by_turn_however_many_speak(write_doc):
    exercise = parse_file(write_doc("doc.md", GROUP_CHAT_EXPORT))
    assert [step.text for step in exercise.steps] == [
        "stand facing a wall and put your hands on it at shoulder height",
        "bend your elbows and bring your chest toward the wall",
        "push back until your arms are straight",  # not the rest of the chat after it
    ]
    assert exercise.description == "Tonight's homework: wall push ups"
    assert prescribed(exercise) == {"sets": 3, "reps": 12}


def test_a_word_file_through_pandoc_reads_its_changes_accepted_and_no_comment(write_doc):
    leaflet = (
        "# Wall Push-Up\n\n**How to do it**\n\n"
        '1.  Stand facing a [wall]{.insertion author="Ann"} at arm\'s length.\n'
        '2.  Bend your elbows and bring your [nose]{.deletion author="Ann"}[chest]'
        '{.insertion author="Ann"} toward the wall.\n'
        '3.  [Too easy for most?]{.comment-start id="0" author="Bo"}Push back until'
        ' your arms are straight.[]{.comment-end id="0"}\n\n'
        '[2 sets of 8]{.deletion author="Ann"}[3 sets of 12]{.insertion author="Ann"}.\n'
    )
    exercise = parse_file(write_doc("doc.md", leaflet))
    assert [step.text for step in exercise.steps] == [
        "Stand facing a wall at arm's length.",
        "Bend your elbows and bring your chest toward the wall.",
        "Push back until your arms are straight.",
    ]
    assert prescribed(exercise) == {"sets": 3, "reps": 12}


SPEAKER_TRANSCRIPT = (
    "Voice memo\n\nSpeaker 1  0:00\nOkay so the calf stretch. Put your hands on the"
    " wall and step one foot back.\n\nSpeaker 1  0:41\nThen bend the front knee and"
    " keep the back heel down.\n"
)
VIDEO_TRANSCRIPT = (
    "Sled Drag Tutorial\n\nTranscript\n\n0:00\nokay so today the sled drag\n0:04\n"
    "grab the straps and lean back a little\n1:12\nthen walk backwards with short steps\n"
    "1:20\ndo 6 rounds of 30 seconds with 90 seconds rest\n"
)


@pytest.mark.parametrize(
    ("transcript", "unsaid", "said", "dose"),
    [
        (SPEAKER_TRANSCRIPT, ["Speaker", "41"], "keep the back heel down", {}),
        (
            VIDEO_TRANSCRIPT,
            ["minute", "4 seconds"],
            "grab the straps",
            {"sets": 6, "duration": 30, "rest": 90},
        ),
    ],
)
def test_a_transcript_s_times_are_not_read(write_doc, transcript, unsaid, said, dose):
    exercise = parse_file(write_doc("doc.md", transcript))
    heard = " ".join([exercise.description, *(f"{s.title} {s.text}" for s in exercise.steps)])
    assert not any(word in heard for word in unsaid)
    assert said in heard
    assert prescribed(exercise) == dose


def test_a_csv_export_prescribes_from_its_columns(write_doc):
    assert prescribed(parse_file(write_doc("doc.md", CSV_EXPORT))) == {
        "sets": 8,
        "rest": 20,
        "duration": 40,
    }


def test_an_apps_json_record_keeps_its_name_and_dose(write_doc):
    exercise = parse_file(write_doc("doc.md", JSON_RECORD))
    assert exercise.title == "Half-Kneeling Landmine Press"
    assert prescribed(exercise) == {"sets": 3, "reps": 8, "per_side": True, "rest": 90}


def test_a_newsletters_tilde_rules_divide_text_and_fence_no_code(write_doc):
    text = (
        "THE SHED POST\n\n~~~\n\nSTIFF AFTER THE LATHE?\n\n"
        "Sit on a sturdy chair with both feet flat on the floor. Rest your right ankle "
        "across your left knee. Slowly lean your chest forward until you feel a stretch. "
        "Then sit back up and swap legs.\n\n~~~\n\nDATES FOR THE DIARY\nTuesday: AGM.\n"
    )
    exercise = parse_file(write_doc("doc.md", text))
    assert exercise.steps[0].text.startswith("Sit on a sturdy chair")
    assert "~" not in as_markdown(text)


def test_a_tilde_fence_with_its_kind_still_fences(write_doc):
    text = "# Plank\n\n~~~text\nCoach's note: film it.\n~~~\n\n1. Lie down.\n2. Lift up and hold.\n"
    assert [step.title for step in parse_file(write_doc("doc.md", text)).steps] == [
        "Lie Down",
        "Lift Up",
    ]


def test_a_date_is_not_a_range_nor_a_count(write_doc):
    text = "# WALL-SIT\n\n1. Slide down the wall.\n2. Hold.\n\nPlatform Team 2024-05-14 WALL-SIT\n"
    assert prescribed(parse_file(write_doc("doc.md", text))) == {}


def test_org_notes_keep_their_title_and_properties(write_doc):
    exercise = parse_file(write_doc("doc.md", ORG_NOTES))
    assert exercise.title == "Single-leg RDL"
    assert prescribed(exercise) == {"sets": 3, "reps": 8, "per_side": True, "rest": 75}


def test_a_titled_step_is_told_by_the_paragraph_under_it(write_doc):
    steps = parse_file(write_doc("doc.md", TITLED_STEPS)).steps
    assert [step.text for step in steps] == [
        "Set up. Hold the bell at your chest, elbows tucked.",
        "Squat down. Sit down between your heels.",
        "Stand up. Drive through your whole foot.",
    ]


def test_a_latex_handout_keeps_its_title_and_prescription(write_doc):
    exercise = parse_file(write_doc("rdl.tex.md", LATEX))
    assert exercise.title == "Romanian deadlift"
    assert prescribed(exercise) == {"sets": 4, "reps": (6, 8), "rest": 120}


def test_html_lists_and_headings_become_markdown():
    exercise_equipment = as_markdown(HTML)
    assert "### What you need" in exercise_equipment
    assert "- Two dumbbells" in exercise_equipment
    assert "1. Lie back with a dumbbell on each side of your chest." in exercise_equipment


def test_a_paragraph_with_a_blank_line_inside_is_still_read():
    assert "Lie on your back. Squeeze your glutes." in as_markdown(
        "<p>Lie on your back.\n\nSqueeze your glutes.</p>"
    )


def test_a_blog_page_wrapped_in_a_div_keeps_its_list_and_its_dose(write_doc):
    page = (
        '<div class="entry-content">\n<h1>Donkey Kicks</h1>\n'
        "<p>Donkey kicks target your glutes.</p>\n<h2>How to do a donkey kick</h2>\n<ol>\n"
        "<li><strong>Start on all fours.</strong> Wrists under shoulders.</li>\n"
        "<li><strong>Kick up.</strong> Press your left foot up toward the ceiling.</li>\n"
        "<li><strong>Return.</strong> Lower the knee back down.</li>\n</ol>\n"
        '<div class="callout"><strong>Try this:</strong> 3 sets of 15 reps, resting 30 '
        "seconds between sets.</div>\n</div>\n"
    )
    exercise = parse_file(write_doc("kicks.md", page))
    assert [step.title for step in exercise.steps] == ["Start", "Kick Up", "Return"]
    assert prescribed(exercise) == {"sets": 3, "reps": 15, "rest": 30}


def test_a_definition_named_after_another_part_goes_there(write_doc):
    exercise = parse_file(write_doc("arnold.md", DEFINITIONS))
    assert exercise.mistakes[0].text == "The lower back peeling off the pad."
    assert prescribed(exercise) == {"sets": 3, "reps": (8, 12), "rest": 90}
    assert exercise.equipment == ("A pair of dumbbells; A bench",)


@pytest.mark.parametrize(
    ("aside", "part"),
    [
        ("**Common faults:** dipping too deep.", "mistakes"),
        ("**Easier:** bend both knees.", "variations"),
        ("Dose: 3 sets of 10 to 12 reps per arm.", "programming"),
    ],
)
def test_a_paragraph_under_a_step_that_names_another_part_goes_there(write_doc, aside, part):
    text = (
        "# Push Press\n\n<!-- howto -->\n\n### Dip\nBend the knees a little.\n\n"
        f"### Drive\nPress the bar overhead.\n\n{aside}\n"
    )
    exercise = parse_file(write_doc("pp.md", text))
    assert exercise.steps[-1].text == "Press the bar overhead."
    assert getattr(exercise, part)[0].text.split()[-1] == aside.split()[-1]


def test_steps_run_between_arrows_after_a_label_with_an_aside_are_still_steps():
    line = "Flow (slowly, with the breath): reach up → fold forward → step back to plank\n"
    assert as_markdown(line).count("1. ") == 3


def test_a_label_with_an_aside_names_its_part(write_doc):
    sheet = (
        "### Clamshell\n\nStarting position: Lie on your side with your knees bent.\n\n"
        "Action: Keeping your feet together, lift your top knee.\n\n"
        "Return: Lower the knee slowly back down.\n\n"
        "Progression (only when advised by your physio): a green band / pause at the top for 3 s.\n"
    )
    exercise = parse_file(write_doc("clam.md", sheet))
    assert [step.title for step in exercise.steps] == ["Action", "Return"]  # no progression
    assert exercise.variations[0].label == "Progression"


@pytest.mark.parametrize(
    "text",
    [
        "Plan a) warm up first.\nThe bar weighs 20 kg.\n",
        "Use 2) the bar and 3) the plates.\n",
        "Progressions: tuck → one leg out → full.\n",
        "Posts 1/2 and 2/2 follow.\n",
        "A bench [optional] and a dumbbell [i.e. 10 kg], see the [guide][ref] [B-stance].\n",
        "Total work\n= 4 rounds x 40 m\n= 160 m\n",  # not AsciiDoc
        "Write `\\section{Squat}` or `\\begin{itemize}` in your notes.\n",  # not LaTeX
    ],
)
def test_running_text_is_left_alone(text):
    assert as_markdown(text) == text


def test_a_spreadsheet_row_prescribes(write_doc):
    assert prescribed(parse_file(write_doc("rdl.md", SPREADSHEET))) == {
        "sets": 3,
        "reps": 8,
        "rest": 120,
    }


def test_the_sentence_that_opens_a_list_is_not_a_step(write_doc):
    text = "## Technique\n\nIt is done as follows:\n\n1. Lie down.\n2. Raise the leg.\n"
    exercise = parse_file(write_doc("doc.md", text))
    assert [step.title for step in exercise.steps] == ["Lie Down", "Raise The Leg"]


def test_a_heading_that_opens_the_document_is_its_title(write_doc):
    text = "## Drills: the A-skip\n\nWhy we do them.\n\n1. Skip on each step.\n2. Paw the ground.\n"
    assert parse_file(write_doc("a-skip.md", text)).title == "Drills: the A-skip"


def test_a_callout_prescribes(write_doc):
    movement = analyse(parse_file(write_doc("plank.md", TOGGLES)))
    assert movement.prescription == {"sets": 3, "hold": (20, 30), "rest": 30}


def test_a_count_in_words_up_to_twenty_prescribes(write_doc):
    assert analyse(parse_file(write_doc("hop.md", DRILL_MANUAL))).prescription == {"reps": (12, 16)}


def test_a_count_said_before_the_move_does_not_hide_it(write_doc):
    movement = analyse(parse_file(write_doc("hop.md", COUNT_LINES)))
    assert movement.roles == ("setup", "up", "down")


@pytest.mark.parametrize(
    "text",
    [
        "| Setup | Hinge → grip → brace |\n| --- | --- |\n| Pull | Drive the elbows back |\n",
        "## Hinge → Sit → Stand\n",
        "1.5 minutes rest between sets.\n2.5 kg dumbbells are plenty.\n",
        "```\n(1) a (2) b\n```\n",
        "Tip: keep your chest up.\nTip: push your knees out.\nRest: 60 s.\nSets: 3\n",
        "4. Bring it down (shoulder → hip → floor), switch hands\n- Punch under → lockout\n",
    ],
)
def test_tables_headings_code_labels_and_list_steps_are_not_rewritten(text):
    assert as_markdown(text) == text


def test_an_entry_over_its_points_keeps_its_first_line(write_doc):
    text = "# Push-up\n\n1. Get into a plank\n\n   Hands under the shoulders.\n\n2. Lower\n"
    steps = parse_file(write_doc("p.md", text)).steps
    assert steps[0].text.startswith("Get into a plank")


def test_a_script_keeps_its_title_and_the_parts_after_it(write_doc):
    text = f"# KB Script\n\n{SCRIPT}\n## Common mistakes\n\n- Shrugging.\n"
    exercise = parse_file(write_doc("kb-script.md", text))
    assert exercise.title == "KB Script"
    assert exercise.mistakes[0].text == "Shrugging."


def test_a_notes_apps_fields_and_links_are_read_as_its_words(write_doc):
    text = (
        "- [[Goblet squat|Goblet squats]] #legs\n  sets:: 4\n  reps:: 8\n  rest:: 90s\n"
        "  reflect:: knees caved on set 3?\n"
        "\t- how\n\t\t- hold the bell at your chest\n\t\t- sit down between your heels\n"
        "\t\t- stand up tall\n"
    )
    exercise = parse_file(write_doc("doc.md", text))
    assert prescribed(exercise) == {"sets": 4, "reps": 8, "rest": 90}
    assert "[" not in as_markdown(text)
    assert "Reflect: knees caved on set 3?" in as_markdown(text)


def test_an_inline_field_in_a_sentence_is_read(write_doc):
    text = (
        "# Plank\n\n1. Lie face down on your forearms.\n"
        "2. Lift your hips and hold [hold:: 30 s].\n\nDo [sets:: 3] with a minute of rest.\n"
    )
    assert prescribed(parse_file(write_doc("doc.md", text))) == {"sets": 3, "hold": 30, "rest": 60}


def test_a_mediawiki_page_told_by_its_links_is_still_read_as_one(write_doc):
    text = "== Technique ==\n# Stand tall with your back to a [[wall]].\n# Slide down.\n# Hold.\n"
    steps = parse_file(write_doc("doc.md", text)).steps
    assert [step.text for step in steps] == [
        "Stand tall with your back to a wall.",
        "Slide down.",
        "Hold.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Sit down between your heels.[[1]](#fn1)",  # a footnote's link
        "Watch the demo [[video]](https://youtu.be/abc).",
        "Time it with [std::chrono](https://en.cppreference.com/w/cpp/chrono).",
        "Log it at [fe80::1] (see Time::HiRes).",
    ],
)
def test_brackets_and_colons_that_are_no_notes_app_field_stay_as_written(text):
    assert as_markdown(text) == text


def test_a_notes_apps_title_heads_the_page_and_its_own_fields_go(write_doc):
    text = (
        "title:: Goblet squat\nRPE:: 8\n\n- how\n\t- hold the bell at your chest\n"
        "\t  id:: 65f1c2a0-4b1e\n\t  collapsed:: true\n\t- sit down ![[bell.png|300]] low\n"
        "\t- stand up tall\n"
    )
    exercise = parse_file(write_doc("g1.md", text))
    assert exercise.title == "Goblet squat"
    assert [step.text for step in exercise.steps] == [
        "hold the bell at your chest",
        "sit down low",
        "stand up tall",
    ]
    assert "RPE: 8." in as_markdown(text)


def test_an_outliners_page_reads_its_titles_as_sections_and_leaves_its_tasks(write_doc):
    text = (
        "- DONE morning walk 30 min\n- Goblet squat #strength #legs\n"
        "  - Setup\n    - Hold the bell at your chest.\n"
        "  - Execution\n    - Sit down between your heels.\n    - Drive up through your feet.\n"
        "  - Dose: 3x10, rest 60s\n- TODO buy chalk\n"
    )
    exercise = parse_file(write_doc("notes.md", text))
    assert exercise.title == "Goblet squat"
    assert [step.text for step in exercise.steps] == [
        "Sit down between your heels.",
        "Drive up through your feet.",
    ]
    assert prescribed(exercise) == {"sets": 3, "reps": 10, "rest": 60}


def test_a_list_of_steps_each_over_its_details_is_no_outliners_page(write_doc):
    text = "- Squat down\n  - hips back\n  - chest up\n- Drive up\n  - squeeze glutes\n"
    steps = parse_file(write_doc("squat.md", text)).steps
    assert [step.text.split()[:2] for step in steps] == [["Squat", "down"], ["Drive", "up"]]


def test_a_toggles_title_over_its_text_is_the_steps_title(write_doc):
    text = (
        "# Dead Bug\n\n- ▸ Step 1 — Brace\n    Press your lower back into the floor.\n"
        "- ▸ Step 2 — Extend\n    Lower one arm and the other leg.\n"
        "- ▸ Step 3 — Return\n    Bring them back to the start.\n"
    )
    steps = parse_file(write_doc("bug.md", text)).steps
    assert [(step.title, step.text) for step in steps][:2] == [
        ("Brace", "Brace. Press your lower back into the floor."),
        ("Extend", "Extend. Lower one arm and the other leg."),
    ]


def test_steps_over_their_cues_three_deep_are_no_outliners_page(write_doc):
    text = (
        "- Stand with your feet shoulder-width apart\n  - Toes turned out slightly\n"
        "- Hold the kettlebell at your chest\n- Squat down\n  - Keep your chest up\n"
        "    - Elbows inside your knees\n- Drive up through your heels\n"
    )
    steps = parse_file(write_doc("squat.md", text)).steps
    assert [step.text.split()[0] for step in steps] == ["Stand", "Hold", "Squat", "Drive"]


def test_an_outliners_exercise_named_by_a_verb_still_heads_its_sections(write_doc):
    text = (
        "- Reverse lunge\n  - Execution\n    - Step back with one leg.\n"
        "    - Lower the back knee.\n    - Drive back up.\n"
    )
    exercise = parse_file(write_doc("lunge.md", text))
    assert (exercise.title, len(exercise.steps)) == ("Reverse lunge", 3)
