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
    prompt="Sort each challenge into Heifetz's three kinds of work: technical, technical and adaptive, or adaptive.",
    hint="Use the three kinds of work: is the problem clear and the fix known (technical)? Is the problem clear but the fix needs learning (a mix)? Or do both need learning, by the people with the problem (adaptive)?",
    categories=("Technical", "Technical and adaptive", "Adaptive"),
    items={
        "The city's new benefits website went down under launch-day traffic — the vendor has a proven fix (more server capacity) and has applied it for other cities.": "Technical",
        "Two neighbourhoods distrust the police after a shooting, and officers see residents as hostile.": "Adaptive",
        "Overdoses are rising: the city needs naloxone in every library, and neighbours must accept a treatment clinic on their street.": "Technical and adaptive",
        "A new student data system goes live — teachers must change how they judge and track progress.": "Technical and adaptive",
        "Young people keep falling between the city's four youth programmes. Each agency head names a different cause, each fears losing its budget line and its name on the work, and no one can say what would fix it.": "Adaptive",
    },
    feedback={
        "The city's new benefits website went down under launch-day traffic — the vendor has a proven fix (more server capacity) and has applied it for other cities.": "The problem is clear, the fix is known and an expert can apply it: technical. (If it crashed again every month after each fix, that recurrence would be a sign to ask what else is going on.)",
        "Two neighbourhoods distrust the police after a shooting, and officers see residents as hostile.": "Adaptive: residents and officers do not even agree on what the problem is (police conduct, or hostile neighbourhoods), so by the table the problem itself needs learning, and trust cannot be installed by an expert. Technical steps, such as a clear complaint process or releasing footage on a known timetable, can help along the way, but they do not settle the question of what the two sides believe about each other.",
        "Overdoses are rising: the city needs naloxone in every library, and neighbours must accept a treatment clinic on their street.": "Stocking naloxone is technical; accepting a clinic asks neighbours to give up something they value. Lead the two parts differently.",
        "A new student data system goes live — teachers must change how they judge and track progress.": "Installing the system is technical; changing how teachers work is adaptive. Treating it as only technical is the most common failure.",
        "Young people keep falling between the city's four youth programmes. Each agency head names a different cause, each fears losing its budget line and its name on the work, and no one can say what would fix it.": "Adaptive: neither the problem nor the answer is clear yet, and the agencies themselves must learn what they are willing to give up. No expert can do that for them.",
    },
    explanation="Heifetz's three kinds of work turn on who must do the work: an expert (technical), the expert and the people with the problem together (technical and adaptive), or mainly the people with the problem (adaptive). Most real challenges mix them: solve the technical part with expertise, and give the adaptive part back to the people who must change.",
)

WORK_AVOIDANCE = SingleChoice(
    id="work_avoidance",
    prompt="At the partnership's third meeting the housing director says the city's own zoning blocks the new homes. The room goes quiet. Which response is work avoidance?",
    hint="Work avoidance lowers the distress without doing the work, by diverting attention (a study, a new subject) or displacing responsibility (blame, or handing it to someone else).",
    choices=(
        "The chair proposes a subcommittee to study zoning and report back next year.",
        "The chair names the silence and asks what it means.",
        "The chair asks each partner what they would lose if the zoning changed.",
        "The chair asks every partner to say, before the meeting ends, what they would need in order to take the zoning question on, and puts it first on next month's agenda.",
    ),
    answer="The chair proposes a subcommittee to study zoning and report back next year.",
    feedback={
        "The chair names the silence and asks what it means.": "Naming what is happening in the room is getting on the balcony: it keeps the issue alive.",
        "The chair asks each partner what they would lose if the zoning changed.": "Asking about losses is the adaptive work itself.",
        "The chair asks every partner to say, before the meeting ends, what they would need in order to take the zoning question on, and puts it first on next month's agenda.": "This keeps attention on the hard question at a pace the group can take, and leaves the work with the partners rather than passing it to one authority.",
    },
    explanation="A study group with a distant deadline diverts attention: the distress drops and the old balance returns, with no progress on the zoning question. Avoidance can be loud too: attacking the director for raising it would avoid the work just as well.",
)

