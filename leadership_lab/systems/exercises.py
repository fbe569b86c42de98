"""Self-checks for "Systems thinking"."""

from __future__ import annotations

from leadership_lab.exercises.model import (
    MultipleChoice,
    NumberAnswer,
    RankItems,
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
        "Overtime clears a permit backlog, then burned-out staff quit and the backlog grows.": "Fixes that fail",
        "Payday loans cover a family's rent gap, so no one tackles the income gap.": "Shifting the burden",
        "A mentoring program grows fast until it runs out of volunteers.": "Limits to growth",
        "The school with the best scores gets the grant that widens its lead.": "Success to the successful",
    },
    feedback={
        "Overtime clears a permit backlog, then burned-out staff quit and the backlog grows.": "The fix itself causes the problem to return later.",
        "Payday loans cover a family's rent gap, so no one tackles the income gap.": "A symptomatic solution takes the pressure off the fundamental one.",
        "A mentoring program grows fast until it runs out of volunteers.": "Growth meets a limit that slows it.",
        "The school with the best scores gets the grant that widens its lead.": "Resources follow success, so the gap widens.",
    },
    explanation="Each archetype is a recurring structure; naming it helps partners see where to act.",
)

PREDICT = SingleChoice(
    id="predict_behaviour",
    prompt="Before you run it: the housing model loses 4% of its homes a year and builds a fixed number each year. What happens over twenty years?",
    hint="When does building equal losing?",
    choices=(
        "The stock grows for ever.",
        "The stock levels off where yearly losses equal yearly building.",
        "The stock swings up and down.",
        "The stock falls to zero.",
    ),
    answer="The stock levels off where yearly losses equal yearly building.",
    feedback={
        "The stock grows for ever.": "Losses grow with the stock, so growth slows until the two balance.",
        "The stock swings up and down.": "There is no delay in this model to make it overshoot.",
        "The stock falls to zero.": "Only if funding stopped; with steady building, it settles above zero.",
    },
    explanation="A first-order stock with a constant inflow and proportional outflow seeks a goal: inflow / loss rate.",
)

EQUILIBRIUM = NumberAnswer(
    id="equilibrium",
    prompt="$20M a year builds 80 homes a year (at $0.25M each); 4% of homes are lost each year. Where does the stock settle (number of homes)?",
    hint="Settled means building equals losing: 80 = 0.04 × homes.",
    answer=2000,
    tolerance=1,
    too_low="Too low: solve 80 = 0.04 × homes.",
    too_high="Too high: solve 80 = 0.04 × homes.",
    explanation="80 / 0.04 = 2,000 homes.",
)

ICEBERG = RankItems(
    id="iceberg",
    prompt="Order the levels of the iceberg from the surface down.",
    hint="What you see first is at the top; what drives it is deepest.",
    order=("Events", "Patterns", "Structures", "Mental models"),
    explanation="Events show patterns over time; structures produce the patterns; mental models keep structures in place.",
    feedback="Start with what happened yesterday and end with the beliefs that hold the system in place.",
)

LEVERAGE = MultipleChoice(
    id="leverage",
    prompt="Meadows ranks places to intervene in a system. Which of these are usually higher leverage than changing a number such as a subsidy rate? Tick all that apply.",
    hint="Higher leverage changes how the system is organised and what it aims for.",
    choices=(
        "Changing the goal of the system",
        "Changing who gets information, and when",
        "Adjusting a parameter by a few percent",
        "Changing the rules: incentives and constraints",
    ),
    answers=(
        "Changing the goal of the system",
        "Changing who gets information, and when",
        "Changing the rules: incentives and constraints",
    ),
    feedback={
        "Adjusting a parameter by a few percent": "Parameters are real but usually the lowest leverage."
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
        "Which of these are among the three capabilities Senge, Hamilton and Kania describe in a "
        "systems leader? Tick all that apply."
    ),
    hint="Some options describe power or politics, not how a leader helps others see and act.",
    choices=(
        "Helping people see the larger system",
        "Holding the partnership's budget",
        "Fostering reflection and generative conversation",
        "Announcing a quick win before each election",
        "Shifting the focus from reacting to problems to co-creating the future",
    ),
    answers=(
        "Helping people see the larger system",
        "Fostering reflection and generative conversation",
        "Shifting the focus from reacting to problems to co-creating the future",
    ),
    feedback={
        "Holding the partnership's budget": "Control of money is authority; a systems leader's work is helping partners see and shape the system together.",
        "Announcing a quick win before each election": "Quick wins can fuel a partnership, but announcing them is politics, not one of the three capabilities.",
    },
    explanation="Seeing the larger system, reflective and generative conversation, and a shift from reactive problem solving to co-creating the future (Senge, Hamilton and Kania). Separately, Living Cities has seen a public leader paired with an external co-chair help keep the lens on systems change.",
)

EXERCISES = (
    CLASSIFY_LOOP,
    MATCH_ARCHETYPE,
    PREDICT,
    EQUILIBRIUM,
    ICEBERG,
    LEVERAGE,
    SYSTEMS_LEADER,
    YOUR_LOOP,
)
