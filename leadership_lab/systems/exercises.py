"""Self-checks for "Systems thinking"."""

from __future__ import annotations

from leadership_lab.exercises.model import (
    MultipleChoice,
    Reflection,
    SingleChoice,
    SortIntoCategories,
)

CHAPTER = "02_systems_thinking"
TITLE = "Systems thinking"

CLASSIFY_LOOP = SingleChoice(
    id="classify_loop",
    prompt="Rents rise (+) evictions; evictions raise (+) vacant units; vacant units lower (–) rents. What kind of loop is this?",
    hint="Count the minus links: an odd number makes a balancing loop.",
    choices=("Reinforcing", "Balancing", "Not a loop"),
    answer="Balancing",
    feedback={
        "Reinforcing": "One minus link makes the product negative: the loop pushes back against change.",
        "Not a loop": "It closes: rents → evictions → vacant units → rents.",
    },
    explanation="One '–' link, so the product of signs is negative: a balancing loop.",
)

MATCH_ARCHETYPE = SortIntoCategories(
    id="match_archetype",
    prompt="Match each city story to its archetype.",
    hint="Ask: does the fix come back to bite, does a quick fix crowd out the real one, does growth hit a ceiling, or does success attract the resources?",
    categories=(
        "Fixes that fail",
        "Shifting the burden",
        "Limits to growth",
        "Success to the successful",
    ),
    items={
        "Payday loans cover a family's rent gap, so no one tackles the income gap.": "Shifting the burden",
        "The school with the best scores gets the grant that widens its lead.": "Success to the successful",
        "Reviewers rush through a permit backlog — the rushed approvals come back as corrections and appeals, and the backlog grows.": "Fixes that fail",
        "A mentoring program grows fast until it runs out of volunteers.": "Limits to growth",
    },
    feedback={
        "Reviewers rush through a permit backlog — the rushed approvals come back as corrections and appeals, and the backlog grows.": "The fix's own side effect, rework, feeds the backlog it cleared, after a delay: fixes that fail. No slower, fundamental solution is being put off here; if rushing let the office skip hiring it needs, it would also be shifting the burden.",
        "Payday loans cover a family's rent gap, so no one tackles the income gap.": "A symptomatic solution takes the pressure off the fundamental one.",
        "A mentoring program grows fast until it runs out of volunteers.": "Growth meets a limit that slows it.",
        "The school with the best scores gets the grant that widens its lead.": "Resources follow success, so the gap widens.",
    },
    explanation="Each archetype is a recurring structure; naming it helps partners see where to act.",
)

MATCH_MORE = SortIntoCategories(
    id="match_more_archetypes",
    prompt="Four more city stories. Match each to its archetype.",
    hint="Does a target slide down, do two sides outbid each other, do many users wear out one shared resource, or do two partners' own fixes hurt each other?",
    categories=(
        "Eroding goals",
        "Escalation",
        "Tragedy of the commons",
        "Accidental adversaries",
    ),
    items={
        "Two neighbouring counties each raise signing bonuses for nurses to beat the other's last offer.": "Escalation",
        "A housing authority and a health clinic co-locate services — the authority moves intake online to cut costs, the clinic loses walk-in patients, and stops sending staff to the authority's site.": "Accidental adversaries",
        "A city promised to answer 311 calls within two days — after three years of missing it, the dashboard now says five.": "Eroding goals",
        "Every agency in town books the same free community hall for its events, until it is too worn and overbooked to use.": "Tragedy of the commons",
    },
    feedback={
        "A city promised to answer 311 calls within two days — after three years of missing it, the dashboard now says five.": "The gap closed by moving the goal, not the performance: eroding goals. Hold the standard, and ask what delay keeps performance from catching up.",
        "Two neighbouring counties each raise signing bonuses for nurses to beat the other's last offer.": "Each side's move answers the other's: escalation. The way out is to talk to the other side and agree, or to step out of the race.",
        "Every agency in town books the same free community hall for its events, until it is too worn and overbooked to use.": "Each user gains by using more of a shared resource until it wears out: tragedy of the commons. Shared rules, or a steward for the hall, are the way out.",
        "A housing authority and a health clinic co-locate services — the authority moves intake online to cut costs, the clinic loses walk-in patients, and stops sending staff to the authority's site.": "Two partners, each fixing its own numbers, undermine each other: accidental adversaries. Mapping the partnership together shows each side what its fix does to the other.",
    },
    explanation="Eroding goals lowers the bar; escalation is two balancing loops that together only grow; the tragedy of the commons wears out what everyone shares; accidental adversaries turns a partnership's reinforcing loop into a vicious one.",
)

