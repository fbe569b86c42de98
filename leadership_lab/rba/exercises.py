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
    prompt=(
        "Easton Ridge's partners chose the result 'Every family in Easton Ridge has a safe, stable home it can afford' "
        "(fictional city). Its indicator, renter cost burden, rose again last year. Who is "
        "accountable for that population result?"
    ),
    hint="A population result is a condition of well-being for a whole community, not of one program's clients; an indicator measures it.",
    choices=(
        "The housing department, since housing policy and its budget are its job.",
        "The rental assistance manager, whose clients are the renters most at risk.",
        "No single agency: the partners and the community together.",
        "The mayor, who answers to voters for how the whole city is doing.",
    ),
    answer="No single agency: the partners and the community together.",
    feedback={
        "The housing department, since housing policy and its budget are its job.": "The department can be held to its own programs' performance, but rents across a city depend on landlords, wages, employers and state policy too: no one department can move them alone.",
        "The rental assistance manager, whose clients are the renters most at risk.": "The manager is accountable for the program's clients (performance accountability), not for every renter in the city.",
        "The mayor, who answers to voters for how the whole city is doing.": "Voters may judge the mayor, but holding one elected official to a population result ties the effort to one administration; the partners and the community share it.",
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
        "The target partners hope to reach, on the good side of the forecast",
        "Each program's budget over the same years",
    ),
    answers=(
        "The measured history of the indicator",
        "A forecast of where it goes if nothing changes",
    ),
    feedback={
        "The target partners hope to reach, on the good side of the forecast": "A target may come later, set after the baseline and the story behind it, if partners want one; the baseline itself is where the line goes if we stay on our current course.",
        "Each program's budget over the same years": "Budgets are means, and belong with each program's performance measures; the baseline is about the population's condition, the end result.",
    },
    explanation="History plus a forecast. Doing better than the forecast is turning the curve, even if the line still falls; the band around the forecast says whether an ordinary year could have done it.",
)

THREE_QUESTIONS = SortIntoCategories(
    id="three_questions",
    prompt="Sort each performance measure of Riverton's job training program into the question it answers.",
    hint="Counts of activity answer 'how much'; shares of quality answer 'how well'; changes in people's lives answer 'is anyone better off'.",
    categories=("How much did we do?", "How well did we do it?", "Is anyone better off?"),
    items={
        "Enrollees completing training on schedule": "How well did we do it?",
        "Residents enrolled in training": "How much did we do?",
        "Completers employed six months later": "Is anyone better off?",
        "Classes held this quarter": "How much did we do?",
        "Completers earning more than before": "Is anyone better off?",
        "Participants rating the instructors good or better": "How well did we do it?",
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
        "Turning the curve, within the band: test it with the story behind the curve.",
        "Worse: the rate fell half a point, so the partnership is losing ground and should change course.",
        "Proof the partnership worked: it beat the forecast by a point and a half.",
        "Not turning the curve: a year inside the band counts as no change until a year clears it.",
    ),
    answer="Turning the curve, within the band: test it with the story behind the curve.",
    feedback={
        "Worse: the rate fell half a point, so the partnership is losing ground and should change course.": "A year is read against the baseline, not against last year: falling less than forecast is turning the curve.",
        "Proof the partnership worked: it beat the forecast by a point and a half.": "Beating the forecast is turning the curve, but inside the band it could be an ordinary year; and even a turn beyond the band shows contribution, not proof. Test it with the story behind the curve.",
        "Not turning the curve: a year inside the band counts as no change until a year clears it.": "In RBA, doing better than the forecast is turning the curve, inside the band or not. The band only says how sure you can be.",
    },
    explanation="Read a year against the forecast and its band: better than the forecast is turning the curve; inside the band it could be an ordinary year's wobble, so the story behind the curve has to carry the case.",
)

