"""Self-checks and the turn-the-curve worksheet for "Results-Based Accountability"."""

from __future__ import annotations

from leadership_lab.exercises.model import (
    MultipleChoice,
    Reflection,
    SingleChoice,
    SortIntoCategories,
)

CHAPTER = "04_results_based_accountability"
TITLE = "Results-Based Accountability"

WHO_IS_ACCOUNTABLE = SingleChoice(
    id="who_is_accountable",
    prompt="Easton Ridge's renter cost burden rose again last year. Who is accountable for that population result?",
    hint="A population result is a condition of a whole community, not of one program's clients.",
    choices=(
        "The city's housing department.",
        "The rental assistance program's manager.",
        "No single agency: the partners and the community together.",
        "The mayor alone.",
    ),
    answer="No single agency: the partners and the community together.",
    feedback={
        "The city's housing department.": "One department can own its programs' performance, but rents across a city depend on many actors.",
        "The rental assistance program's manager.": "The manager is accountable for the program's clients (performance accountability), not for every renter in the city.",
        "The mayor alone.": "Holding one elected official to a population result is the trap that ties an effort to one administration.",
    },
    explanation="Population accountability is shared; performance accountability belongs to each program's managers.",
)

BASELINE_PARTS = MultipleChoice(
    id="baseline_parts",
    prompt="Which of these belong in an RBA baseline? Tick all that apply.",
    hint="A baseline has two parts: where we have been, and where we are heading.",
    choices=(
        "The measured history of the indicator",
        "A forecast of where it goes if nothing changes",
        "The target the partnership hopes to reach",
        "The budget of each program",
    ),
    answers=(
        "The measured history of the indicator",
        "A forecast of where it goes if nothing changes",
    ),
    feedback={
        "The target the partnership hopes to reach": "A target is useful, but it is not part of the baseline: the baseline is what happens if we stay on our current course.",
        "The budget of each program": "Budgets are means; the baseline is about the end result.",
    },
    explanation="History plus a forecast. Doing better than the forecast is turning the curve, even if the line still falls; the band around the forecast says whether an ordinary year could have done it.",
)

THREE_QUESTIONS = SortIntoCategories(
    id="three_questions",
    prompt="Sort each performance measure of Riverton's job training program into the question it answers.",
    hint="Counts of activity answer 'how much'; shares of quality answer 'how well'; changes in people's lives answer 'is anyone better off'.",
    categories=("How much did we do?", "How well did we do it?", "Is anyone better off?"),
    items={
        "Residents enrolled in training": "How much did we do?",
        "Classes held this quarter": "How much did we do?",
        "Enrollees completing training on schedule": "How well did we do it?",
        "Participants rating the instructors good or better": "How well did we do it?",
        "Completers employed six months later": "Is anyone better off?",
        "Completers earning more than before": "Is anyone better off?",
    },
    feedback={
        "Enrollees completing training on schedule": "It is about the quality of the service, not yet about people's lives.",
        "Completers employed six months later": "A change in participants' lives is 'better off', the most important of the three.",
        "Participants rating the instructors good or better": "Satisfaction describes how well the service was delivered.",
        "Classes held this quarter": "A count of activity, however large, answers 'how much'.",
        "Completers earning more than before": "Higher earnings are a change in people's lives.",
        "Residents enrolled in training": "Enrolment counts activity.",
    },
    explanation="Quantity and quality, of effort and of effect, reduce to these three questions.",
)

READ_THE_YEAR = SingleChoice(
    id="read_the_year",
    prompt="In a fictional city, the graduation rate fell from 85.0% to 84.5% in 2025. The baseline forecast for 2025 was 83.0%, and 84.5% sits inside the baseline band. How should the partnership read the year?",
    hint="Compare with the forecast, not with last year; then ask whether the year is beyond the band.",
    choices=(
        "Turning the curve, within the band: falling less than forecast counts, but an ordinary year could do it, so test it with the story behind the curve.",
        "Worse: the rate fell, so the partnership is failing.",
        "Proof the partnership worked: it beat the forecast by 1.5 points.",
        "Not turning the curve: any year inside the band counts as no change.",
    ),
    answer="Turning the curve, within the band: falling less than forecast counts, but an ordinary year could do it, so test it with the story behind the curve.",
    feedback={
        "Worse: the rate fell, so the partnership is failing.": "A year is read against the baseline, not against last year: falling less than forecast is turning the curve.",
        "Proof the partnership worked: it beat the forecast by 1.5 points.": "Beating the forecast is turning the curve, but inside the band it could be an ordinary year; and even a turn beyond the band shows contribution, not proof. Test it with the story behind the curve.",
        "Not turning the curve: any year inside the band counts as no change.": "In RBA, doing better than the forecast is turning the curve, inside the band or not. The band only says how sure you can be.",
    },
    explanation="Read a year against the forecast and its band: better than the forecast is turning the curve; inside the band it could be an ordinary year's wobble, so the story behind the curve has to carry the case.",
)