PREDICT = SingleChoice(
    id="predict_behaviour",
    prompt="Before you run it: the housing model starts with 4,000 homes, loses 4% of them a year and builds 320 a year ($80M). What happens over twenty years?",
    hint="Where does building equal losing, and how fast does a 4% loss close the gap to it?",
    choices=(
        "It grows for ever, by 320 homes every year, because building never stops.",
        "It climbs to 8,000 within a few years, where yearly losses equal building, and stays there.",
        "It rises toward 8,000 ever more slowly, and at year twenty is still short of it and still rising.",
        "It overshoots 8,000, then swings up and down around it as the losses catch up.",
    ),
    answer="It rises toward 8,000 ever more slowly, and at year twenty is still short of it and still rising.",
    feedback={
        "It grows for ever, by 320 homes every year, because building never stops.": "Building is steady, but losses grow with the stock, so growth slows as it heads for the level where the two balance: 320 / 0.04 = 8,000.",
        "It climbs to 8,000 within a few years, where yearly losses equal building, and stays there.": "8,000 is the right level, but the gap to it shrinks by only about 4% a year: after twenty years more than two-fifths of it remains, and the stock still rises by about 70 homes a year.",
        "It overshoots 8,000, then swings up and down around it as the losses catch up.": "Overshoot needs a delay, and there is none here: losses follow the stock at once, so it approaches 8,000 without passing it.",
    },
    explanation="A stock with a steady inflow and a proportional outflow heads for inflow / loss rate (8,000), closing the gap by 4% a year: the time constant is 1 / 0.04 = 25 years, so at year 20 it is near 6,200 and still rising.",
)

REACH_THE_GOAL = SingleChoice(
    id="reach_the_goal",
    prompt="Riverton's housing plan promises 3,000 affordable homes. The city funds 80 new ones a year, and 4% of the stock is lost each year as affordability covenants end. Will the stock ever reach 3,000, and what would get it there?",
    hint="The stock settles where yearly losses equal yearly building: 80 = 0.04 × homes.",
    choices=(
        "Yes: 80 a year adds up to 3,000 new homes in under 40 years, so the plan only needs patience.",
        "Yes, if the city waits: a stock that keeps growing passes any level, however slowly it grows.",
        "No: it settles near 2,000. Building 120 a year, or losing only 2.7% a year, settles it at 3,000.",
        "No, and nothing the partnership controls can change that: the 4% loss is a fact of the market.",
    ),
    answer="No: it settles near 2,000. Building 120 a year, or losing only 2.7% a year, settles it at 3,000.",
    feedback={
        "Yes: 80 a year adds up to 3,000 new homes in under 40 years, so the plan only needs patience.": "That counts the inflow and ignores the outflow: losses grow with the stock, so building 80 a year balances losing 4% at 2,000 homes.",
        "Yes, if the city waits: a stock that keeps growing passes any level, however slowly it grows.": "It grows more and more slowly because it is closing on a level, 2,000, where losses equal building; it never passes it.",
        "No, and nothing the partnership controls can change that: the 4% loss is a fact of the market.": "The loss rate comes from how long covenants last, a number the partnership can change, like the funding number.",
    },
    explanation="A stock with a steady inflow and a proportional outflow settles at inflow / loss rate: 80 / 0.04 = 2,000. To settle at 3,000, raise the inflow to 120 a year or, with longer covenants, cut the loss rate to 80 / 3,000, about 2.7%. Both are numbers, Meadows' weakest leverage point, and they differ in speed: building 120 a year gets 90% of the way from 2,000 to 3,000 in about 58 years, longer covenants in about 86, because a lower loss rate also slows the stock's response.",
)

ICEBERG = SortIntoCategories(
    id="iceberg_backlog",
    prompt="Riverton's partners each said something about the permit backlog. Sort what they said into the level of the iceberg it describes.",
    hint="An event happened once; a pattern repeats over time; a structure produces the pattern; a mental model is a belief that keeps the structure in place.",
    categories=("Events", "Patterns", "Structures", "Mental models"),
    items={
        "The backlog has risen every spring for five years.": "Patterns",
        "Overtime is cheaper than hiring.": "Mental models",
        "The backlog hit 900 applications in March.": "Events",
        "Reviewers are paid overtime, and new posts can only be added in the budget two years ahead.": "Structures",
    },
    feedback={
        "The backlog hit 900 applications in March.": "One moment in time: an event. Leaders who work only here react for ever.",
        "The backlog has risen every spring for five years.": "It repeats over time: a pattern, which points to a structure producing it.",
        "Reviewers are paid overtime, and new posts can only be added in the budget two years ahead.": "Pay rules and budget timing are structures: they produce the spring pattern.",
        "Overtime is cheaper than hiring.": "A belief nobody questions keeps the overtime structure in place: a mental model.",
    },
    explanation="Events show patterns over time; structures (rules, budgets, how work arrives) produce the patterns; mental models keep the structures in place. Lasting change works below the surface.",
)