BALCONY = SingleChoice(
    id="balcony_case",
    prompt="You chair Easton Ridge's housing partnership. The housing director has just said the city's own zoning blocks new homes near transit, and the room has gone quiet. What is the best first move from the balcony?",
    hint="Observe, interpret (more than one way), then intervene as an experiment.",
    choices=(
        "Notice who looked at whom and who stayed silent, offer two readings of the silence, and ask which fits.",
        "Tell the room what the silence means, that everyone fears the council, so the fear is out in the open at last.",
        "Propose a subcommittee to study zoning and report back, so the tension can settle before anyone decides.",
        "Move to the next item, and raise zoning with the director in private, where she can speak more freely.",
    ),
    answer="Notice who looked at whom and who stayed silent, offer two readings of the silence, and ask which fits.",
    feedback={
        "Tell the room what the silence means, that everyone fears the council, so the fear is out in the open at last.": "One reading, announced as fact, skips interpretation: you intervene on a guess and cannot learn whether it was right.",
        "Propose a subcommittee to study zoning and report back, so the tension can settle before anyone decides.": "Acting before observing, and the act is work avoidance: it parks the issue and the work stops.",
        "Move to the next item, and raise zoning with the director in private, where she can speak more freely.": "Diverting attention lowers the heat and takes the issue out of the group that has to do the work.",
    },
    explanation="From the balcony: observe what is happening (not only what is said), interpret it in more than one way, then intervene as an experiment and watch what it does.",
)

QUICK_WIN = SingleChoice(
    id="quick_win",
    prompt="The mayor wants a visible win eight months before the election. What keeps a quick win from tying the partnership to one mayor?",
    hint="Quick wins are fuel. The risk is whose win it becomes.",
    choices=(
        "Let the mayor announce it alone: a popular mayor's backing is the partnership's best protection.",
        "Announce it as the partnership's win, with the external co-chair and partners beside the mayor.",
        "Refuse quick wins this close to an election: they pull the partnership away from the long work.",
        "Hold the win until after the election, so no one can say the partnership helped a campaign.",
    ),
    answer="Announce it as the partnership's win, with the external co-chair and partners beside the mayor.",
    feedback={
        "Let the mayor announce it alone: a popular mayor's backing is the partnership's best protection.": "Then the effort is the mayor's project, and a new administration has reason to end it.",
        "Refuse quick wins this close to an election: they pull the partnership away from the long work.": "Early wins keep partners motivated; the aim is to share the credit, not to skip the win.",
        "Hold the win until after the election, so no one can say the partnership helped a campaign.": "Holding back results for politics costs trust with partners and residents alike.",
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
        "Through a contract with a tenant organisation, pay a few residents as co-designers of the plan, as the procurement rules allow.",
        "Settle the plan among partners in private, then hold the required hearing.",
        "Skip the comment period to move faster.",
    ),
    answers=(
        "Hold listening sessions in neighbourhoods before the item reaches an agenda.",
        "Give residents seats at the partnership's table, with its meetings announced and open.",
        "Share drafts in plain language well before the comment period opens.",
        "Through a contract with a tenant organisation, pay a few residents as co-designers of the plan, as the procurement rules allow.",
    ),
    feedback={
        "Settle the plan among partners in private, then hold the required hearing.": "It may meet the letter of the rules, but it treats residents as an audience, and they notice.",
        "Skip the comment period to move faster.": "Where the law requires it, skipping it is not an option, and it would cost the effort its legitimacy.",
        "Hold listening sessions in neighbourhoods before the item reaches an agenda.": "Early listening is allowed and is where residents can still shape the plan.",
        "Give residents seats at the partnership's table, with its meetings announced and open.": "Open, announced meetings meet the rules and give residents real voice.",
        "Share drafts in plain language well before the comment period opens.": "Plain, early drafts turn a formal comment period into real input.",
        "Through a contract with a tenant organisation, pay a few residents as co-designers of the plan, as the procurement rules allow.": "Paying residents for their time respects their expertise; going through a partner's contract keeps it within the rules on how a city may pay people.",
    },
    explanation="Legal rules shape how and when residents take part; an adaptive leader works inside them and goes beyond their minimum.",
)