ONE_YEAR_BEYOND = SingleChoice(
    id="one_year_beyond",
    prompt="In a fictional city, kindergarten readiness landed above the whole baseline band in 2025, for the first time. If nothing had changed when the partnership began, how often would a year land there by chance?",
    hint="The band is an 80% prediction interval: four years in five land inside it.",
    choices=(
        "Never: a year outside the band proves the partnership worked.",
        "About one year in ten.",
        "About half the time.",
        "Four years in five.",
    ),
    answer="About one year in ten.",
    feedback={
        "Never: a year outside the band proves the partnership worked.": "The band holds four years in five, not all of them: one year in ten lands above it and one below, with no change at all.",
        "About half the time.": "Half the time is how often a year lands merely better than the forecast line; beyond the whole band is rarer.",
        "Four years in five.": "Four in five is how often a year lands inside the band.",
    },
    explanation="An 80% band leaves one year in ten above it by chance. One year beyond it is a hint; a second year running, and a story behind the curve that explains it, make the case.",
)

SKIPPED_STEPS = SingleChoice(
    id="skipped_steps",
    prompt="A fictional city's housing partners agreed on the baseline for renter cost burden, then went straight to an action plan: fund more rent help. What did they skip, and what would it have given them?",
    hint="A turn-the-curve conversation has five steps between the data and the plan's last line.",
    choices=(
        "The story behind the baseline, the partners with a role and what works: why the burden is rising, who else could act on it (employers, the housing authority, tenants), and low-cost ideas beyond one program.",
        "Nothing: a baseline and an action plan are the whole conversation.",
        "A target: they should have agreed on a number first.",
        "A scorecard for the rent-help program.",
    ),
    answer="The story behind the baseline, the partners with a role and what works: why the burden is rising, who else could act on it (employers, the housing authority, tenants), and low-cost ideas beyond one program.",
    feedback={
        "Nothing: a baseline and an action plan are the whole conversation.": "Between the data and the plan come the causes, the partners and the ideas; without them the plan repeats what the partners already fund.",
        "A target: they should have agreed on a number first.": "A target is not one of the steps; without the story behind the baseline they would not know which causes a target should move.",
        "A scorecard for the rent-help program.": "Performance measures matter for the program later; the population conversation first asks why the line moves and who can help turn it.",
    },
    explanation="Baseline, the story behind it, partners with a role to play, what works (including low-cost and no-cost ideas), then the action plan: each step widens the plan beyond the program the partners first thought of.",
)

STORY_BEHIND = Reflection(
    id="story_behind",
    prompt="Pick one indicator in your city. What is the story behind its baseline: the causes pushing it up or down?",
    hint="Name at least two causes, and one you are not sure about.",
    min_words=15,
)

HEADLINE_INDICATOR = SingleChoice(
    id="headline_indicator",
    prompt=(
        "Easton Ridge rates candidate indicators for its housing result on communication, proxy "
        "and data power. Which one should it lead with?"
    ),
    hint="Lead with what the public understands, what stands for the result, and what has good data every year.",
    choices=(
        "Renter cost burden: high, high, high",
        "Families who feel secure in their homes: high, high, low",
        "Housing code inspections completed: low, low, high",
        "Median rent: high, medium, high",
    ),
    answer="Renter cost burden: high, high, high",
    feedback={
        "Families who feel secure in their homes: high, high, low": "Strong on communication and proxy power but weak on data: it belongs on the data development agenda, worth building the data for, not yet ready to lead with.",
        "Housing code inspections completed: low, low, high": "Good data, but it counts the city's effort, not residents' well-being: a program's performance measure, not a population indicator to lead with.",
        "Median rent: high, medium, high": "A useful secondary indicator; lead with the one strong on all three kinds of power.",
    },
    explanation="Lead with the few indicators strong on all three kinds of power; keep the others as secondary indicators, and put those strong on communication and proxy power but weak on data on the data development agenda.",
)

