"""Self-checks for "The public-sector gap": every exercise kind, each applied to a city case."""

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
        "The nonprofits ran short of money while the state rules changed.",
        "Nobody at the table could rewrite the workforce board's contracts.",
        "The employers left the compact.",
        "The foundation stopped paying the small coordinating staff.",
    ),
    answer="Nobody at the table could rewrite the workforce board's contracts.",
    feedback={
        "The nonprofits ran short of money while the state rules changed.": "The story never says so: the money existed, but it flowed through contracts written for single programs.",
        "The employers left the compact.": "The employers stayed; the block was in how public money was contracted.",
        "The foundation stopped paying the small coordinating staff.": "The story never says the foundation stopped paying, and even well-paid backbone staff could not change city contracts.",
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
        "Convene partners around one result": "Any partner",
        "Rewrite a city agency's contracts": "Only city government",
        "Issue a building permit": "Only city government",
        "Mentor young people": "Any partner",
        "Move money in the city budget": "Only city government",
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
    prompt=(
        "Bellmont's partners rate the eight health-check items 5, 3, 4, 4, 4, 5, 3 and 2. What "
        "is its overall score (the average), to two decimal places? Then look at the 2: does a "
        "good average mean a healthy partnership?"
    ),
    hint="Add the eight ratings and divide by eight.",
    answer=3.75,
    tolerance=0.005,
    too_low="Too low: the eight ratings add up to 30.",
    too_high="Too high: the eight ratings add up to 30, and there are eight of them.",
    explanation=(
        "30 divided by 8 is 3.75. The average hides the gap: community co-ownership is rated 2, "
        "so the residents most affected are consulted rather than sharing decisions."
    ),
)

BELLMONT_ORDER = RankItems(
    id="bellmont_order",
    prompt="Rank the four tools in the order the health check suggests Bellmont read them, first to last.",
    hint="The weakest condition decides what comes first; look at Bellmont's radar in the chart above.",
    order=tuple(
        rec.tool.title for rec in example_checks()["Bellmont transit corridor"].reading_order
    ),
    explanation=(
        "Community co-ownership (2 of 5) is Bellmont's weakest item, and shared measurement (3) "
        "is next: Results-Based Accountability works on both (choosing indicators with residents), "
        "so it comes first, with adaptive leadership close behind."
    ),
    feedback="Add up, for each tool, how far below 5 each item it helps is rated, weighted as the grid shows.",
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
        "the mayor. The election is a year away. Which change does the co-leading model suggest?"
    ),
    hint="Quick wins are not the problem. Ask who shares the lead, and whose name is on the wins.",
    choices=(
        "Add a strong external co-chair, and announce wins in the partnership's name.",
        "Stop announcing quick wins until after the election, so none looks like campaigning.",
        "Move the partnership out of city government into a nonprofit, beyond the election's reach.",
        "Deliver as many quick wins as possible before the vote, to prove the work is worth keeping.",
    ),
    answer="Add a strong external co-chair, and announce wins in the partnership's name.",
    feedback={
        "Stop announcing quick wins until after the election, so none looks like campaigning.": "Quick wins are the motivational fuel of any collective impact effort; the risk is what they are used for and whose name they carry, not having them.",
        "Move the partnership out of city government into a nonprofit, beyond the election's reach.": "That drops the public co-lead the model needs, and the partnership still needs levers only government holds: policy, budgets, permits, data.",
        "Deliver as many quick wins as possible before the vote, to prove the work is worth keeping.": "Wins built up in one mayor's name make the effort that mayor's project, which a new administration can put on the chopping block.",
    },
    explanation=(
        "Living Cities has seen a public leader paired with a strong external co-chair help offset "
        "some of the short-term political pressure and keep the focus on changing the system. "
        "It is a help, not a guarantee: the partnership still needs practices that outlast the "
        "mayor, such as a budget line, a civil-service-protected champion and a transition memo."
    ),
)

PRECONDITIONS = SingleChoice(
    id="preconditions",
    prompt=(
        "Grantham (fictional) lost its last mill. A respected former mayor is ready to bring "
        "business, college and nonprofit leaders together, and the whole city is worried about "
        "jobs. No funder has committed money for coordinating staff. Which of collective "
        "impact's three preconditions is missing?"
    ),
    hint="Check each of the three in turn: a champion, money, urgency.",
    choices=(
        "An influential champion",
        "Adequate financial resources",
        "A sense of urgency for change",
        "A common agenda",
    ),
    answer="Adequate financial resources",
    feedback={
        "An influential champion": "Grantham has one: a respected former mayor who can bring leaders to the table.",
        "A sense of urgency for change": "The mill closure and the city's worry about jobs supply the urgency.",
        "A common agenda": "A common agenda is one of the five conditions, built once the effort starts; it is not a precondition for starting.",
    },
    explanation=(
        "Hanleybrown, Kania and Kramer name three preconditions: an influential champion, adequate "
        "financial resources and a sense of urgency for change. Without money for coordination, "
        "the effort starts without a backbone to hold it together."
    ),
)