LEVERAGE = MultipleChoice(
    id="leverage",
    prompt="Meadows ranks places to intervene in a system. Which of these are usually higher leverage than changing a number such as a subsidy rate? Tick all that apply.",
    hint="Higher leverage changes how the system is organised and what it aims for.",
    choices=(
        "Changing the goal of the system",
        "Changing who gets information, and when",
        "Adjusting a parameter, such as the subsidy rate, by a few percent",
        "Changing the rules: incentives and constraints",
    ),
    answers=(
        "Changing the goal of the system",
        "Changing who gets information, and when",
        "Changing the rules: incentives and constraints",
    ),
    feedback={
        "Adjusting a parameter, such as the subsidy rate, by a few percent": "This is the number the question compares against: parameters are real but usually the lowest leverage (12)."
    },
    explanation="Goals, rules and information flows sit well above parameters on Meadows's list.",
)

YOUR_LOOP = Reflection(
    id="your_loop",
    prompt="Name one feedback loop that keeps a problem in your city stuck. Which variables does it pass through, and is it reinforcing or balancing?",
    hint="Start from a variable you track, and ask what it causes, and what that causes in turn.",
    min_words=15,
)

SYSTEMS_LEADER = MultipleChoice(
    id="systems_leader",
    prompt=(
        "Riverton's permit backlog has come back for the third time. Which of these moves by the "
        "permit director are the work of a systems leader, as Senge, Hamilton and Kania describe "
        "it? Tick all that apply."
    ),
    hint="A systems leader helps others see the whole system, talk openly about it and shape its future; a fix or an announcement does none of these.",
    choices=(
        "Bring reviewers, builders and neighbours together to map why the backlog keeps returning",
        "Approve overtime again so the backlog is cleared before the council's budget hearing next month",
        "Hold a session where each group says what it sees, and listens before anyone proposes a fix",
        "Promise in the mayor's name that the backlog will be cleared by June",
        "Ask partners what a permit system that works for all would look like in five years",
    ),
    answers=(
        "Bring reviewers, builders and neighbours together to map why the backlog keeps returning",
        "Hold a session where each group says what it sees, and listens before anyone proposes a fix",
        "Ask partners what a permit system that works for all would look like in five years",
    ),
    feedback={
        "Bring reviewers, builders and neighbours together to map why the backlog keeps returning": "Yes: helping people see the larger system, together, is the first capability.",
        "Approve overtime again so the backlog is cleared before the council's budget hearing next month": "This is the fix that failed twice: reacting to the symptom, not shifting the focus to the system that produces it.",
        "Hold a session where each group says what it sees, and listens before anyone proposes a fix": "Yes: reflection and generative conversation let partners hear each other's view of the system.",
        "Promise in the mayor's name that the backlog will be cleared by June": "A promise about the event keeps everyone reacting to the symptom and ties the work to one administration.",
        "Ask partners what a permit system that works for all would look like in five years": "Yes: shifting from reacting to problems to co-creating the future, and then working back from it.",
    },
    explanation="Senge, Hamilton and Kania describe three capabilities: helping people see the larger system; fostering reflection and generative conversation; and shifting the collective focus from reacting to problems to co-creating the future.",
)

WHOSE_MAP = SingleChoice(
    id="whose_map",
    prompt=(
        "Riverton's housing partnership drew its map of why families lose their homes in a morning "
        "workshop of agency staff, two landlords and a funder. It shows rents, court filings, "
        "rent-help funds and vacant units. What should it do next to find out whose mental models "
        "the map holds?"
    ),
    hint="Who lives the problem, and were they in the room?",
    choices=(
        "Publish the finished map on the city's website and invite public comment for thirty days.",
        "Add variables until the map covers every cause that anyone at the workshop has named.",
        "Ask the housing department's analyst to test each loop against ten years of court and rent data.",
        "Take the draft to tenants who faced eviction, let them redraw loops, and mark who drew each.",
    ),
    answer="Take the draft to tenants who faced eviction, let them redraw loops, and mark who drew each.",
    feedback={
        "Publish the finished map on the city's website and invite public comment for thirty days.": "Open, but passive: few of the families who lived it will see it, and a finished map invites small edits, not new loops.",
        "Add variables until the map covers every cause that anyone at the workshop has named.": "More variables from the same people repeat the same mental models, and the map becomes an unreadable hairball.",
        "Ask the housing department's analyst to test each loop against ten years of court and rent data.": "Data can test a loop someone drew; it cannot add a loop nobody in the room thought of, and it was collected by the same institutions.",
    },
    explanation="A map holds the mental models of the people who drew it. Drawing it with the people who live the problem surfaces loops and beliefs the institutions at the table cannot see; marking who drew each loop turns them into claims to test together.",
)

