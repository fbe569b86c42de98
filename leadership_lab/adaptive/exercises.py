"""Self-checks for "Adaptive leadership"."""

from __future__ import annotations

from leadership_lab.exercises.model import (
    MultipleChoice,
    RankItems,
    Reflection,
    SingleChoice,
    SortIntoCategories,
)

CHAPTER = "03_adaptive_leadership"
TITLE = "Adaptive leadership"

SORT_CHALLENGES = SortIntoCategories(
    id="sort_challenges",
    prompt="Sort each challenge: technical, adaptive, or a mix of both.",
    hint="Ask: is there a known fix an authority can apply, or must the people with the problem change what they value or do?",
    categories=("Technical", "Adaptive", "Mixed"),
    items={
        "The city's benefits website crashes on the first of every month.": "Technical",
        "Two neighbourhoods distrust the police after a shooting, and officers see residents as hostile.": "Adaptive",
        "Overdoses are rising: the city needs naloxone in every library, and neighbours must accept a treatment clinic on their street.": "Mixed",
        "A new student data system goes live; teachers must change how they judge and track progress.": "Mixed",
    },
    feedback={
        "The city's benefits website crashes on the first of every month.": "Engineers know how to fix load problems; no one has to change their values.",
        "Two neighbourhoods distrust the police after a shooting, and officers see residents as hostile.": "Trust cannot be installed: both sides must change what they believe about each other.",
        "Overdoses are rising: the city needs naloxone in every library, and neighbours must accept a treatment clinic on their street.": "Stocking naloxone is technical; accepting a clinic asks neighbours to give up something they value. Lead the two parts differently.",
        "A new student data system goes live; teachers must change how they judge and track progress.": "Installing the system is technical; changing how teachers work is adaptive. Treating it as only technical is the most common failure.",
    },
    explanation="Most real challenges mix both: solve the technical part with expertise, and give the adaptive part back to the people who must change.",
)

WORK_AVOIDANCE = SingleChoice(
    id="work_avoidance",
    prompt="At the partnership's third meeting the housing director says the city's own zoning blocks the new homes. The room goes quiet. Which response is work avoidance?",
    hint="Work avoidance takes the pressure off without doing the work: delay, deflect, or hand it to someone else.",
    choices=(
        "The chair proposes a subcommittee to study zoning and report back next year.",
        "The chair names the silence and asks what it means.",
        "The chair asks each partner what they would lose if the zoning changed.",
        "The chair asks the housing director to bring two options next month, and invites tenant groups to respond.",
    ),
    answer="The chair proposes a subcommittee to study zoning and report back next year.",
    feedback={
        "The chair names the silence and asks what it means.": "Naming what is happening in the room is getting on the balcony: it keeps the issue alive.",
        "The chair asks each partner what they would lose if the zoning changed.": "Asking about losses is the adaptive work itself.",
        "The chair asks the housing director to bring two options next month, and invites tenant groups to respond.": "This keeps the heat on at a pace the group can take, and brings in voices from below.",
    },
    explanation="A study group with a distant deadline lowers the heat by parking the issue: the group feels relief and the work stops.",
)

BALCONY = RankItems(
    id="balcony_steps",
    prompt="Put the three steps of getting on the balcony in order.",
    hint="You cannot act well on what you have not seen, or seen without making sense of it.",
    order=("Observe", "Interpret", "Intervene"),
    feedback="Start by watching the group as if from above, make sense of what you see, and only then act.",
    explanation="Observe what is happening, interpret it (more than one way), then intervene, and go back to observing how the group responds.",
)

QUICK_WIN = SingleChoice(
    id="quick_win",
    prompt="The mayor wants a visible win eight months before the election. What keeps a quick win from tying the partnership to one mayor?",
    hint="Quick wins are fuel. The risk is whose win it becomes.",
    choices=(
        "The mayor announces it alone: the mayor's popularity protects the partnership.",
        "Announce it as the partnership's win, with the external co-chair and partners beside the mayor.",
        "Refuse quick wins: they distract from the long work.",
        "Hold the win until after the election.",
    ),
    answer="Announce it as the partnership's win, with the external co-chair and partners beside the mayor.",
    feedback={
        "The mayor announces it alone: the mayor's popularity protects the partnership.": "Then the effort is the mayor's project, and a new administration has reason to end it.",
        "Refuse quick wins: they distract from the long work.": "Early wins keep partners motivated; the aim is to share the credit, not to skip the win.",
        "Hold the win until after the election.": "Holding back results for politics costs trust with partners and residents alike.",
    },
    explanation="Shared credit and a co-chair from outside government let the effort belong to the city, not to one administration.",
)

COMMUNITY_VOICE = MultipleChoice(
    id="community_voice",
    prompt="Open-meeting rules say a quorum of the council cannot decide in private, and the plan needs a public comment period. Which moves bring residents in, within those rules?",
    hint="The rules set a floor for involvement, not a ceiling.",
    choices=(
        "Hold listening sessions in neighbourhoods before the item reaches an agenda.",
        "Give residents seats at the partnership's table, with its meetings announced and open.",
        "Share drafts in plain language well before the comment period opens.",
        "Settle the plan among partners in private, then hold the required hearing.",
        "Skip the comment period to move faster.",
    ),
    answers=(
        "Hold listening sessions in neighbourhoods before the item reaches an agenda.",
        "Give residents seats at the partnership's table, with its meetings announced and open.",
        "Share drafts in plain language well before the comment period opens.",
    ),
    feedback={
        "Settle the plan among partners in private, then hold the required hearing.": "It may meet the letter of the rules, but it treats residents as an audience, and they notice.",
        "Skip the comment period to move faster.": "Where the law requires it, skipping it is not an option, and it would cost the effort its legitimacy.",
        "Hold listening sessions in neighbourhoods before the item reaches an agenda.": "Early listening is allowed and is where residents can still shape the plan.",
        "Give residents seats at the partnership's table, with its meetings announced and open.": "Open, announced meetings meet the rules and give residents real voice.",
        "Share drafts in plain language well before the comment period opens.": "Plain, early drafts turn a formal comment period into real input.",
    },
    explanation="Legal rules shape how and when residents take part; an adaptive leader works inside them and goes beyond their minimum.",
)

CHAMPIONS = SingleChoice(
    id="champions",
    prompt="In the chapter's political-cycle illustration, why does a partnership with several public-sector champions fare better when a new mayor arrives?",
    hint="What has to be true inside government for the work to continue?",
    choices=(
        "Each champion is another chance that someone inside government keeps carrying the work.",
        "Champions can stop an election from bringing a new mayor.",
        "More champions mean bigger budgets.",
    ),
    answer="Each champion is another chance that someone inside government keeps carrying the work.",
    feedback={
        "Champions can stop an election from bringing a new mayor.": "Elections come regardless; the model takes them from each city's calendar.",
        "More champions mean bigger budgets.": "The model says nothing about money; it counts who stays to carry the work.",
    },
    explanation="Breadth inside government, across agencies and not only the mayor's office, is what lets an effort outlive one administration. The model is an illustration, not evidence.",
)

YOUR_CHALLENGE = Reflection(
    id="your_adaptive_challenge",
    prompt="Describe one challenge in your partnership that is more adaptive than it looks. Who would have to give something up, and what?",
    hint="Look for the problem that came back after a fix, or the one everyone agrees on until it is time to act.",
    min_words=15,
)

EXERCISES = (
    SORT_CHALLENGES,
    WORK_AVOIDANCE,
    BALCONY,
    QUICK_WIN,
    COMMUNITY_VOICE,
    CHAMPIONS,
    YOUR_CHALLENGE,
)
