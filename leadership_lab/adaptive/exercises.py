"""Self-checks for "Adaptive leadership"."""

from __future__ import annotations

from leadership_lab.exercises.model import (
    MultipleChoice,
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

BALCONY = SingleChoice(
    id="balcony_case",
    prompt="You chair Easton Ridge's housing partnership. The housing director has just said the city's own zoning blocks new homes near transit, and the room has gone quiet. What is the best first move from the balcony?",
    hint="Observe, interpret (more than one way), then intervene as an experiment.",
    choices=(
        "Notice who looked at whom and who stayed silent, offer the room two readings of the silence, and ask which is closer.",
        "Tell the room what the silence means: everyone fears the council.",
        "Propose a subcommittee to study zoning, so the tension can settle.",
        "Move to the next item and raise zoning with the director in private.",
    ),
    answer="Notice who looked at whom and who stayed silent, offer the room two readings of the silence, and ask which is closer.",
    feedback={
        "Tell the room what the silence means: everyone fears the council.": "One reading, announced as fact, skips interpretation: you intervene on a guess and cannot learn whether it was right.",
        "Propose a subcommittee to study zoning, so the tension can settle.": "Acting before observing, and the act is work avoidance: it parks the issue and the work stops.",
        "Move to the next item and raise zoning with the director in private.": "Diverting attention lowers the heat and takes the issue out of the group that has to do the work.",
    },
    explanation="From the balcony: observe what is happening (not only what is said), interpret it in more than one way, then intervene as an experiment and watch what it does.",
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

TRANSITION = SingleChoice(
    id="transition_plan",
    prompt="Marlow Heights' youth jobs partnership lives in the mayor's office, and the mayor is term-limited next year. What most raises the chance the work continues under the next mayor?",
    hint="What has to be true inside and outside government for the work to carry on when the mayor leaves?",
    choices=(
        "Build champions in the schools, the workforce board and the parks department, brief every serious candidate's team with the data, and let the external co-chair lead the first meeting with the new administration.",
        "Deliver as many wins as possible before the election, each announced by the mayor.",
        "Move the partnership into a nonprofit so it no longer depends on government.",
        "Wait until the new mayor is elected, then ask for support.",
    ),
    answer="Build champions in the schools, the workforce board and the parks department, brief every serious candidate's team with the data, and let the external co-chair lead the first meeting with the new administration.",
    feedback={
        "Deliver as many wins as possible before the election, each announced by the mayor.": "Wins credited to one mayor make the partnership that mayor's project, which a successor has little reason to keep.",
        "Move the partnership into a nonprofit so it no longer depends on government.": "A nonprofit home can carry the long view, but the levers only government holds (policy, budgets, data) stay behind; the partnership still needs government at the table.",
        "Wait until the new mayor is elected, then ask for support.": "By then the partnership looks like the old mayor's project; the months before the election decide whether it survives.",
    },
    explanation="Champions across agencies, data rather than credit claims for every candidate, and an external co-chair who carries the effort across the election keep a partnership from leaving with one mayor.",
)

MAP_THE_LOSSES = SortIntoCategories(
    id="map_the_losses",
    prompt="Bellmont's partnership wants to rezone its transit corridor for more homes. Sort each group into the move its place on the stakeholder map calls for.",
    hint="Place each group by its influence and by what the change would cost it, then ask what that corner of the map needs.",
    categories=(
        "Engage early and name the loss",
        "Enlist as a champion",
        "Protect their voice and bring them in",
        "Keep informed",
    ),
    items={
        "The council member for the corridor ward: can block the rezoning, and may lose homeowners' votes.": "Engage early and name the loss",
        "The regional employers' group: influential, gains workers near transit, gives up nothing.": "Enlist as a champion",
        "Renters along the corridor: may face rising rents, have no seat at the table and little say at city hall.": "Protect their voice and bring them in",
        "A citywide book club that meets in the corridor library: little at stake, little influence.": "Keep informed",
    },
    feedback={
        "The council member for the corridor ward: can block the rezoning, and may lose homeowners' votes.": "Powerful, with much to lose: a surprise turns them into an opponent. Meet early, name the loss, work out what they can keep.",
        "The regional employers' group: influential, gains workers near transit, gives up nothing.": "Powerful with little to lose: their backing is cheap for them to lend and shields others. Ask them to carry the case.",
        "Renters along the corridor: may face rising rents, have no seat at the table and little say at city hall.": "Much to lose and little power: the voices most often lost. Bring them in and let them shape the pace.",
        "A citywide book club that meets in the corridor library: little at stake, little influence.": "Little at stake and little power today: a steady update, and watch whether their stake grows.",
    },
    explanation="Map each group by influence and by what the change would cost it, inside and outside the room; each corner calls for a different move, and the group with much to lose and little power is the one a partnership most often forgets.",
)

WHO_LOSES = SingleChoice(
    id="who_loses",
    prompt="Easton Ridge's new allocation rules would end first-come, first-served. Landlords lose some choice of tenants, the housing authority must rewrite its list, and the families who have waited longest may lose their place in line. Only landlords and the authority sit at the partnership's table. What should the co-chairs do first?",
    hint="Who carries the loss, and who is in the room to say so?",
    choices=(
        "Bring families from the waiting list into the design, name their loss out loud, and work out with them what they can keep.",
        "Go ahead: the new rules serve more families overall, so the loss is worth it.",
        "Meet the landlords first and settle their concerns, since they can block the change.",
        "Hold the required public hearing once the rules are drafted.",
    ),
    answer="Bring families from the waiting list into the design, name their loss out loud, and work out with them what they can keep.",
    feedback={
        "Go ahead: the new rules serve more families overall, so the loss is worth it.": "It may be true in sum, but the loss lands on the people with the least say; imposed without them, it repeats the inequity and costs the partnership their trust.",
        "Meet the landlords first and settle their concerns, since they can block the change.": "Powerful groups with much to lose do need early engagement, but doing only that tends to trade the loss down to those with no voice.",
        "Hold the required public hearing once the rules are drafted.": "The hearing is the legal floor; by then the loss is designed in, and residents can only react.",
    },
    explanation="Much of adaptive leadership is assessing, managing and distributing losses. When the people who bear the biggest loss are not at the table, bring them into the design early, acknowledge the loss in public, and look for what they can keep.",
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
    MAP_THE_LOSSES,
    WHO_LOSES,
    QUICK_WIN,
    COMMUNITY_VOICE,
    TRANSITION,
    YOUR_CHALLENGE,
)