TRANSITION = SingleChoice(
    id="transition_plan",
    prompt="Marlow Heights' youth jobs partnership lives in the mayor's office, and the mayor is term-limited next year. What most raises the chance the work continues under the next mayor?",
    hint="What has to be true inside and outside government for the work to carry on when the mayor leaves?",
    choices=(
        "Build champions in the schools, the workforce board and the parks department, have the external co-chair offer every candidate's team the same factual briefing on the data, and let the co-chair lead the first meeting with the new administration.",
        "Deliver as many wins as possible before the election, each announced by the mayor, so the record speaks for itself.",
        "Move the partnership into a nonprofit before the election, so it no longer depends on who wins.",
        "Wait until the new mayor is elected, then ask for support, so the partnership is not seen to take sides.",
    ),
    answer="Build champions in the schools, the workforce board and the parks department, have the external co-chair offer every candidate's team the same factual briefing on the data, and let the co-chair lead the first meeting with the new administration.",
    feedback={
        "Deliver as many wins as possible before the election, each announced by the mayor, so the record speaks for itself.": "Wins credited to one mayor make the partnership that mayor's project, which a successor has little reason to keep.",
        "Move the partnership into a nonprofit before the election, so it no longer depends on who wins.": "A nonprofit home can carry the long view, but the levers only government holds (policy, budgets, data) stay behind; the partnership still needs government at the table.",
        "Wait until the new mayor is elected, then ask for support, so the partnership is not seen to take sides.": "By then the partnership looks like the old mayor's project, and the months before the election decide whether it survives. A briefing offered to every candidate alike takes no side.",
    },
    explanation="Champions across agencies, the same factual briefing offered to every candidate through the external co-chair (data, not credit claims), and a co-chair who carries the effort across the election keep a partnership from leaving with one mayor. Check with the city attorney first: public employees and 501(c)(3) backbones face limits on political activity, and briefing only some candidates can look like taking a side.",
)

MAP_THE_LOSSES = SortIntoCategories(
    id="map_the_losses",
    prompt="Bellmont's partnership wants to rezone its transit corridor for more homes. On the book's influence-loss grid (influence against what the change would cost), sort each group into the move its corner calls for.",
    hint="Place each group by its influence and by what the change would cost it, then ask what that corner of the map needs.",
    categories=(
        "Engage early and name the loss",
        "Keep close: ask where they stand",
        "Protect their voice and bring them in",
        "Keep informed",
    ),
    items={
        "The regional employers' group: influential, gains workers near transit, gives up nothing.": "Keep close: ask where they stand",
        "A citywide book club that meets in the corridor library: little at stake, little influence.": "Keep informed",
        "The council member for the corridor ward: can block the rezoning, and may lose homeowners' votes.": "Engage early and name the loss",
        "Renters along the corridor: may face rising rents, have no seat at the table and little say at city hall.": "Protect their voice and bring them in",
    },
    feedback={
        "The council member for the corridor ward: can block the rezoning, and may lose homeowners' votes.": "Powerful, with much to lose: a surprise turns them into an opponent. Meet early, name the loss, work out what they can keep.",
        "The regional employers' group: influential, gains workers near transit, gives up nothing.": "Powerful with little to lose: engage early and keep close, but ask whether they back the rezoning before counting on them. Gaining workers suggests they might; if they do, ask them to carry the case to their own members.",
        "Renters along the corridor: may face rising rents, have no seat at the table and little say at city hall.": "Much to lose and little power: the voices most often lost. Bring them in and let them shape the pace.",
        "A citywide book club that meets in the corridor library: little at stake, little influence.": "Little at stake and little power today: a steady update, and watch whether their stake grows.",
    },
    explanation="Map each group by influence and by what the change would cost it, inside and outside the room; each corner calls for a different move, and the group with much to lose and little power is the one a partnership most often forgets.",
)

