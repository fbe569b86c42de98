"""Self-checks for "Cohorts and peer networks". The small networks the questions describe are
declared here too, so the tests can check each answer with networkx and the weaving recommender."""

from __future__ import annotations

from leadership_lab.exercises.model import (
    MultipleChoice,
    NetworkSurvey,
    NumberAnswer,
    Reflection,
    SingleChoice,
    SortIntoCategories,
)

from .graph import SECTORS

CHAPTER = "05_cohorts_and_networks"
TITLE = "Cohorts and peer networks"

# name: (sector, city, focus area)
BROKER_PEOPLE = {
    "Ana": ("public", "Riverton", "housing"),
    "Ben": ("nonprofit", "Riverton", "housing"),
    "Cal": ("business", "Riverton", "workforce"),
    "Dee": ("philanthropy", "Lakemont", "education"),
    "Eli": ("community", "Lakemont", "health"),
    "Fay": ("public", "Lakemont", "education"),
}
BROKER_TIES = (
    ("Ana", "Ben"),
    ("Ana", "Cal"),
    ("Ben", "Cal"),
    ("Cal", "Dee"),
    ("Dee", "Eli"),
    ("Dee", "Fay"),
    ("Eli", "Fay"),
)

BROKER = SingleChoice(
    id="broker",
    prompt="Riverton's Ana, Ben and Cal all know each other; so do Lakemont's Dee, Eli and Fay. Cal and Dee met at the last convening. Who are the brokers, the people with the highest betweenness?",
    hint="Betweenness counts how often someone sits on the shortest path between two others.",
    choices=("Ana and Fay", "Cal and Dee", "Ben and Eli", "Everyone equally"),
    answer="Cal and Dee",
    feedback={
        "Ana and Fay": "Ana and Fay are inside their city's triangle; no shortest path needs them.",
        "Ben and Eli": "Ben and Eli have other routes around them; every path between the cities runs through Cal and Dee.",
        "Everyone equally": "Every path from Riverton to Lakemont passes through Cal and Dee, so they score far higher.",
    },
    explanation="Cal and Dee bridge the two cities: every path between them runs through the Cal-Dee tie. Brokers carry news between groups, and a network that depends on one bridge is fragile.",
)

INTRO_PEOPLE = {
    "Gus": ("public", "Bellmont", "workforce"),
    "Hal": ("nonprofit", "Bellmont", "workforce"),
    "Ivy": ("business", "Grantham", "economic_development"),
    "Jan": ("public", "Bellmont", "housing"),
    "Kai": ("public", "Grantham", "transit"),
}
INTRO_TIES = (("Gus", "Hal"), ("Hal", "Ivy"), ("Gus", "Jan"), ("Hal", "Kai"))
INTRO_CHOICES = {
    "Gus and Ivy": ("Gus", "Ivy"),
    "Gus and Kai": ("Gus", "Kai"),
    "Jan and Hal": ("Jan", "Hal"),
    "Ivy and Kai": ("Ivy", "Kai"),
}

BEST_INTRODUCTION = SingleChoice(
    id="best_introduction",
    prompt="Hal (nonprofit, Bellmont, workforce) knows Gus (public, Bellmont, workforce), Ivy (business, Grantham, economic development) and Kai (public, Grantham, transit). Gus also knows Jan (public, Bellmont, housing). Which introduction most grows ties across sectors and cities?",
    hint="Look for a pair from different sectors and different cities, whose work fits, with someone who already knows both.",
    choices=tuple(INTRO_CHOICES),
    answer="Gus and Ivy",
    feedback={
        "Gus and Kai": "Different cities, and workforce and transit work reinforce each other, but both are in the public sector: the tie crosses cities, not sectors.",
        "Jan and Hal": "Same city: it adds a tie across sectors, not across cities.",
        "Ivy and Kai": "Same city (Grantham): a useful tie, but not a bridge between cities.",
    },
    explanation="Gus and Ivy differ in sector and city, workforce and economic development reinforce each other, and Hal knows both: he can close the triangle with one email.",
)

READ_EI = NumberAnswer(
    id="read_ei",
    prompt="Riverton's five cohort members have 6 ties among themselves and 18 ties to people in other cities. What is Riverton's E-I index? (Round to two decimals.)",
    hint="E-I = (external ties - internal ties) / (external + internal).",
    answer=0.5,
    tolerance=0.005,
    too_low="Too low: (18 - 6) / (18 + 6).",
    too_high="Too high: (18 - 6) / (18 + 6).",
    explanation="(18 - 6) / 24 = 0.5: three of every four of Riverton's ties reach another city.",
)