REFERENCE_MODE = SingleChoice(
    id="reference_mode",
    prompt=(
        "Port Alder's attendance partners are about to map why students miss school. Which "
        "sketch should they agree on first, as the reference mode the map must explain?"
    ),
    hint="A reference mode is behaviour over time: the past, and where it could go.",
    choices=(
        "Last month's absence rate at each of the city's schools, ranked from worst to best.",
        "A list of every program that works on attendance, with its budget and who runs it.",
        "The chronic-absence share over ten years, with dashed lines for feared and hoped-for futures.",
        "The mayor's target, chronic absence halved in four years, drawn as a line down from today's rate.",
    ),
    answer="The chronic-absence share over ten years, with dashed lines for feared and hoped-for futures.",
    feedback={
        "Last month's absence rate at each of the city's schools, ranked from worst to best.": "One moment, many places: an event-level picture. A map explains a pattern over time, so sketch the line across years.",
        "A list of every program that works on attendance, with its budget and who runs it.": "That is the partnership's activity, not the problem's behaviour; the map has to explain what the absence line did.",
        "The mayor's target, chronic absence halved in four years, drawn as a line down from today's rate.": "A target line is one hoped-for future with no past. The reference mode holds the past and both the feared and hoped paths, so partners can see whether they even agree on the trend.",
    },
    explanation="A reference mode is the problem's behaviour over time, past and possible futures. Partners who sketch it separately often disagree, and that disagreement is the first thing the map must settle; a loop that cannot produce the line is the wrong loop.",
)

BOUNDARY = SingleChoice(
    id="system_boundary",
    prompt=(
        "Port Alder's district drew its attendance map inside the school door: lessons, "
        "discipline, teacher absence. Partners ask why students miss school. Where should the "
        "boundary go?"
    ),
    hint="A boundary is chosen for the question being asked.",
    choices=(
        "Keep it at the school door: the district can only change what happens inside its own schools.",
        "Draw it around the whole city (housing, jobs, health, transport, policing), so nothing is missed.",
        "Let each partner draw its own boundary around what it runs, and map separately.",
        "Widen it to bus routes and families' housing moves, and leave out what does not bear on absence.",
    ),
    answer="Widen it to bus routes and families' housing moves, and leave out what does not bear on absence.",
    feedback={
        "Keep it at the school door: the district can only change what happens inside its own schools.": "A boundary drawn around one partner's authority hides the loops other partners can act on; the question, not the org chart, sets the boundary.",
        "Draw it around the whole city (housing, jobs, health, transport, policing), so nothing is missed.": "A boundary drawn too wide gives a map no one can read or act on; include what bears on the question.",
        "Let each partner draw its own boundary around what it runs, and map separately.": "Separate maps keep each partner's blind spot; the point is one map of the question all of them share.",
    },
    explanation="There are no separate systems; a boundary is chosen for the question. Too tight hides the loop that matters (buses, housing moves), too wide (state testing rules, the whole city) makes a map no one can read.",
)