QUICK_WINS = SortIntoCategories(
    id="quick_wins",
    prompt=(
        "It is 2017, and Port Alder's partnership is choosing its next steps a year before the "
        "election. Sort each: fuel for the partnership, or one of the risks the source article "
        "names?"
    ),
    hint="The article names two risks: losing the long-term vision, and effort redirected to making a mayor look good.",
    categories=("Fuel for the partnership", "A risk the article names"),
    items={
        "Moving the reading program to the mayor's home ward, against what the data show": "A risk the article names",
        "An early win the partners chose because it moves their shared result": "Fuel for the partnership",
        "Shelving the ten-year kindergarten-readiness goal for a ribbon-cutting before the vote": "A risk the article names",
        "Every press release leads with the mayor's name and photo": "A risk the article names",
        "Celebrating the first 200 children enrolled, in the partnership's name": "Fuel for the partnership",
    },
    feedback={
        "An early win the partners chose because it moves their shared result": "Quick wins are motivational fuel when they are in service of the whole.",
        "Celebrating the first 200 children enrolled, in the partnership's name": "A win in the partnership's name stays with the partnership after the election.",
        "Moving the reading program to the mayor's home ward, against what the data show": "Effort redirected to making a mayor look good rather than doing something in service of the whole.",
        "Shelving the ten-year kindergarten-readiness goal for a ribbon-cutting before the vote": "Losing sight of the long-term vision for a political promise.",
        "Every press release leads with the mayor's name and photo": "Wins built up in one mayor's name can make the effort more associated with that mayor, and put it on the chopping block when a new administration comes in.",
    },
    explanation=(
        "Quick wins fuel any collective impact effort. The article's two warnings are that the "
        "pressure for them can cost the long-term vision, and that politics can redirect them to "
        "making a mayor look good; built up over time, such wins can make the effort more "
        "associated with one mayor and put it on the chopping block when a new administration "
        "comes in."
    ),
)

DURABILITY_PRACTICES = MultipleChoice(
    id="durability_practices",
    prompt=(
        "It is 2020 in Easton Ridge (fictional). The mayor who backed the Home Together housing "
        "partnership is term-limited and leaves office next year. Which steps would help the "
        "partnership outlive her? Tick all that apply."
    ),
    hint="Ask of each step: will it still be there, and still matter, the day after the new mayor is sworn in?",
    choices=(
        "Ask the council to put the city's share of the work in the budget as a named line.",
        "Have a civil-service-protected manager in the housing department co-own the work.",
        "Write a transition memo for whoever wins, saying what stopping the work would cost.",
        "Help resident leaders ask every candidate, at public forums, whether they will keep it.",
        "Hold a launch event with the mayor before she leaves, to lock in her legacy.",
        "Stay out of the race: brief no candidate until after the election, so no one can call the partnership partisan.",
        "Wait until the new mayor is sworn in, then ask for a meeting.",
    ),
    answers=(
        "Ask the council to put the city's share of the work in the budget as a named line.",
        "Have a civil-service-protected manager in the housing department co-own the work.",
        "Write a transition memo for whoever wins, saying what stopping the work would cost.",
        "Help resident leaders ask every candidate, at public forums, whether they will keep it.",
    ),
    feedback={
        "Ask the council to put the city's share of the work in the budget as a named line.": "A budget line lasts one fiscal year, but a named line makes cutting the work a visible decision in the next budget; a mayor's promise leaves with the mayor.",
        "Have a civil-service-protected manager in the housing department co-own the work.": "Appointees, and many at-will deputy directors, usually leave with their mayor; a civil-service-protected manager is still there to brief the next team.",
        "Write a transition memo for whoever wins, saying what stopping the work would cost.": "An incoming team sets its priorities fast; a short memo makes the partnership's case before those priorities are set.",
        "Help resident leaders ask every candidate, at public forums, whether they will keep it.": "A community constituency that asks in public makes dropping the work a visible choice.",
        "Hold a launch event with the mayor before she leaves, to lock in her legacy.": "That makes the partnership more plainly one mayor's legacy, the thing the article warns a new administration may cut.",
        "Stay out of the race: brief no candidate until after the election, so no one can call the partnership partisan.": "Staying nonpartisan does not mean staying silent: offering every candidate the same factual briefing takes no side, while refusing all of them means the winner meets the partnership first as a line to trim.",
        "Wait until the new mayor is sworn in, then ask for a meeting.": "By then the transition team has set priorities and the first budget is being drafted; the practices work only if they are in place before the vote.",
    },
    explanation=(
        "A budget line, a civil-service-protected champion, a transition memo and a community "
        "constituency all make the work more likely to outlast one mayor; none guarantees it. "
        "Events that add to one mayor's legacy, refusing to brief candidates, and waiting do not."
    ),
)