EI_CHANCE_ANSWER = "Far more ties cross cities than at the start, yet the cohort still keeps more of its ties at home than random mixing would."
EI_MEANING = SingleChoice(
    id="ei_meaning",
    prompt="A fictional cohort's E-I index across cities went from -0.67 at its first convening to +0.54 two and a half years later. It has eight cities of five people; if its ties were made at random, the index would be about +0.79. What does that say?",
    hint="Read the index against its chance level: with eight cities, most random ties would cross cities.",
    choices=(
        EI_CHANCE_ANSWER,
        "The cohort now mixes across cities more than chance would: the index has turned positive, so most of its ties now cross cities instead of staying at home.",
        "The cohort has lost ties inside each city: the index rose because people dropped their ties at home as they made new ones in other cities.",
        "Cities now trust each other more: a rise from -0.67 to +0.54 shows members relying on peers in other cities far more than they did at the start.",
    ),
    answer=EI_CHANCE_ANSWER,
    feedback={
        "The cohort now mixes across cities more than chance would: the index has turned positive, so most of its ties now cross cities instead of staying at home.": "+0.54 is positive, but random mixing would give +0.79: with eight cities of five, 35 of each person's 39 possible partners, about nine in ten, live elsewhere, so a positive index alone is not outward.",
        "The cohort has lost ties inside each city: the index rose because people dropped their ties at home as they made new ones in other cities.": "The index compares shares; ties inside cities can grow while ties across cities grow faster.",
        "Cities now trust each other more: a rise from -0.67 to +0.54 shows members relying on peers in other cities far more than they did at the start.": "The index counts ties, not their quality; trust needs to be asked about separately.",
    },
    explanation="An E-I index means little without its chance level. Here ties across cities grew a great deal, yet people still tie at home more than chance: which balance is right depends on the work, since a city team needs strong ties at home to act together.",
)

SHARING_BACK = MultipleChoice(
    id="sharing_back",
    prompt="You will show the cohort its network map at the next convening. Which practices are respectful?",
    hint="Network data is about people and their relationships; it can embarrass or expose.",
    choices=(
        "Ask for consent before collecting ties, and say how the map will be used.",
        "Show whole-cohort patterns, by sector and city, before anything about individuals.",
        "Let each person see and correct their own ties.",
        "Post a ranking of the most central people, so newcomers know whom to ask for an introduction.",
        "Send each funder a map of its grantees' ties, so it can see the collaboration its money built.",
    ),
    answers=(
        "Ask for consent before collecting ties, and say how the map will be used.",
        "Show whole-cohort patterns, by sector and city, before anything about individuals.",
        "Let each person see and correct their own ties.",
    ),
    feedback={
        "Post a ranking of the most central people, so newcomers know whom to ask for an introduction.": "Rankings turn a learning tool into a scoreboard, and people on the edge read it as a verdict; newcomers are on the edge by definition.",
        "Send each funder a map of its grantees' ties, so it can see the collaboration its money built.": "People shared their ties to learn, not to be judged by funders; that breaks the terms they agreed to, however well meant.",
        "Ask for consent before collecting ties, and say how the map will be used.": "Consent first: people are reporting on others as well as themselves.",
        "Show whole-cohort patterns, by sector and city, before anything about individuals.": "Group patterns start the conversation without singling anyone out.",
        "Let each person see and correct their own ties.": "Self-reported ties are easily wrong; corrections make the map truer and build trust.",
    },
    explanation="Share back what helps the cohort act together, with consent, and never rank people.",
)

WEAK_TIES = SingleChoice(
    id="weak_ties",
    prompt="Bellmont's workforce director wants to know how other cities got employers to hire from training programs. Her five closest colleagues all work in Bellmont's workforce system. Whom should she ask first, and why?",
    hint="Think about where news she has not heard yet is likely to come from.",
    choices=(
        "A Grantham economic-development officer she met once at a convening: an occasional contact in another circle is likely to know what her close colleagues do not.",
        "Her closest colleague in Bellmont's workforce system: trust matters most when asking for advice, and a close colleague will give a frank answer and follow up.",
        "All five close colleagues at once: five people with long experience in workforce programs will between them have heard what other cities did.",
        "No one yet: she should wait for the cohort's next convening, where she can ask the whole room and hear from every city at once.",
    ),
    answer="A Grantham economic-development officer she met once at a convening: an occasional contact in another circle is likely to know what her close colleagues do not.",
    feedback={
        "Her closest colleague in Bellmont's workforce system: trust matters most when asking for advice, and a close colleague will give a frank answer and follow up.": "Trust grows in strong ties, and she will need it to act; but her close colleagues mostly know what she knows.",
        "All five close colleagues at once: five people with long experience in workforce programs will between them have heard what other cities did.": "Five ties inside one circle are redundant: they draw on the same sources, so they bring the same news.",
        "No one yet: she should wait for the cohort's next convening, where she can ask the whole room and hear from every city at once.": "Ties are for using between convenings; an occasional contact can be called today.",
    },
    explanation="Close colleagues mostly know what you know. Weak ties bridge to other circles and bring new information and ideas (Granovetter); a cohort gives leaders many of them across cities.",
)