LEVERAGE_SORT = SortIntoCategories(
    id="leverage_sort",
    prompt=(
        "Sort Bellmont's housing partnership's ideas by where they act on Meadows' list of twelve "
        "leverage points."
    ),
    hint="Numbers and physical stocks are at the bottom; delays and loops above them; information, rules and self-organisation higher; goals and paradigms at the top.",
    categories=(
        "Numbers, buffers, stock-and-flow structure (12–10)",
        "Delays and feedback loops (9–7)",
        "Information, rules, self-organisation (6–4)",
        "Goals and paradigms (3–1)",
    ),
    items={
        "Pay rent help ten days after an eviction filing instead of sixty.": "Delays and feedback loops (9–7)",
        "Post every landlord's eviction filings on a public dashboard each month.": "Information, rules, self-organisation (6–4)",
        "Raise the rent-help grant from $1,500 to $2,000 a family.": "Numbers, buffers, stock-and-flow structure (12–10)",
        "Change the goal from 'shelter beds filled' to 'families still housed a year later'.": "Goals and paradigms (3–1)",
        "Build a reserve fund that tops up rent help in a recession.": "Numbers, buffers, stock-and-flow structure (12–10)",
        "Let tenants' associations decide how a share of the rent-help budget is spent each year.": "Information, rules, self-organisation (6–4)",
    },
    feedback={
        "Raise the rent-help grant from $1,500 to $2,000 a family.": "A parameter: useful, common, and the lowest leverage (12).",
        "Build a reserve fund that tops up rent help in a recession.": "A buffer, a stabilising stock relative to its flows (11): it steadies the system without changing how it works.",
        "Pay rent help ten days after an eviction filing instead of sixty.": "Shortening a delay relative to how fast the problem moves (9): help arrives before the family has lost the home.",
        "Post every landlord's eviction filings on a public dashboard each month.": "A new information flow (6): people who could act now see what they could not see before.",
        "Let tenants' associations decide how a share of the rent-help budget is spent each year.": "A rule that hands some power to change the system to the people in it: rules (5) and self-organisation (4).",
        "Change the goal from 'shelter beds filled' to 'families still housed a year later'.": "A new goal (3) changes what every part of the system works toward, so everything below it shifts.",
    },
    explanation="Meadows' twelve places run from parameters and buffers through delays and loops, information flows, rules and self-organisation, to goals, paradigms and transcending paradigms. Most plans sit at the bottom; the higher places are harder and stronger.",
)

WATER_CONDITIONS = SortIntoCategories(
    id="water_conditions",
    prompt=(
        "Riverton's tenants found three reasons families stay away from the rent-help office. "
        "Sort each into the level of The Water of Systems Change it belongs to."
    ),
    hint="Structural: policies, practices, resource flows. Relational: relationships and connections, power dynamics. Transformative: mental models.",
    categories=("Structural", "Relational", "Transformative"),
    items={
        "Families do not trust the office, and landlords decide what papers they get.": "Relational",
        "Staff believe families who need help will ask for it.": "Transformative",
        "Applicants must bring papers from their landlord.": "Structural",
    },
    feedback={
        "Applicants must bring papers from their landlord.": "A written rule of the program: a policy, at the structural level, the most visible.",
        "Families do not trust the office, and landlords decide what papers they get.": "Trust is a relationship; who controls the papers is a power dynamic: the relational level.",
        "Staff believe families who need help will ask for it.": "A deeply held assumption: a mental model, the transformative level, least visible and deepest.",
    },
    explanation="Kania, Kramer and Senge place six conditions at three levels: structural (policies, practices, resource flows), relational (relationships and connections, power dynamics) and transformative (mental models).",
)

EXPLICIT_CHOICE = SingleChoice(
    id="explicit_choice",
    prompt=(
        "Riverton's permit director, reviewers and builders drew a map together showing overtime "
        "keeps the backlog coming back, and each has named its own part in it. They are keen to pick a fix at once. Which step of Stroh's change process are they about "
        "to skip?"
    ),
    hint="Before bridging the gap, people choose the change, knowing what they give up.",
    choices=(
        "Building a foundation: agreeing who sits at the table, how they decide, and what result they share.",
        "Making an explicit choice: naming what overtime gives each partner, and choosing to give it up.",
        "Facing current reality: testing the map against ten years of backlog data before anyone acts.",
        "None: with a map in hand, the next step is to pick the highest-leverage fix and fund it this year.",
    ),
    answer="Making an explicit choice: naming what overtime gives each partner, and choosing to give it up.",
    feedback={
        "Building a foundation: agreeing who sits at the table, how they decide, and what result they share.": "They have: they drew the map together, so the foundation is in place.",
        "Facing current reality: testing the map against ten years of backlog data before anyone acts.": "The map they drew together is their picture of current reality; the step after it is the one they are skipping.",
        "None: with a map in hand, the next step is to pick the highest-leverage fix and fund it this year.": "Stroh puts a stage in between: the status quo pays someone (a quiet budget hearing, extra pay), and a fix chosen without naming that cost is quietly undone.",
    },
    explanation="Stroh's four stages: build a foundation for change; face current reality; make an explicit choice, after naming what the status quo gives each party (here a quiet budget hearing, extra pay); then bridge the gap with high-leverage moves.",
)

EXERCISES = (
    REFERENCE_MODE,
    BOUNDARY,
    CLASSIFY_LOOP,
    MATCH_ARCHETYPE,
    MATCH_MORE,
    PREDICT,
    REACH_THE_GOAL,
    ICEBERG,
    LEVERAGE,
    LEVERAGE_SORT,
    SYSTEMS_LEADER,
    EXPLICIT_CHOICE,
    WHOSE_MAP,
    WATER_CONDITIONS,
    YOUR_LOOP,
)