FACTION_LOYALTIES = SingleChoice(
    id="faction_loyalties",
    prompt="In Grantham's (fictional) partnership, the head of the neighbourhood associations' council agreed in the room to a shelter on the east side. A week later her member associations voted to oppose it, and she withdrew her support. What does a faction map by values, loyalties and losses tell the co-chairs to do next?",
    hint="Read across her row: what do her members value, whom does she answer to, and what would they lose?",
    choices=(
        "Ask what her members value and fear losing, meet the associations with her, and work out what they can keep.",
        "Replace her at the table with an association leader who backs the shelter and can speak for the east side.",
        "Remind her in writing that she agreed in the room, and ask the co-chairs to hold her to that agreement.",
        "Drop the east side and look for a site where no neighbourhood group has objected, so the partnership keeps the peace.",
    ),
    answer="Ask what her members value and fear losing, meet the associations with her, and work out what they can keep.",
    feedback={
        "Replace her at the table with an association leader who backs the shelter and can speak for the east side.": "Her members would still oppose the shelter; you would lose the person who could carry a deal back to them.",
        "Remind her in writing that she agreed in the room, and ask the co-chairs to hold her to that agreement.": "Her agreement in the room was never enough: her loyalty is to her members, and to them a deal made without them can feel like a betrayal.",
        "Drop the east side and look for a site where no neighbourhood group has objected, so the partnership keeps the peace.": "An adaptive change always asks someone for a loss; the search for a site with no loss usually ends with the site of the group with the least power.",
    },
    explanation="A representative at the table answers to people outside it. Mapping each faction's values, loyalties and losses at risk shows why someone can agree in the room and still be unable to deliver, and points to the work: engage their people and the loss they fear, with them.",
)

WHO_LOSES = SingleChoice(
    id="who_loses",
    prompt="Easton Ridge's new allocation rules would end first-come, first-served. Landlords lose some choice of tenants, the housing authority must rewrite its list, and the families who have waited longest may lose their place in line. Of these three, only landlords and the authority sit at the partnership's table. What should the co-chairs do first?",
    hint="Who carries the loss, and who is in the room to say so?",
    choices=(
        "Bring families from the waiting list into the design, name their loss, and ask what they can keep.",
        "Go ahead: the new rules serve more families overall, so the loss is worth it.",
        "Meet the landlords first and settle their concerns, since they are the group that can block the change.",
        "Hold the required public hearing once the rules are drafted, so every family can have its say.",
    ),
    answer="Bring families from the waiting list into the design, name their loss, and ask what they can keep.",
    feedback={
        "Go ahead: the new rules serve more families overall, so the loss is worth it.": "It may be true in sum, but the loss lands on the people with the least say; imposed without them, it repeats the inequity and costs the partnership their trust.",
        "Meet the landlords first and settle their concerns, since they are the group that can block the change.": "Powerful groups with much to lose do need early engagement, but doing only that tends to trade the loss down to those with no voice.",
        "Hold the required public hearing once the rules are drafted, so every family can have its say.": "The hearing is the legal floor; by then the loss is designed in, and residents can only react.",
    },
    explanation="Much of adaptive leadership is assessing, managing and distributing losses. When the people who bear the biggest loss are not at the table, bring them into the design early, acknowledge the loss in public, and look for what they can keep.",
)