WEAVING_PLAN = Reflection(
    id="weaving_plan",
    prompt="Name two people in your own network who do not know each other but should. Why would the introduction help each of them, and the partnership?",
    hint="Look across sectors and across cities, and for work that reinforces each other's.",
    min_words=15,
)

PEER_CALL = SingleChoice(
    id="peer_call",
    prompt="Grantham's deputy chief of staff must keep a youth jobs program alive through a budget fight next month. Which is most likely to help her, and why?",
    hint="Who has faced the same constraints, and can answer her follow-up questions?",
    choices=(
        "A call to a chief of staff from the cohort who kept a similar program alive in her own city's last budget: a peer under the same constraints can say what to adapt.",
        "A short course on public budgeting this month: the principles of a budget fight are the same in every city, and a course covers them more fully than one peer's story can.",
        "A consultant's report on how other cities kept youth jobs programs alive: it gathers many cities' experience in one place, so she does not depend on one peer's memory.",
        "Nothing from outside: every city's budget politics is unique, so she should rely on her own council contacts, who know the local players better than any outsider could.",
    ),
    answer="A call to a chief of staff from the cohort who kept a similar program alive in her own city's last budget: a peer under the same constraints can say what to adapt.",
    feedback={
        "A short course on public budgeting this month: the principles of a budget fight are the same in every city, and a course covers them more fully than one peer's story can.": "Useful background, but no course can tell her how a budget fight plays out inside a city hall like hers, this month.",
        "A consultant's report on how other cities kept youth jobs programs alive: it gathers many cities' experience in one place, so she does not depend on one peer's memory.": "A report says what happened; she cannot ask it a follow-up question or hear what went wrong, and it does not become a colleague she can call again.",
        "Nothing from outside: every city's budget politics is unique, so she should rely on her own council contacts, who know the local players better than any outsider could.": "Her city may be unique, but not so special it can ignore what others have learned; the peer's story is something to adapt, not copy.",
    },
    explanation="Cohorts work because peers who face the same constraints become resources for solving problems together, in real time; Living Cities found them the best capacity building it had seen.",
)

EDGE_WHY = SingleChoice(
    id="edge_why",
    prompt="In a fictional Lakemont cohort, after four convenings the three neighbourhood-group members have one or two ties each, all to people from their own city; everyone else has eight or more. Their groups cannot pay them for days away, and the convenings run on weekdays. What should the network weaver do first?",
    hint="Is the edge a fact about these three people, or about how the cohort is run?",
    choices=(
        "Ask the three what keeps them at the edge, pay for their time, add evening sessions and a turn at hosting, and link each to two peers on their issue in other cities.",
        "Share a ranking of everyone by number of ties at the next convening, so the three can see where they stand and the cohort can agree to help them build ties.",
        "Replace them with staff from larger neighbourhood organizations who can attend weekday sessions, so community voice stays in the cohort without the attendance problem.",
        "Introduce all three to the best-connected person in the network, who can pass on what the cohort knows and introduce them to everyone else in turn.",
    ),
    answer="Ask the three what keeps them at the edge, pay for their time, add evening sessions and a turn at hosting, and link each to two peers on their issue in other cities.",
    feedback={
        "Share a ranking of everyone by number of ties at the next convening, so the three can see where they stand and the cohort can agree to help them build ties.": "A ranking reads as a verdict on people, and here the edge comes from unpaid time and weekday meetings, not from the people.",
        "Replace them with staff from larger neighbourhood organizations who can attend weekday sessions, so community voice stays in the cohort without the attendance problem.": "That takes community voice out of the network; people at the edge reach circles the core does not.",
        "Introduce all three to the best-connected person in the network, who can pass on what the cohort knows and introduce them to everyone else in turn.": "One tie to the hub makes them depend on the hub, the fragile hub-and-spoke stage; the barriers stay in place.",
    },
    explanation="The edge of a network is a question about the network. Ask the people there why, change what keeps them there, and weave them in with several ties to peers rather than one tie to a hub.",
)