WHO_SETS_RESULT = SingleChoice(
    id="who_sets_result",
    prompt=(
        "Port Alder's three agency heads drafted the result 'every child starts school ready and "
        "reads well by third grade'. In this fictional city, in 2016, 44% of third graders read at "
        "grade level; among children in low-income families, 32%. What should the partnership do "
        "before it adopts the result and its headline indicator?"
    ),
    hint="Who named the result, and what would the citywide rate hide?",
    choices=(
        "Take the draft to parents and child-care providers in the neighbourhoods with the lowest rates, ask what 'ready' means to them, and adopt the indicator broken down by income and race, with the gap as a curve of its own.",
        "Adopt it as written: a result for every child already includes low-income children.",
        "Start a program for low-income children and measure how its own clients do.",
        "Wait until the reading data is broken down by income before talking to residents.",
    ),
    answer="Take the draft to parents and child-care providers in the neighbourhoods with the lowest rates, ask what 'ready' means to them, and adopt the indicator broken down by income and race, with the gap as a curve of its own.",
    feedback={
        "Adopt it as written: a result for every child already includes low-income children.": "The citywide rate can rise while the gap widens; 'every child' stays a slogan unless the indicator shows the groups, and the families it names had no say in it.",
        "Start a program for low-income children and measure how its own clients do.": "That is performance accountability for one program: useful, but it does not replace a population result the community helped set, or show the citywide gap.",
        "Wait until the reading data is broken down by income before talking to residents.": "The breakdown can go on the data development agenda and be built alongside; waiting keeps the result in the agencies' hands alone.",
    },
    explanation="Population accountability is shared with the community, so the community helps set the result. Ask who is affected and who is at the table, and read each headline indicator by race and income so an average cannot hide the children the partnership most needs to reach.",
)

EXERCISES = (
    WHO_IS_ACCOUNTABLE,
    WHO_SETS_RESULT,
    BASELINE_PARTS,
    THREE_QUESTIONS,
    READ_THE_YEAR,
    ONE_YEAR_BEYOND,
    HEADLINE_INDICATOR,
    SKIPPED_STEPS,
    STORY_BEHIND,
)

PERFORMANCE_QUESTIONS = (
    "Who are our customers?",
    "How can we measure if our customers are better off?",
    "How can we measure if we are delivering service well?",
    "How are we doing on the most important of these measures (the baseline, and the story behind it)?",
    "Who are the partners that have a role to play in doing better?",
    "What works to do better, including low-cost and no-cost ideas?",
    "What do we propose to do?",
)

PERFORMANCE_WORKSHEET = tuple(
    Reflection(
        id=f"perf_{number}",
        prompt=f"Program worksheet {number}. {question}",
        hint="Answer for one program you know well.",
        min_words=5,
    )
    for number, question in enumerate(PERFORMANCE_QUESTIONS, start=1)
)

POPULATION_QUESTIONS = (
    (
        "ws_result",
        "What are the quality-of-life conditions we want for the children, adults and families "
        "who live in our community?",
        "Name a whole population in a place and one condition of well-being, in plain words.",
    ),
    (
        "ws_look_like",
        "What would these conditions look like if we could see them?",
        "Ask residents, not only agencies: what would they see, hear or feel? Write down one "
        "thing a resident said or would say.",
    ),
    (
        "ws_measure",
        "How can we measure these conditions?",
        "Two or three candidate indicators; rate each on communication, proxy and data power.",
    ),
    (
        "ws_how_doing",
        "How are we doing on the most important of these measures?",
        "The baseline (history and forecast), broken down by race and income, and the story "
        "behind it.",
    ),
    (
        "ws_partners",
        "Who are the partners that have a role to play in doing better?",
        "Include at least one partner, inside or outside government, who is not in the room yet.",
    ),
    (
        "ws_what_works",
        "What works to do better, including no-cost and low-cost ideas?",
        "Evidence, common sense and your community's own ideas all count; include one 'off the "
        "wall' idea.",
    ),
    (
        "ws_action",
        "What do we propose to do?",
        "Small, specific, dated steps: what, who, by when.",
    ),
)

WORKSHEET = tuple(
    Reflection(
        id=exercise_id,
        prompt=f"Population worksheet {number}. {question}",
        hint=hint,
        min_words=10,
    )
    for number, (exercise_id, question, hint) in enumerate(POPULATION_QUESTIONS, start=1)
)
