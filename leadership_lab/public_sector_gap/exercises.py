"""Self-checks for "The public-sector gap": every exercise kind, each declared once."""

from __future__ import annotations

from leadership_lab.exercises.model import (
    MultipleChoice,
    NumberAnswer,
    RankItems,
    Reflection,
    SingleChoice,
    SortIntoCategories,
)

from .model import example_checks

CHAPTER = "01_public_sector_gap"
TITLE = "The public-sector gap"

GAP_CAUSE = SingleChoice(
    id="gap_cause",
    prompt="Riverton's jobs compact waited a year after the state changed its funding rules. Why?",
    hint="Ask who could change the rules the money now followed.",
    choices=(
        "The nonprofits ran out of money.",
        "Nobody at the table could rewrite the workforce board's contracts.",
        "The employers left the compact.",
        "The foundation stopped paying for coordinating staff.",
    ),
    answer="Nobody at the table could rewrite the workforce board's contracts.",
    feedback={
        "The nonprofits ran out of money.": "The story never says so: the money existed, but it flowed through contracts written for single programs.",
        "The employers left the compact.": "The employers stayed; the block was in how public money was contracted.",
        "The foundation stopped paying for coordinating staff.": "The backbone staff were still paid; they could not change city contracts.",
    },
    explanation="Only city government could change how its workforce board contracted, and no public leader sat at the table.",
)

FIVE_CONDITIONS = MultipleChoice(
    id="five_conditions",
    prompt="Which of these are among collective impact's five conditions? Tick all that apply.",
    hint="There are five; two of the options are tempting but are not conditions.",
    choices=(
        "Common agenda",
        "Shared measurement",
        "A single lead funder",
        "Mutually reinforcing activities",
        "Quick wins every quarter",
        "Continuous communication",
        "Backbone support",
    ),
    answers=(
        "Common agenda",
        "Shared measurement",
        "Mutually reinforcing activities",
        "Continuous communication",
        "Backbone support",
    ),
    feedback={
        "A single lead funder": "Funding matters, but Kania and Kramer's conditions say nothing about one funder.",
        "Quick wins every quarter": "Quick wins fuel motivation; they are not one of the five conditions.",
    },
    explanation="Common agenda, shared measurement, mutually reinforcing activities, continuous communication and backbone support.",
)

PUBLIC_LEVERS = SortIntoCategories(
    id="public_levers",
    prompt="Sort each lever: which can only city government pull, and which can any partner offer?",
    hint="Think of what needs a public budget, a public contract or legal authority.",
    categories=("Only city government", "Any partner"),
    items={
        "Rewrite a city agency's contracts": "Only city government",
        "Issue a building permit": "Only city government",
        "Move money in the city budget": "Only city government",
        "Convene partners around one result": "Any partner",
        "Mentor young people": "Any partner",
        "Staff the backbone": "Any partner",
    },
    feedback={
        "Convene partners around one result": "Anyone trusted can convene; in Bellmont a foundation co-chairs.",
        "Staff the backbone": "Backbone staff often sit in a nonprofit or foundation.",
        "Mentor young people": "Mentoring is work any partner can do.",
        "Rewrite a city agency's contracts": "Public contracts change only through the city.",
        "Issue a building permit": "Permits are a legal power of government.",
        "Move money in the city budget": "Only the city (its mayor and council) can move public budget lines.",
    },
    explanation="These public levers are why a partnership cannot work around city government for long.",
)

BELLMONT_SCORE = NumberAnswer(
    id="bellmont_score",
    prompt="Bellmont rates its six conditions 5, 4, 4, 3, 4 and 5. What is its overall health score (the average), to one decimal place?",
    hint="Add the six ratings and divide by six.",
    answer=4.2,
    tolerance=0.05,
    too_low="Too low: the six ratings add up to 25.",
    too_high="Too high: the six ratings add up to 25, and there are six of them.",
    explanation="25 divided by 6 is 4.17, which rounds to 4.2.",
)

BELLMONT_ORDER = RankItems(
    id="bellmont_order",
    prompt="Rank the four tools in the order the health check suggests Bellmont read them, first to last.",
    hint="The weakest condition decides what comes first; look at Bellmont's radar in the chart above.",
    order=tuple(
        rec.tool.title for rec in example_checks()["Bellmont transit corridor"].reading_order
    ),
    explanation="Continuous communication (3 of 5) is Bellmont's weakest condition, so networks come first.",
    feedback="Start from Bellmont's lowest rating and the tool the grid marks as its main tool.",
)

YOUR_GAP = Reflection(
    id="your_gap",
    prompt="Which condition is weakest in your own partnership, and what is one step your public-sector partners could take on it this quarter?",
    hint="Name the condition, then one concrete step, with who would take it.",
    min_words=12,
)

CO_LEADING = SingleChoice(
    id="co_leading",
    prompt=(
        "Port Alder's partnership started in the mayor's office, and every press release named "
        "the mayor. The election is a year away. Which change best protects the partnership if "
        "the mayor loses?"
    ),
    hint="Quick wins are not the problem. Ask whose name is on them, and who stays after the vote.",
    choices=(
        "Pair the mayor with an external co-chair and announce wins in the partnership's name.",
        "Stop announcing quick wins until after the election.",
        "Move the partnership out of city government into a nonprofit.",
        "Deliver as many quick wins as possible before the vote.",
    ),
    answer="Pair the mayor with an external co-chair and announce wins in the partnership's name.",
    feedback={
        "Stop announcing quick wins until after the election.": "Quick wins are the fuel that keeps partners motivated; the risk is in how they are credited, not in having them.",
        "Move the partnership out of city government into a nonprofit.": "Moving it does not keep city government at the table, and the partnership still needs the levers only government holds: policy, budgets, permits, data.",
        "Deliver as many quick wins as possible before the vote.": "More wins credited to the mayor make the partnership more plainly one mayor's project, an easy thing for a new administration to cut.",
    },
    explanation="A public leader paired with a strong external co-chair can offset some of the short-term political pressure: the co-chair carries the long view across elections, and wins announced in the partnership's name stay the partnership's.",
)

EXERCISES = (
    GAP_CAUSE,
    FIVE_CONDITIONS,
    PUBLIC_LEVERS,
    CO_LEADING,
    BELLMONT_SCORE,
    BELLMONT_ORDER,
    YOUR_GAP,
)