HUB_STAGE = SingleChoice(
    id="hub_stage",
    prompt="In a fictional Cedar Bluff cohort, the convener, Rosa, has made almost every introduction for two years; the map shows most ties running through her. When she took three months' leave, no new ties formed. Which stage of network growth is this, and what should Rosa do next?",
    hint="Krebs and Holley's four stages: scattered fragments, a single hub-and-spoke, a multi-hub small world, a core with a periphery.",
    choices=(
        "A single hub-and-spoke: coach two or three members in each city to make introductions themselves, so the network grows several hubs and no longer depends on her.",
        "A core with a periphery: after two years most ties run through a well-connected core, so the network is mature and Rosa can step back and let it run.",
        "Scattered fragments: when Rosa left no ties formed, so the clusters were never really joined, and she should start again with a new cohort built around shared projects.",
        "A single hub-and-spoke: Rosa should make even more introductions herself, faster, so the network is dense enough to keep going the next time she is away.",
    ),
    answer="A single hub-and-spoke: coach two or three members in each city to make introductions themselves, so the network grows several hubs and no longer depends on her.",
    feedback={
        "A core with a periphery: after two years most ties run through a well-connected core, so the network is mature and Rosa can step back and let it run.": "A core with a periphery keeps growing when one person steps away; this network stopped, so it still hangs on one hub.",
        "Scattered fragments: when Rosa left no ties formed, so the clusters were never really joined, and she should start again with a new cohort built around shared projects.": "The cohort is connected, through Rosa; the fragments stage is before any hub has linked the clusters.",
        "A single hub-and-spoke: Rosa should make even more introductions herself, faster, so the network is dense enough to keep going the next time she is away.": "Right stage, wrong move: more ties through Rosa deepen the dependence that stalled the network when she left.",
    },
    explanation="A hub-and-spoke network is fragile: it depends on one weaver. The move to a multi-hub small world is the weaver growing other weavers, so introductions keep happening without her.",
)

CLOSE_OR_BRIDGE = SortIntoCategories(
    id="close_or_bridge",
    prompt="Sort each fictional introduction: does it close a triangle (two people who share a contact) or bridge a structural hole (a gap between clusters nobody spans)?",
    hint="Closing builds trust inside a cluster; bridging brings news from a cluster that had no tie to yours.",
    categories=("closes a triangle", "bridges a structural hole"),
    items={
        "Port Alder's housing director and her deputy mayor's budget lead, who both already work with the same nonprofit director, meet to plan a joint grant.": "closes a triangle",
        "Easton Ridge's workforce team, whose members all know each other, is introduced to the first person from Lakemont's transit agency anyone in it has met.": "bridges a structural hole",
        "Two Grantham funders who have never worked together, but each co-fund a different pilot with the same third funder, are introduced to each other.": "closes a triangle",
        "A Bellmont community organizer is introduced to a business group in Marlow Heights that no one in her circle knows.": "bridges a structural hole",
    },
    feedback={
        "Port Alder's housing director and her deputy mayor's budget lead, who both already work with the same nonprofit director, meet to plan a joint grant.": "They share a contact, so the tie closes a triangle: it builds the trust a joint grant needs.",
        "Easton Ridge's workforce team, whose members all know each other, is introduced to the first person from Lakemont's transit agency anyone in it has met.": "No one on the team spanned that gap, so the tie bridges a structural hole and brings news the team could not get from itself.",
        "Two Grantham funders who have never worked together, but each co-fund a different pilot with the same third funder, are introduced to each other.": "They had no tie, but both already know the third funder: introducing them closes the triangle.",
        "A Bellmont community organizer is introduced to a business group in Marlow Heights that no one in her circle knows.": "Her circle had no tie to that group: a bridge across a structural hole.",
    },
    explanation="Both moves matter. Closing triangles builds trust and the ability to act together; bridging structural holes brings new information and resources. A weaver does both, and knows which one the work needs now.",
)