EXPOSURE_READING = SingleChoice(
    id="exposure_reading",
    prompt=(
        'In the exposure chart, choose "Written agreement and budget line". Lakemont\'s and '
        "Bellmont's partnerships (both fictional) are both led from city government with an "
        "external co-chair, and have the same two practices, yet Lakemont's bar is longer. Why?"
    ),
    hint="Read the labels beside each bar: what differs between the two cities?",
    choices=(
        "Lakemont has had two new mayors, Bellmont's one, and each change is another chance to be dropped.",
        "Lakemont is the larger city, so each of its practices removes a smaller share of the risk.",
        "Lakemont's external co-chair has less standing at city hall, so it offsets less of the political risk.",
        "Bellmont's mayors were re-elected more often, and each re-election makes its budget line count for more.",
    ),
    answer="Lakemont has had two new mayors, Bellmont's one, and each change is another chance to be dropped.",
    feedback={
        "Lakemont is the larger city, so each of its practices removes a smaller share of the risk.": "The illustration gives each practice the same weight in every city; population is not in it.",
        "Lakemont's external co-chair has less standing at city hall, so it offsets less of the political risk.": "The illustration has no measure of a co-chair's standing: both cities are led from city government with an external co-chair, so it starts them at the same risk per change of mayor.",
        "Bellmont's mayors were re-elected more often, and each re-election makes its budget line count for more.": "A re-election is not a change of administration; it adds no exposure, but it does not make a practice stronger either.",
    },
    explanation=(
        "With the same leadership and the same practices, exposure adds up across changes of "
        "administration: a partnership that has faced more new mayors has had more chances to be "
        "dropped. The practices lower the risk at every change; they do not remove it. (An "
        "illustration with invented risks, on synthetic data.)"
    ),
)

COMMUNITY_VOICE = SortIntoCategories(
    id="community_voice",
    prompt=(
        "When Easton Ridge's city government joined the Home Together partnership, the coalition "
        "of neighbourhood groups asked how residents would take part. Sort each practice."
    ),
    hint="Ask whether residents shape decisions while they can still change, or react to decisions already made.",
    categories=("Community members as co-owners", "Consulted late, or there for show"),
    items={
        "A public comment session on the finished plan, the week before the council vote": "Consulted late, or there for show",
        "Residents who have faced eviction sit on the steering committee and vote on strategy": "Community members as co-owners",
        "Residents help choose the indicators and read the data with staff": "Community members as co-owners",
        "A survey of residents after the strategy is chosen, to shape the messaging": "Consulted late, or there for show",
        "Resident members are paid for their time, and meetings are held in the evening, in the neighbourhood": "Community members as co-owners",
        "Residents invited to the launch to tell their stories beside the mayor": "Consulted late, or there for show",
    },
    feedback={
        "Residents who have faced eviction sit on the steering committee and vote on strategy": "A vote on strategy is shared decision-making, not consultation.",
        "Residents help choose the indicators and read the data with staff": "Choosing what counts as progress is one of the most powerful decisions a partnership makes.",
        "Resident members are paid for their time, and meetings are held in the evening, in the neighbourhood": "Staff are paid to attend; paying residents and meeting where and when they can is what makes a seat at the table usable.",
        "A public comment session on the finished plan, the week before the council vote": "Comment on a finished plan may be what the law requires, but the decisions are already made.",
        "A survey of residents after the strategy is chosen, to shape the messaging": "Asking after the strategy is set uses residents' views for messaging, not for deciding.",
        "Residents invited to the launch to tell their stories beside the mayor": "Stories at a launch are for show unless the same residents helped decide what is being launched.",
    },
    explanation=(
        "Centering equity means shifting power within the partnership and listening to and acting "
        "with the community, not consulting it once the decisions are made."
    ),
)

EXERCISES = (
    GAP_CAUSE,
    PUBLIC_LEVERS,
    PRECONDITIONS,
    FIVE_CONDITIONS,
    BELLMONT_SCORE,
    BELLMONT_ORDER,
    YOUR_GAP,
    QUICK_WINS,
    CO_LEADING,
    DURABILITY_PRACTICES,
    EXPOSURE_READING,
    COMMUNITY_VOICE,
)