AUTHORITY_FOR_ADAPTIVE_WORK = SingleChoice(
    id="authority_resource",
    prompt="Grantham's (fictional) health commissioner chairs a partnership on overdose deaths. Partners want her to decide where a new treatment clinic goes, and neighbours in every candidate ward object. How can her authority best serve the adaptive work?",
    hint="Authority is more than a way to decide: it can hold people together, direct their attention and set the pace of distress.",
    choices=(
        "Use it to convene the wards on a fixed schedule, keep siting on the agenda, and pace the hard choices.",
        "Use it to decide the site herself, so the partners are spared a conflict they cannot settle among themselves.",
        "Set it aside: authority is for technical problems, so she should step back and let the partners sort it out.",
        "Use it to hire a consultant to score the sites on cost and need, and announce the top-scoring site.",
    ),
    answer="Use it to convene the wards on a fixed schedule, keep siting on the agenda, and pace the hard choices.",
    feedback={
        "Use it to decide the site herself, so the partners are spared a conflict they cannot settle among themselves.": "Deciding alone takes the work away from the people who must live with the answer; the ward that loses will resist a choice it had no part in.",
        "Set it aside: authority is for technical problems, so she should step back and let the partners sort it out.": "Authority is also a resource for adaptive work: without someone holding the group together and setting the pace, the conflict may simply stall or blow up.",
        "Use it to hire a consultant to score the sites on cost and need, and announce the top-scoring site.": "A scoring can help with the technical part, but announcing a winner treats a loss some neighbours must accept as if expertise could settle it.",
    },
    explanation="Heifetz treats authority as a resource for adaptive work: it can hold the environment (convene, keep people at the table), direct attention to the hard question, and regulate distress (pace and sequence), while the people with the problem do the work.",
)

HOLDING_ENVIRONMENT = SingleChoice(
    id="holding_environment",
    prompt="Marlow Heights' (fictional) youth-violence partnership met the week after a shooting. A pastor accused the police of ignoring warnings, the police captain left mid-meeting, and since then two partners have stopped replying to emails. The co-chairs want the partners to face the hard question of policing and trust next month. What strengthens the holding environment first?",
    hint="A holding environment is what keeps people working together through the stress: relationships, shared purpose, structure, trust in the process.",
    choices=(
        "Keep the usual date, agree ground rules, restate the purpose, and meet the captain, pastor and quiet partners one to one first.",
        "Cancel meetings for three months so tempers can cool and people come back ready to listen to each other.",
        "Take policing off next month's agenda and open with an item everyone agrees on, to rebuild goodwill first.",
        "Ask the police chief to order the captain back to the next meeting, so both sides of the dispute are at the table when policing comes up.",
    ),
    answer="Keep the usual date, agree ground rules, restate the purpose, and meet the captain, pastor and quiet partners one to one first.",
    feedback={
        "Cancel meetings for three months so tempers can cool and people come back ready to listen to each other.": "This lowers the heat by dropping the work: the bonds that hold the group weaken, and the hard question waits.",
        "Take policing off next month's agenda and open with an item everyone agrees on, to rebuild goodwill first.": "Taking the hard question away is work avoidance, however much goodwill an easy item builds; the holding environment is what lets people face the hard one, not a reason to hide it.",
        "Ask the police chief to order the captain back to the next meeting, so both sides of the dispute are at the table when policing comes up.": "An order can bring people to the room but not keep them working together; the trust and structure of the group do that.",
    },
    explanation="The holding environment is the set of bonds (trust, shared purpose, regular structure, relationships) that keeps people engaged with one another through the divisive stress of adaptive work. Strengthen it before you turn up the heat again.",
)

DISCIPLINED_ATTENTION = SingleChoice(
    id="disciplined_attention",
    prompt="At Easton Ridge's next meeting, every time zoning near transit comes up, someone raises parking, and twenty minutes go on parking. What keeps disciplined attention on the adaptive question?",
    hint="Notice the pattern, name it, and bring the group back to the hard question, without shaming anyone.",
    choices=(
        'Name the pattern ("each time we reach zoning, we move to parking"), ask why, and bring the group back.',
        "Rule parking out of order for the rest of the meeting, so the chair can hold the group to zoning.",
        "Form a parking subcommittee that reports next month, so the main meeting can move on to zoning.",
        "Let the discussion run its course: parking is a real concern for residents and deserves the time it takes.",
    ),
    answer='Name the pattern ("each time we reach zoning, we move to parking"), ask why, and bring the group back.',
    feedback={
        "Rule parking out of order for the rest of the meeting, so the chair can hold the group to zoning.": "Ruling it out treats the symptom and makes people defensive; the pattern is a sign of distress worth understanding.",
        "Form a parking subcommittee that reports next month, so the main meeting can move on to zoning.": "Parking may need its own work, but if the real function of the topic is escape, a subcommittee just formalises the diversion.",
        "Let the discussion run its course: parking is a real concern for residents and deserves the time it takes.": "It may be real, but when it always appears at the same moment it is working as a diversion of attention; the zoning question goes unworked.",
    },
    explanation="Maintaining disciplined attention means spotting the ways a group escapes a hard question, naming them, and steering back to the issue, at a pace people can bear.",
)