WEAVER_ROLES = SortIntoCategories(
    id="weaver_roles",
    prompt="Holley names four roles weavers play. Sort what each fictional cohort member does into the role it is.",
    hint="Connector: introduces people. Project coordinator: helps a group that formed get a project done. Network facilitator: helps a group with a shared issue come together and organize. Network guardian: looks after what the whole network needs.",
    categories=("connector", "project coordinator", "network facilitator", "network guardian"),
    items={
        "Ben in Lakemont runs the calls and the shared plan for the three cities piloting a youth jobs program together.": "project coordinator",
        "Dee in Bellmont sets up the cohort's shared channel, the map it redraws each convening, and training for new weavers.": "network guardian",
        "Ana in Riverton notices two peers work on eviction prevention and introduces them by email.": "connector",
        "Cal in Grantham gathers everyone in the cohort working on transit into a group that sets its own agenda.": "network facilitator",
    },
    feedback={
        "Ana in Riverton notices two peers work on eviction prevention and introduces them by email.": "Introducing people who should know each other is the connector's work, and anyone in the cohort can do it.",
        "Ben in Lakemont runs the calls and the shared plan for the three cities piloting a youth jobs program together.": "Helping a group that has formed get its project done is project coordination.",
        "Cal in Grantham gathers everyone in the cohort working on transit into a group that sets its own agenda.": "Bringing people with a shared issue together to organize is network facilitation.",
        "Dee in Bellmont sets up the cohort's shared channel, the map it redraws each convening, and training for new weavers.": "Looking after the whole network's communication, health and new weavers is the guardian's work.",
    },
    explanation="Holley's four roles ask more skill and time as they go, but every member can be a connector; a weaver's first job is to help more people become weavers.",
)

NETWORK_TYPE = SortIntoCategories(
    id="network_type",
    prompt="Plastrik, Taylor and Cleveland sort social-impact networks into three types. Sort these fictional networks.",
    hint="Connectivity: people linked to exchange information and learn. Alignment: people sharing ideas, goals and strategies. Production: members working together for impact.",
    categories=("connectivity", "alignment", "production"),
    items={
        "Those leaders agree on three shared goals for tenant protection and a common strategy each city adapts.": "alignment",
        "Five of their cities pool funds and staff to run one regional eviction-prevention pilot together.": "production",
        "Forty housing leaders from eight cities meet twice a year to trade what is working.": "connectivity",
    },
    feedback={
        "Forty housing leaders from eight cities meet twice a year to trade what is working.": "Linking people to exchange information and learn is a connectivity network.",
        "Those leaders agree on three shared goals for tenant protection and a common strategy each city adapts.": "Sharing goals and strategy is alignment.",
        "Five of their cities pool funds and staff to run one regional eviction-prevention pilot together.": "Working together to produce something is a production network.",
    },
    explanation="The three types can also be phases: a cohort often starts as a connectivity network, and some of its members go on to align and to produce together. Each asks different things of its weavers and its funders.",
)

COHORT_DESIGN = Reflection(
    id="cohort_design",
    prompt="Plan your cohort's next six months as a network that learns: when will it meet in person, what happens between meetings, and where will one peer consultancy and one learning exchange fit? Say whose problem the consultancy would take up, and what the exchange would let people see.",
    hint="Think of the Project on Municipal Innovation's rhythm: two in-person meetings a year, with shorter online sessions between them.",
    min_words=25,
)

EXERCISES = (
    PEER_CALL,
    BROKER,
    BEST_INTRODUCTION,
    READ_EI,
    EI_MEANING,
    HUB_STAGE,
    CLOSE_OR_BRIDGE,
    WEAVER_ROLES,
    NETWORK_TYPE,
    SHARING_BACK,
    EDGE_WHY,
    WEAK_TIES,
    WEAVING_PLAN,
    COHORT_DESIGN,
)

COHORT_SURVEY = NetworkSurvey(
    id="cohort_survey",
    prompt="Your ties in this cohort: whom do you share information with, run programs with, or fund with, and how strong is each tie? Name people as they hand in their own answers.",
    hint="One person a line: name, strength (1 occasional, 2 regular, 3 close), then what you do together: information, programs or funding. For example: Dana Ruiz, 2, information, programs",
    sectors=SECTORS,
    tie_kinds={
        "information": "share information",
        "programs": "run programs together",
        "funding": "fund together",
    },
    aliases={
        "information": "information",
        "info": "information",
        "programs": "programs",
        "program": "programs",
        "funding": "funding",
        "fund": "funding",
    },
    consent="Show my name on the cohort's map. Without this, the map shows you as an unnamed grey dot apart from every city, and the report describes you only as a member of your sector, or of your city, whichever has at least three people in the cohort (or just as a cohort member): never by both, which would name you.",
    report="leadership_lab.networks.report:survey_section",
)

# Asked after the self-checks and handed in with them; the facilitator's report draws the
# cohort's own network from these answers.
WORKSHEET = (COHORT_SURVEY,)