ONE_YEAR_BEYOND = SingleChoice(
    id="one_year_beyond",
    prompt="In a fictional city, kindergarten readiness landed above the whole baseline band in 2025, for the first time. If nothing had changed when the partnership began, how often would a year land there by chance?",
    hint="What share of years does an 80% band leave outside, and on how many sides?",
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
    explanation="An 80% band leaves one year in ten above it by chance. One year beyond it is a hint to look harder. A second year running is only a little stronger (about one time in seventeen), because both years are read against the same line; the story behind the curve and a comparison make the case.",
)

SKIPPED_STEPS = SingleChoice(
    id="skipped_steps",
    prompt="A fictional city's housing partners agreed on the baseline for renter cost burden, then went straight to an action plan: fund more rent help. What did they skip, and what would it have given them?",
    hint="A turn-the-curve conversation has five steps between the data and the plan's last line.",
    choices=(
        "The story behind the baseline, the partners with a role, and what works, including low-cost ideas.",
        "Nothing: once partners agree the baseline, the action plan is the next and last step.",
        "A target: they should have agreed how far the burden must fall, and by when, before planning.",
        "A scorecard for the rent-help program, with how much, how well and better-off measures, before funding more.",
    ),
    answer="The story behind the baseline, the partners with a role, and what works, including low-cost ideas.",
    feedback={
        "Nothing: once partners agree the baseline, the action plan is the next and last step.": "Between the data and the plan come the causes, the partners and the ideas; without them the plan repeats what the partners already fund.",
        "A target: they should have agreed how far the burden must fall, and by when, before planning.": "A target is not one of the steps; without the story behind the baseline they would not know which causes a target should move.",
        "A scorecard for the rent-help program, with how much, how well and better-off measures, before funding more.": "Performance measures matter for the program later; the population conversation first asks why the line moves and who can help turn it.",
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
    hint="First ask which candidates measure the condition of the whole population, not one program's work; then which are strong on every power.",
    choices=(
        "Renter cost burden: high, high, high",
        "Families who feel secure in their homes: high, high, low",
        "Rental-assistance applications paid within 30 days: high, high, high",
        "Median rent: high, medium, high",
    ),
    answer="Renter cost burden: high, high, high",
    feedback={
        "Families who feel secure in their homes: high, high, low": "Strong on communication and proxy power but weak on data: it belongs on the data development agenda, worth building the data for, not yet ready to lead with.",
        "Rental-assistance applications paid within 30 days: high, high, high": "Rated high, but it says how well one program works for its own clients: a performance measure for that program's scorecard, not a population indicator, however good its data.",
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
        "Ask parents and child-care staff where rates are lowest what 'ready' means, and break the indicator down by income and race.",
        "Adopt it as written: 'every child' already includes low-income children, and one citywide rate is the simplest for the public to follow.",
        "Start a reading program for low-income children and judge the result by how its own clients do.",
        "Wait until the reading data is broken down by income, then take the finished result to residents for comment.",
    ),
    answer="Ask parents and child-care staff where rates are lowest what 'ready' means, and break the indicator down by income and race.",
    feedback={
        "Adopt it as written: 'every child' already includes low-income children, and one citywide rate is the simplest for the public to follow.": "The citywide rate can rise while the gap widens; 'every child' stays a slogan unless the indicator shows the groups, and the families it names had no say in it.",
        "Start a reading program for low-income children and judge the result by how its own clients do.": "That is performance accountability for one program: useful, but it does not replace a population result the community helped set, or show the citywide gap.",
        "Wait until the reading data is broken down by income, then take the finished result to residents for comment.": "The breakdown can go on the data development agenda and be built alongside; bringing residents a finished result for comment keeps it in the agencies' hands alone.",
    },
    explanation="Population accountability is shared with the community, so the community helps set the result. Ask who is affected and who is at the table, and read each headline indicator by race and income so an average cannot hide the children the partnership most needs to reach.",
)


LANGUAGE_DISCIPLINE = SortIntoCategories(
    id="language_discipline",
    prompt=(
        "Cedar Bluff's partners (a fictional city) each brought a page of 'outcomes'. Sort each "
        "line into the word this course keeps for it."
    ),
    hint="Is it a condition of a whole population, a measure of that condition, what partners will do, or a measure of one program's clients?",
    categories=("Result", "Indicator", "Strategy", "Performance measure"),
    items={
        "Median household income, by race": "Indicator",
        "% of training graduates employed six months later": "Performance measure",
        "Every family in Cedar Bluff shares in the city's prosperity": "Result",
        "# of small-business loans the loan fund made this year": "Performance measure",
        "Share of residents living below the poverty line": "Indicator",
        "A local-hiring agreement with the three largest employers": "Strategy",
    },
    feedback={
        "Every family in Cedar Bluff shares in the city's prosperity": "A condition of well-being for a whole population, in plain words: a result. It has no number in it.",
        "Median household income, by race": "It measures the whole city's condition, so it is an indicator, not any one program's performance.",
        "Share of residents living below the poverty line": "A measure of the whole population's condition: an indicator.",
        "A local-hiring agreement with the three largest employers": "Something partners do together to move the indicators: a strategy. Its success is read on the indicators and on its own performance measures.",
        "% of training graduates employed six months later": "It is about one program's own clients: a performance measure ('is anyone better off?'), however much it matters to the result.",
        "# of small-business loans the loan fund made this year": "A count of one program's activity: a 'how much' performance measure.",
    },
    explanation="Result, indicator, strategy, performance measure: four ideas, one word each, agreed before partners argue about the numbers.",
)

THREE_PART_LIST = SortIntoCategories(
    id="three_part_list",
    prompt=(
        "Bellmont's corridor partners (a fictional city) rated candidates for the result "
        "'corridor residents can reach good jobs and afford to stay' (communication, proxy, "
        "data). Sort each into its part of the list."
    ),
    hint="Which powers must all be high to lead? What is missing from the ones worth building the data for?",
    categories=("Headline", "Secondary", "Data development agenda"),
    items={
        "Renter cost burden: high, high, high": "Headline",
        "Labour-force participation: high, high, high": "Headline",
        "Jobs reachable within 45 minutes by transit: high, high, medium": "Data development agenda",
        "Unemployment rate: high, medium, high": "Secondary",
        "Residents without health insurance: low, low, high": "Secondary",
    },
    feedback={
        "Jobs reachable within 45 minutes by transit: high, high, medium": "It speaks to the public and stands for the result, but the data is not yet good enough to lead with: build it.",
        "Unemployment rate: high, medium, high": "Good data and easy to explain, but it says less about this corridor's result than the two rated high on proxy power: a secondary indicator for the story behind the curve.",
        "Residents without health insurance: low, low, high": "Excellent data does not make a headline: it says little about this result in public. Keep it as a secondary indicator at most.",
        "Renter cost burden: high, high, high": "Strong on all three powers: lead with it.",
        "Labour-force participation: high, high, high": "Strong on all three powers: lead with it.",
    },
    explanation="Lead with the few high on all three powers; put those high on communication and proxy power but weaker on data on the data development agenda; keep the rest as secondary indicators.",
)

HEADLINE_MEASURE = SingleChoice(
    id="headline_measure",
    prompt=(
        "Bellmont's emergency rental assistance (fictional) reports four measures. Its director "
        "may talk about only one at the council's budget hearing. Which should it be?"
    ),
    hint="A forced choice among the 'how well' and 'better off' measures with good data.",
    choices=(
        "% of assisted households still housed 12 months later",
        "# of households assisted this quarter",
        "% of applications paid within 30 days",
        "# of landlords contacted about overdue rent",
    ),
    answer="% of assisted households still housed 12 months later",
    feedback={
        "# of households assisted this quarter": "A 'how much' count says the program was busy, not that anyone kept their home; it is not among the candidates for a headline measure.",
        "% of applications paid within 30 days": "A good 'how well' measure, and a fair second choice; but if only one can be said, say whether families are better off.",
        "# of landlords contacted about overdue rent": "Activity, not quality or effect: a 'how much' measure.",
    },
    explanation="A program's headline measures are a forced choice among its 'how well' (upper-right) and 'is anyone better off' (lower-right) measures with good data, usually a mix of both. Forced down to one for a budget hearing, the measure that says whether families kept their homes speaks most directly to why the council funds the program.",
)

BETTER_OFF_KINDS = SortIntoCategories(
    id="better_off_kinds",
    prompt=(
        "Port Alder's family reading program (fictional) wants 'is anyone better off?' measures. "
        "Sort each into the kind of change it shows."
    ),
    hint="What changed: what people know or can do, what they think, what they do, or their situation?",
    categories=("Skills or knowledge", "Attitude or opinion", "Behaviour", "Circumstance"),
    items={
        "# and % of parents who say reading aloud is worth 15 minutes a day": "Attitude or opinion",
        "# and % of enrolled families who moved into stable housing during the year": "Circumstance",
        "# and % of children reading at grade level in spring": "Skills or knowledge",
        "# and % of parents who read aloud five or more days a week": "Behaviour",
    },
    feedback={
        "# and % of children reading at grade level in spring": "Reading is a skill the children have gained: skills or knowledge.",
        "# and % of parents who say reading aloud is worth 15 minutes a day": "A belief or opinion has changed, not yet what parents do.",
        "# and % of parents who read aloud five or more days a week": "What people do is behaviour.",
        "# and % of enrolled families who moved into stable housing during the year": "Where a family lives is its situation, whatever it knows, thinks or does: circumstance.",
    },
    explanation="'Is anyone better off?' is counted as a number and a percentage of the people served, in skills or knowledge, attitude or opinion, behaviour or circumstance.",
)

TARGET_MISUSE = SingleChoice(
    id="target_misuse",
    prompt=(
        "Grantham's council (fictional) wants to write into its budget: 'unemployment down to "
        "4% by 2026; the job-training director's bonus depends on it'. What should the "
        "partnership advise?"
    ),
    hint="Who can move a citywide rate, and what happens to numbers people are paid to hit?",
    choices=(
        "Read progress against the baseline, and hold the director to the program's own measures, not the citywide rate.",
        "Adopt it: a clear public target, with a bonus tied to it, makes everyone in the partnership work harder.",
        "Drop the unemployment rate as an indicator, since no partner can control it, and report only program measures instead.",
        "Set the target at today's rate, so it will certainly be met and the bonus rewards holding steady.",
    ),
    answer="Read progress against the baseline, and hold the director to the program's own measures, not the citywide rate.",
    feedback={
        "Adopt it: a clear public target, with a bonus tied to it, makes everyone in the partnership work harder.": "A citywide rate is population accountability: no one director can move it alone, and a number someone is paid to hit invites gaming (holding back, doing just enough, hitting the target and missing the point).",
        "Drop the unemployment rate as an indicator, since no partner can control it, and report only program measures instead.": "No one controls a population indicator; that is why partners share it. Program measures alone cannot say whether the city is better off: keep the indicator, separate it from anyone's pay.",
        "Set the target at today's rate, so it will certainly be met and the bonus rewards holding steady.": "A target set where the line already is, or where it is heading anyway, asks for nothing beyond the baseline: meeting it says nothing about turning the curve. (Threshold and ratchet gaming are something else: what the people being measured do to a target they are held to.)",
    },
    explanation="Progress is read against the baseline. A target is a separate, later choice on the good side of the baseline, and a population indicator never becomes one person's performance measure.",
)

SHARED_READING = SingleChoice(
    id="shared_reading",
    prompt=(
        "In the sample data (fictional cities), median household income reads 'turning the "
        "curve' in all eight sample cities, seven of them beyond the band. Only Cedar "
        "Bluff and Grantham work on income. What is the best first story behind that curve?"
    ),
    hint="What do all eight cities share, whatever their partnership works on?",
    choices=(
        "Something all eight share: incomes in current dollars grow by a share each year, faster than a straight line follows.",
        "All eight partnerships are raising incomes, even those working on schools and housing, through spillovers from their other work.",
        "The income data must contain an error, so the readings should be ignored.",
        "Cedar Bluff and Grantham, the two that work on income, raised it, and the other six turns are luck.",
    ),
    answer="Something all eight share: incomes in current dollars grow by a share each year, faster than a straight line follows.",
    feedback={
        "All eight partnerships are raising incomes, even those working on schools and housing, through spillovers from their other work.": "Spillovers are possible, but when every city turns the same way, whatever its partnership does, look first for what they share: prices and wages rising everywhere, and the forecast method.",
        "The income data must contain an error, so the readings should be ignored.": "The readings are right about the numbers; the story behind them is what needs telling. A straight line simply cannot follow a compounding series.",
        "Cedar Bluff and Grantham, the two that work on income, raised it, and the other six turns are luck.": "Nothing in the data tells Cedar Bluff's turn from Port Alder's; a shared cause explains all eight at once. Contribution needs more than a reading.",
    },
    explanation="A reading shared by every city points to a shared cause (here, incomes counted in current dollars that grow by a share each year, which a straight line cannot follow; the 2020 shock had faded by 2022), not to the partnerships. The data cannot say who moved a line; comparisons and the story behind the curve can.",
)

TALK_TO_ACTION = SingleChoice(
    id="talk_to_action",
    prompt=(
        "Easton Ridge's partners (fictional) ended a turn-the-curve session on renter cost "
        "burden. Which line of their plan gets from talk to action?"
    ),
    hint="What, who, by when, and when will partners look again?",
    choices=(
        "The tenants' union and the housing department table a right-to-counsel pilot at the March council meeting, and the housing court sends the pilot's case outcomes to the data lead for June.",
        "Partners will work together to address housing affordability, drawing on every member's strengths.",
        "We will explore right-to-counsel, rent help and new building with landlords and tenants this year.",
        "Renter cost burden will fall to 40% by 2030, with progress reported to the council each year.",
    ),
    answer="The tenants' union and the housing department table a right-to-counsel pilot at the March council meeting, and the housing court sends the pilot's case outcomes to the data lead for June.",
    feedback={
        "Partners will work together to address housing affordability, drawing on every member's strengths.": "No one, nothing specific, no date: the conversation has not yet reached action.",
        "We will explore right-to-counsel, rent help and new building with landlords and tenants this year.": "Naming ideas is progress, but 'explore' is still talk: no one owns it and nothing is dated. Name what will be done, by whom, by when.",
        "Renter cost burden will fall to 40% by 2030, with progress reported to the council each year.": "A target and a reporting promise, not an action: it says where partners hope the line goes, not what anyone will do on Monday, or who.",
    },
    explanation="Each line of a turn-the-curve action plan names what, who and by when, and when partners will look at the data again.",
)

KEEP_SCORECARD = Reflection(
    id="keep_scorecard",
    prompt=(
        "How will your partnership keep its scorecard alive? Say when each year's data will be "
        "added, who owns each action and when it is reviewed, and with whom (partners, "
        "residents) the scorecard is shared."
    ),
    hint="Name a month, a person or role, and one group outside the partnership that will see it.",
    min_words=20,
)

EXERCISES = (
    WHO_IS_ACCOUNTABLE,
    LANGUAGE_DISCIPLINE,
    WHO_SETS_RESULT,
    BASELINE_PARTS,
    READ_THE_YEAR,
    ONE_YEAR_BEYOND,
    SHARED_READING,
    THREE_QUESTIONS,
    BETTER_OFF_KINDS,
    HEADLINE_MEASURE,
    HEADLINE_INDICATOR,
    THREE_PART_LIST,
    TARGET_MISUSE,
    SKIPPED_STEPS,
    TALK_TO_ACTION,
    STORY_BEHIND,
    KEEP_SCORECARD,
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