DANGERS_OF_LEADING = SortIntoCategories(
    id="dangers_of_leading",
    prompt="Bellmont's (fictional) transit-corridor rezoning could raise rents for the renters who live along the corridor, so the tenant organiser pushed the partnership to write renter protections into it. Sort what happened to her over the next year into the four dangers of leading.",
    hint="Marginalised: made to carry the issue alone. Diverted: pulled off it. Attacked: the person, not the message, becomes the subject. Seduced: praise or loyalty pulls her off her purpose.",
    categories=("Marginalised", "Diverted", "Attacked", "Seduced"),
    items={
        "The city asks her to chair three new advisory committees, each meeting monthly.": "Diverted",
        "The mayor's office praises her as a partner and hints at a job, and she stops pressing renters' demands in public.": "Seduced",
        "The partnership gives her a standing 'renters' slot' at the end of each agenda, and no one else raises renters' concerns.": "Marginalised",
        "A developers' newsletter calls her 'anti-growth' and questions her motives, without mentioning her proposal.": "Attacked",
    },
    feedback={
        "The partnership gives her a standing 'renters' slot' at the end of each agenda, and no one else raises renters' concerns.": "Marginalised: when one person embodies the issue, the rest of the group no longer has to take it on.",
        "The city asks her to chair three new advisory committees, each meeting monthly.": "Diverted: new roles or a flood of demands can take a leader off the issue without anyone opposing her.",
        "A developers' newsletter calls her 'anti-growth' and questions her motives, without mentioning her proposal.": "Attacked: an attack on character or motives moves the conversation away from the issue.",
        "The mayor's office praises her as a partner and hints at a job, and she stops pressing renters' demands in public.": "Seduced: approval and favour can pull a leader from her purpose without her noticing.",
    },
    explanation="Heifetz and Linsky name four ways people push aside someone who raises an adaptive challenge: marginalisation, diversion, attack and seduction. The point of each is to restore the old balance by shutting down the person, not the issue.",
)

THINK_POLITICALLY = MultipleChoice(
    id="think_politically",
    prompt="Lakemont's (fictional) superintendent plans to merge two under-enrolled schools. Parents in both neighbourhoods oppose it, and the district closed schools there once before without asking families. Which moves are thinking politically, in Heifetz and Linsky's sense?",
    hint="Partners, the opposition, your own part in the mess, others' losses: which choices do one of these, and which try to win by avoiding the people who lose?",
    choices=(
        "Meet the opposing parent groups, and their most vocal leaders, every few weeks.",
        "Say in public that the district handled its last closures here badly, and that this feeds families' distrust.",
        "Ask the teachers' union and a health centre that back a merged school to help make the case.",
        "Tell families plainly what they will lose, a school within walking distance, and how children will get there.",
        "Hold the board vote in August, when many parents are away, so the decision is not taken amid angry protests.",
        "Promise every family that no one will be worse off, so that parents have a reason to trust the plan this time.",
    ),
    answers=(
        "Meet the opposing parent groups, and their most vocal leaders, every few weeks.",
        "Say in public that the district handled its last closures here badly, and that this feeds families' distrust.",
        "Ask the teachers' union and a health centre that back a merged school to help make the case.",
        "Tell families plainly what they will lose, a school within walking distance, and how children will get there.",
    ),
    feedback={
        "Meet the opposing parent groups, and their most vocal leaders, every few weeks.": "Keep the opposition close: the people with most to lose tell you what the change really costs, and they are harder to turn into enemies if you know them.",
        "Say in public that the district handled its last closures here badly, and that this feeds families' distrust.": "Accept responsibility for your piece of the mess: owning the district's part makes it easier for others to own theirs.",
        "Ask the teachers' union and a health centre that back a merged school to help make the case.": "Find partners: allies protect you and improve your case, and you need to know what they want from it.",
        "Tell families plainly what they will lose, a school within walking distance, and how children will get there.": "Acknowledge their loss: a loss that is named and respected is easier to bear than one that is denied.",
        "Hold the board vote in August, when many parents are away, so the decision is not taken amid angry protests.": "A vote timed to avoid the people who lose confirms their distrust, and they will organise anyway.",
        "Promise every family that no one will be worse off, so that parents have a reason to trust the plan this time.": "An adaptive change always costs someone something; a promise of no losses will be broken, and trust goes with it.",
    },
    explanation="Thinking politically, in Leadership on the Line: find partners, keep the opposition close, accept responsibility for your piece of the mess, acknowledge the loss you ask of others, model the behaviour you ask for, and accept that there may be casualties.",
)

ALLIES_AND_CONFIDANTS = SingleChoice(
    id="allies_confidants",
    prompt="After a hard month, the Cedar Bluff deputy director wants to talk through her doubts about the eviction work: whether she pushed too hard, and whether she should back off. Whom should she choose?",
    hint="An ally shares your aims but has their own agenda and loyalties. A confidant cares more about you than about the issue.",
    choices=(
        "A former colleague outside the city government who has no stake in the eviction fight.",
        "The tenant coalition's director, her strongest ally on the issue.",
        "Her deputy, who reports to her and supports the work.",
        "A council member who has backed her in public.",
    ),
    answer="A former colleague outside the city government who has no stake in the eviction fight.",
    feedback={
        "The tenant coalition's director, her strongest ally on the issue.": "An ally, not a confidant: the coalition has its own stake in her pushing on, and what she says may travel to its members.",
        "Her deputy, who reports to her and supports the work.": "Someone who reports to her cannot be fully free to tell her she is wrong, and needs her to hold steady.",
        "A council member who has backed her in public.": "An ally with a political stake; sharing doubts with them can weaken both of you.",
    },
    explanation="Deploying yourself means knowing your purpose and keeping allies and confidants apart: allies share your aims but have their own loyalties; a confidant, usually outside the fight, is someone with whom you can fall apart and think aloud.",
)

YOUR_EXPERIMENT = Reflection(
    id="your_experiment",
    prompt="Design a small experiment on your live challenge to run before the next session. Write: (1) what you will try, and with whom; (2) what you expect to happen; (3) what you would see if your interpretation were wrong.",
    hint="Keep it small enough to try within four weeks, and choose something you can observe. For example: 'I will put the hard question first on the agenda and say what I think we are avoiding. I expect two partners to push back. If no one engages, my reading that the room fears the council is probably wrong.'",
    min_words=40,
)

YOUR_CHALLENGE = Reflection(
    id="your_adaptive_challenge",
    prompt="Describe one challenge in your partnership that is more adaptive than it looks. Who would have to give something up, and what?",
    hint="Look for the problem that came back after a fix, or the one everyone agrees on until it is time to act.",
    min_words=15,
)

EXERCISES = (
    SORT_CHALLENGES,
    AUTHORITY_FOR_ADAPTIVE_WORK,
    HOLDING_ENVIRONMENT,
    BALCONY,
    WORK_AVOIDANCE,
    DISCIPLINED_ATTENTION,
    FACTION_LOYALTIES,
    MAP_THE_LOSSES,
    WHO_LOSES,
    THINK_POLITICALLY,
    DANGERS_OF_LEADING,
    ALLIES_AND_CONFIDANTS,
    QUICK_WIN,
    COMMUNITY_VOICE,
    TRANSITION,
    YOUR_CHALLENGE,
    YOUR_EXPERIMENT,
)
