"""The course in one list: its chapters in order, what each asks and teaches, and how each
learning objective is checked.

Everything that needs the list of chapters reads it from here: the table of contents (a test keeps
_toc.yml in step), the catalogue of exercises that `collect` and the facilitator's summary use,
the syllabus page and `python -m leadership_lab syllabus`. This module is pure data: it names the
topic packages and checks by their ids and imports none of them (leadership_lab.catalogue does).
"""

from __future__ import annotations

from dataclasses import dataclass, field

SESSION_MINUTES = 90  # each chapter's live session (book/facilitator/*.md plans 90 minutes)


@dataclass(frozen=True)
class Objective:
    """What a learner can do after the chapter, and the checks that show it."""

    id: str
    text: str
    checks: tuple[str, ...]


@dataclass(frozen=True)
class Chapter:
    id: str
    title: str
    package: str  # the topic package under leadership_lab
    questions: tuple[str, ...]  # the framing questions the chapter answers
    objectives: tuple[Objective, ...]
    exercise_minutes: int  # the exercises notebook, done alone in JupyterLab
    session_minutes: int = SESSION_MINUTES  # the facilitated session; 0 where there is none
    prerequisites: tuple[str, ...] = ()  # chapter ids
    products: tuple[str, ...] = ()  # checks that are things the learner makes, not questions
    facilitator: bool = True  # whether the chapter has a session plan

    @property
    def page(self) -> str:
        return f"chapters/{self.id}"

    @property
    def exercises_notebook(self) -> str:
        return f"exercises/{self.id}.md"

    @property
    def facilitator_page(self) -> str | None:
        return f"book/facilitator/{self.id}" if self.facilitator else None

    @property
    def checks(self) -> tuple[str, ...]:
        return tuple(check for objective in self.objectives for check in objective.checks)


@dataclass(frozen=True)
class Course:
    title: str
    chapters: tuple[Chapter, ...] = field(default_factory=tuple)

    def chapter(self, chapter_id: str) -> Chapter:
        for chapter in self.chapters:
            if chapter.id == chapter_id:
                return chapter
        known = ", ".join(c.id for c in self.chapters)
        raise KeyError(f"No chapter {chapter_id!r} in the course; the chapters are: {known}")


COURSE = Course(
    title="Cross-Sector Leadership Lab",
    chapters=(
        Chapter(
            id="01_public_sector_gap",
            title="The public-sector gap",
            package="public_sector_gap",
            questions=(
                "Why can't a partnership achieve enduring change without its city government?",
                "How can a partnership use quick wins without tying itself to one mayor?",
            ),
            objectives=(
                Objective(
                    "work_with_government",
                    "explain why a cross-sector partnership cannot work around its city government",
                    ("gap_cause", "public_levers"),
                ),
                Objective(
                    "five_conditions",
                    "check a city's readiness against collective impact's three preconditions, "
                    "name its five conditions, and spot which one your partnership lacks",
                    ("preconditions", "five_conditions", "your_gap"),
                ),
                Objective(
                    "health_check",
                    "rate your own partnership and choose which of the book's four tools to learn "
                    "first",
                    ("bellmont_score", "bellmont_order"),
                ),
                Objective(
                    "political_cycle",
                    "see how the political cycle and the pull of quick wins put a partnership at "
                    "risk, and which practices carry it through a change of administration",
                    ("quick_wins", "durability_practices", "exposure_reading"),
                ),
                Objective(
                    "co_leading",
                    "say what a co-leading model can do against short-term political pressure, "
                    "and what it cannot do alone",
                    ("co_leading",),
                ),
                Objective(
                    "community_voice",
                    "tell community members as co-owners from community members consulted at the "
                    "end, when government joins a partnership",
                    ("community_voice",),
                ),
            ),
            exercise_minutes=40,
        ),
        Chapter(
            id="02_systems_thinking",
            title="Systems thinking",
            package="systems",
            questions=(
                "Why do city problems come back after they are fixed?",
                "Where should a partnership push to change a system, and who holds the long view?",
            ),
            objectives=(
                Objective(
                    "beneath_events",
                    "look beneath events to the patterns and structures that produce them",
                    ("iceberg_backlog",),
                ),
                Objective(
                    "before_the_loops",
                    "sketch a problem's behaviour over time, and choose the system's boundary, "
                    "before drawing loops",
                    ("reference_mode", "system_boundary"),
                ),
                Objective(
                    "loops",
                    "read and draw a causal loop diagram, and tell reinforcing loops from "
                    "balancing ones",
                    ("classify_loop", "your_loop"),
                ),
                Objective(
                    "archetypes",
                    "recognise eight system archetypes in city stories, and the delay that "
                    "defines some of them",
                    ("match_archetype", "match_more_archetypes"),
                ),
                Objective(
                    "leverage",
                    "see, by simulation, which loop drives a system's behaviour, and where "
                    "leverage lies",
                    ("predict_behaviour", "reach_the_goal", "leverage", "leverage_sort"),
                ),
                Objective(
                    "systems_leader",
                    "describe what a systems leader does, and why co-leading helps hold the long "
                    "view",
                    ("systems_leader", "explicit_choice"),
                ),
                Objective(
                    "whose_map",
                    "ask whose mental models a system map holds, and draw it with the people who "
                    "live the problem",
                    ("whose_map", "water_conditions"),
                ),
            ),
            exercise_minutes=40,
            prerequisites=("01_public_sector_gap",),
        ),
        Chapter(
            id="03_adaptive_leadership",
            title="Adaptive leadership",
            package="adaptive",
            questions=(
                "What do you do when a problem has no known fix and solving it asks people to "
                "give something up?",
                "How do you keep an effort alive through a change of administration?",
            ),
            objectives=(
                Objective(
                    "technical_or_adaptive",
                    "tell Heifetz's three kinds of work apart by who must do the work, and lead "
                    "the mixed cases in two ways at once",
                    ("sort_challenges",),
                ),
                Objective(
                    "authority_resource",
                    "use authority as a resource for adaptive work: hold people together, direct "
                    "attention, regulate distress",
                    ("authority_resource",),
                ),
                Objective(
                    "holding_environment",
                    "strengthen the holding environment that keeps people working together "
                    "through the stress",
                    ("holding_environment",),
                ),
                Objective(
                    "balcony",
                    "get on the balcony: observe, interpret, then intervene",
                    ("balcony_case",),
                ),
                Objective(
                    "productive_zone",
                    "keep a group in the productive zone, between complacency and breakdown, and "
                    "hold its attention when work avoidance pulls it off the question",
                    ("work_avoidance", "disciplined_attention"),
                ),
                Objective(
                    "stakeholders",
                    "map each faction's values, loyalties and losses at risk, inside and outside "
                    "the room",
                    ("faction_loyalties", "map_the_losses", "your_adaptive_challenge"),
                ),
                Objective(
                    "who_bears_losses",
                    "ask who bears the losses of an adaptive change, and bring those with the "
                    "least power into the work",
                    ("who_loses",),
                ),
                Objective(
                    "think_politically",
                    "think politically: find partners, keep the opposition close, own your piece "
                    "of the mess, acknowledge others' losses",
                    ("think_politically",),
                ),
                Objective(
                    "stay_alive",
                    "recognise the dangers of leading and deploy yourself: purpose, allies and "
                    "confidants",
                    ("dangers_of_leading", "allies_confidants"),
                ),
                Objective(
                    "political_cycle",
                    "lead through the political cycle: quick wins, shared credit, co-chairs, and "
                    "community voice within the law",
                    ("quick_win", "transition_plan", "community_voice"),
                ),
                Objective(
                    "experiment",
                    "design a small experiment on a live challenge, run it between sessions and "
                    "debrief it with peers",
                    ("your_experiment",),
                ),
            ),
            exercise_minutes=55,
            prerequisites=("01_public_sector_gap",),
        ),
        Chapter(
            id="04_results_based_accountability",
            title="Results-Based Accountability",
            package="rba",
            questions=(
                "How do housing, economic development and education agencies agree on results "
                "that reinforce each other?",
                "How does a partnership know whether it is making a difference?",
            ),
            objectives=(
                Objective(
                    "two_accountabilities",
                    "tell a population result from a program's performance, and say who is "
                    "accountable for each",
                    ("who_is_accountable",),
                ),
                Objective(
                    "language_discipline",
                    "keep one word for each idea: result, indicator, strategy, performance measure",
                    ("language_discipline",),
                ),
                Objective(
                    "who_sets_the_result",
                    "ask who sets the result and who is at the table, and read every headline "
                    "indicator by race and income",
                    ("who_sets_result", "ws_look_like"),
                ),
                Objective(
                    "headline_indicators",
                    "choose headline indicators, secondary indicators and a data development "
                    "agenda, and see what an average hides",
                    ("headline_indicator", "three_part_list", "ws_measure"),
                ),
                Objective(
                    "baselines",
                    "read a baseline (history plus forecast) and judge whether a curve has turned",
                    (
                        "baseline_parts",
                        "read_the_year",
                        "one_year_beyond",
                        "ws_how_doing",
                    ),
                ),
                Objective(
                    "story_with_data",
                    "tell the story behind a curve with data: groups, a state comparison, shared "
                    "shocks, the forecast method, and what the data cannot say",
                    ("shared_reading", "story_behind"),
                ),
                Objective(
                    "turn_the_curve",
                    "run a turn-the-curve conversation with partners from several agencies",
                    (
                        "skipped_steps",
                        "talk_to_action",
                        "ws_result",
                        "ws_partners",
                        "ws_what_works",
                        "ws_action",
                    ),
                ),
                Objective(
                    "keep_scorecard",
                    "keep a results scorecard over time: yearly updates, actions with owners "
                    "and dates, shared with partners",
                    ("keep_scorecard",),
                ),
                Objective(
                    "targets",
                    "use targets without letting them replace the baseline or invite gaming",
                    ("target_misuse",),
                ),
                Objective(
                    "three_questions",
                    "sort performance measures into the three questions: how much, how well, is "
                    "anyone better off (as a number and a percent), and choose a program's "
                    "headline measures",
                    (
                        "three_questions",
                        "better_off_kinds",
                        "headline_measure",
                        *(f"perf_{n}" for n in range(1, 8)),
                    ),
                ),
            ),
            exercise_minutes=75,
            prerequisites=("02_systems_thinking",),
        ),
        Chapter(
            id="05_cohorts_and_networks",
            title="Cohorts and peer networks",
            package="networks",
            questions=(
                "Why learn with leaders from other cities, when every city is different?",
                "How does a cohort's network grow, and who can help it grow?",
            ),
            objectives=(
                Objective(
                    "why_cohorts",
                    "see why cohorts and peer networks build capacity that courses alone cannot",
                    ("peer_call",),
                ),
                Objective(
                    "cohort_design",
                    "design a cohort that learns: a steady rhythm of convenings, peer "
                    "consultancies and learning exchanges",
                    ("cohort_design",),
                ),
                Objective(
                    "read_a_network",
                    "read a network: density, degree, brokers, reach, reciprocity, core and "
                    "periphery, strong and weak ties",
                    ("broker", "weak_ties"),
                ),
                Objective(
                    "ei_index",
                    "measure ties across sectors and cities with the E-I index",
                    ("read_ei", "ei_meaning"),
                ),
                Objective(
                    "weaving",
                    "weave a network: close triangles and bring people from the edge toward the "
                    "core",
                    ("best_introduction", "weaving_plan"),
                ),
                Objective(
                    "network_growth",
                    "tell the four stages of network growth apart, and grow other weavers",
                    ("hub_stage",),
                ),
                Objective(
                    "bridge_and_close",
                    "tell closing a triangle from bridging a structural hole, and what each brings",
                    ("close_or_bridge",),
                ),
                Objective(
                    "weaver_roles",
                    "name the roles weavers play, from connector to network guardian",
                    ("weaver_roles",),
                ),
                Objective(
                    "network_types",
                    "tell connectivity, alignment and production networks apart, and check a "
                    "network's health",
                    ("network_type",),
                ),
                Objective(
                    "sharing_back",
                    "share network data back with consent, and never rank people",
                    ("sharing_back",),
                ),
                Objective(
                    "map_the_cohort",
                    "map the cohort's own network with consent, and read it against chance",
                    ("cohort_survey",),
                ),
                Objective(
                    "who_is_at_the_edge",
                    "ask who is at the edge of the network and why, and change what keeps them "
                    "there",
                    ("edge_why",),
                ),
            ),
            exercise_minutes=40,
            prerequisites=("01_public_sector_gap",),
        ),
        Chapter(
            id="06_your_city",
            title="Capstone: your city",
            package="capstone",
            questions=("How do the four tools work together on one result in your own city?",),
            objectives=(
                Objective(
                    "four_tools",
                    "take one result in one city through all four tools",
                    ("brief",),
                ),
                Objective(
                    "system_and_loss",
                    "map the system behind the result, name the adaptive challenge in it and who "
                    "stands to lose",
                    ("loops", "diagnosis", "moves"),
                ),
                Objective(
                    "indicators",
                    "read the result's headline indicators against their baselines",
                    ("indicators",),
                ),
                Objective(
                    "introductions",
                    "find the introductions your partnership's network needs next",
                    ("network",),
                ),
                Objective(
                    "share_the_brief",
                    "leave with a one-page partnership brief to share with your partners",
                    ("brief",),
                ),
            ),
            exercise_minutes=90,
            session_minutes=0,
            prerequisites=(
                "02_systems_thinking",
                "03_adaptive_leadership",
                "04_results_based_accountability",
                "05_cohorts_and_networks",
            ),
            products=("brief", "loops", "diagnosis", "moves", "indicators", "network"),
            facilitator=False,
        ),
    ),
)


# The cohort program: the course run over six months as a sequence of sessions. Two sessions are
# in-person convenings (the source article's peer networks meet in person at least twice a year);
# the six between them are online. Each session says what learners prepare, a timed agenda, the
# work they do before the next session, what they bring back, and how their capstone brief grows.

IN_PERSON = "in person"
ONLINE = "online"


@dataclass(frozen=True)
class AgendaItem:
    """One timed part of a session."""

    minutes: int
    activity: str
    chapter: str = ""  # the chapter it teaches; "" means the session's first chapter


BREAK = "Break."
LUNCH = "Lunch."


def pause(minutes: int, activity: str = BREAK) -> AgendaItem:
    """A break or lunch in a session's agenda: contact time with no teaching, timed like the rest
    so the agenda still adds up to the session's minutes."""
    return AgendaItem(minutes, activity)


@dataclass(frozen=True)
class Task:
    """Work a learner does outside a session, with the time it asks of them."""

    minutes: int
    text: str
    chapter: str = ""  # the chapter it practises; "" means the session's first chapter


@dataclass(frozen=True)
class CapstoneStep:
    """How the capstone brief (chapter 6) grows in one session."""

    adds: tuple[
        str, ...
    ]  # parts of the brief: leadership_lab.capstone.brief.Brief fields, or "brief"
    text: str


@dataclass(frozen=True)
class Session:
    number: int
    title: str
    month: int  # month of the program, from 1
    mode: str  # IN_PERSON or ONLINE
    minutes: int  # contact time; the agenda's minutes add up to it
    chapters: tuple[str, ...]  # chapter ids, in the order the session takes them
    before: tuple[Task, ...]  # preparation beyond reading and doing the session's new chapters
    in_session: tuple[AgendaItem, ...]
    between: tuple[Task, ...]  # the assignment before the next session (after the last: after it)
    bring_back: tuple[str, ...]  # what learners bring to the next session
    capstone: CapstoneStep

    @property
    def agenda_minutes(self) -> int:
        return sum(item.minutes for item in self.in_session)


@dataclass(frozen=True)
class Program:
    title: str
    months: int
    sessions: tuple[Session, ...]


PROGRAM = Program(
    title="The Cross-Sector Leadership Lab as a six-month cohort program",
    months=6,
    sessions=(
        Session(
            number=1,
            title="Opening convening: the public-sector gap",
            month=1,
            mode=IN_PERSON,
            minutes=330,
            chapters=("01_public_sector_gap",),
            before=(
                Task(
                    20,
                    "Choose one partnership you belong to and one population result it works on "
                    "(for example young people in work, or families stably housed). You will carry "
                    "this result through all eight sessions.",
                ),
                Task(
                    15,
                    "Answer the cohort's tie survey: whom in the cohort you already share "
                    "information with, run a program with or fund with. The invitation says what "
                    "will be shown and to whom, that no one is ranked, and that you may opt out.",
                    "05_cohorts_and_networks",
                ),
                Task(
                    15,
                    "Find out who in your city government can change a rule, contract or data set "
                    "your partnership depends on.",
                ),
                Task(
                    20,
                    "Ask the agencies that hold data on your result for at least five years of it "
                    "now: agency data requests can take months. Meanwhile note the public numbers "
                    "you could use instead, such as the Census Bureau's American Community Survey "
                    "or your state's school report cards.",
                    "04_results_based_accountability",
                ),
            ),
            in_session=(
                AgendaItem(
                    25,
                    "Welcome and the six months ahead. Each person names their partnership, sector "
                    "and result in one sentence.",
                ),
                AgendaItem(
                    25,
                    "The Riverton story: who could have rewritten the workforce board's contracts, "
                    "and why were they not at the table?",
                ),
                AgendaItem(
                    30,
                    "Preconditions and the five conditions in table groups that mix sectors: one "
                    "warning sign each from your own city.",
                ),
                pause(15),
                AgendaItem(
                    35,
                    "Health check, first draft: each person rates their own partnership alone, "
                    "then compares with a partner from another sector. The real rating comes "
                    "between sessions, with your own partners.",
                ),
                AgendaItem(
                    35,
                    "Quick wins and the co-leading model, with the cohort summary's most common "
                    "wrong answers.",
                ),
                pause(45, LUNCH),
                AgendaItem(
                    20,
                    "Outliving a change of administration: which durability practices your "
                    "partnership has today, what each really does (an MOU is usually non-binding, "
                    "a budget line lasts one year), and which one you could start this quarter.",
                ),
                AgendaItem(
                    30,
                    "Who is at the table when government joins: sort your partnership's last "
                    "decisions into those residents shared and those they were consulted on "
                    "afterwards, and name one change.",
                ),
                pause(15),
                AgendaItem(
                    20,
                    "Learning pairs: each person is paired for the six months with a peer from "
                    "another city and sector; pairs agree when they will meet between sessions.",
                ),
                AgendaItem(
                    25,
                    "Capstone start: in the capstone workbench, choose your city (or the sample "
                    "city most like it) and write the brief's heading.",
                ),
                AgendaItem(
                    10,
                    "Close: one step your public-sector partners could take this quarter.",
                ),
            ),
            between=(
                Task(
                    30,
                    "Meet your learning pair: tell each other the story of one problem in your "
                    "city that came back after it was fixed.",
                ),
                Task(
                    30,
                    "Ask two partners from other sectors what keeps your result stuck, and write "
                    "down every cause they name.",
                ),
                Task(
                    45,
                    "Rate the chapter's health check together with at least two of your own "
                    "partners, and a resident or community partner if you can. Note where your "
                    "ratings differ: that is often the most useful finding.",
                ),
            ),
            bring_back=(
                "one problem that came back after it was fixed",
                "the causes your partners named",
                "your partnership's health check, rated with your partners, and where you differed",
            ),
            capstone=CapstoneStep(
                ("city", "partnership", "focus", "lead_sector", "co_chair"),
                "Start the brief: your city, your partnership, the one result you will work on, "
                "which sector leads and whether there is an external co-chair.",
            ),
        ),
        Session(
            number=2,
            title="Systems thinking: the system behind your result",
            month=1,
            mode=ONLINE,
            minutes=120,
            chapters=("02_systems_thinking",),
            before=(
                Task(
                    20,
                    "Draw the causes your partners named as arrows on one page: what causes what?",
                ),
            ),
            in_session=(
                AgendaItem(
                    10,
                    "Check-in: the problems that came back, and the cohort summary of the "
                    "self-checks.",
                ),
                AgendaItem(
                    15,
                    "The iceberg in breakout rooms: take one shared problem from events down to "
                    "the structures and mental models beneath it.",
                ),
                AgendaItem(
                    30,
                    "Map together: each breakout room builds a causal loop diagram of one member's "
                    "result in the chapter's diagram builder, in a shared notebook.",
                ),
                pause(10),
                AgendaItem(
                    20,
                    "Read the loops the builder finds and name any archetype you recognise.",
                ),
                AgendaItem(
                    15,
                    "Simulation: the housing model and the tutoring program. Where is the "
                    "leverage, and where will it move?",
                ),
                AgendaItem(
                    20,
                    "Capstone: edit the starting map into your own result's map and name the loop "
                    "that keeps it stuck.",
                ),
            ),
            between=(
                Task(
                    45,
                    "Show your map to two partners from other sectors, and add what they see that "
                    "you did not.",
                ),
                Task(
                    30,
                    "Write down one challenge in your partnership that has resisted a fix, or that "
                    "everyone agrees on until it is time to act.",
                    "03_adaptive_leadership",
                ),
            ),
            bring_back=(
                "your map, with the loop that keeps the result stuck named",
                "one stuck challenge, in a few sentences",
            ),
            capstone=CapstoneStep(
                ("loops",),
                "Add the system behind the result: the loops in your own map.",
            ),
        ),
        Session(
            number=3,
            title="Adaptive leadership: a case clinic",
            month=2,
            mode=ONLINE,
            minutes=120,
            chapters=("03_adaptive_leadership",),
            before=(
                Task(
                    20,
                    "Sort your stuck challenge with the chapter's three kinds of work (which part "
                    "is technical, which adaptive, and who must do it), then score it in "
                    "JupyterLab. One volunteer, ideally from the public sector, agrees with the "
                    "facilitator to present theirs.",
                ),
            ),
            in_session=(
                AgendaItem(
                    5,
                    "Ground rules for the clinic: the Chatham House rule (use what you hear, not "
                    "who said it). Shared notebooks and exported answers can be public records "
                    "for public employees, so name no one in them and write nothing you would not "
                    "want released.",
                ),
                AgendaItem(
                    10,
                    "Easton Ridge's quiet meeting, and where the room disagreed in the sorting "
                    "self-check.",
                ),
                AgendaItem(10, "The presenter describes their challenge and what is at stake."),
                AgendaItem(10, "Clarifying questions only: facts, not advice."),
                AgendaItem(
                    20,
                    "The presenter listens while the cohort goes to the balcony: observe, "
                    "interpret, suggest experiments.",
                ),
                AgendaItem(
                    10,
                    "Map the presenter's factions together (values, loyalties, losses at risk), "
                    "including groups outside the room.",
                ),
                AgendaItem(
                    10,
                    "The presenter returns: what they heard, and one experiment they will run.",
                ),
                pause(10),
                AgendaItem(
                    25,
                    "In threes (your peer group until the next session), each person fills in the "
                    "experiment worksheet: what they will try in the next four weeks, what they "
                    "expect, and what would show them wrong.",
                ),
                AgendaItem(10, "Close: each person names their experiment and when it will run."),
            ),
            between=(
                Task(
                    100,
                    "Run your adaptive experiment over four weeks. After each step, write a "
                    "balcony log: what you observed, how you interpreted it, what you did next.",
                ),
                Task(
                    20,
                    "Halfway through, a call with your peer group of three: what each has tried, "
                    "what they saw, and whether to adjust the experiment.",
                ),
                Task(
                    30,
                    "Map the factions in your challenge by their values, loyalties and losses at "
                    "risk, inside and outside the room, in the chapter's map builder.",
                ),
            ),
            bring_back=(
                "your balcony log: what you tried, what happened, what surprised you",
                "your faction map: values, loyalties and losses at risk",
            ),
            capstone=CapstoneStep(
                ("challenge", "diagnosis"),
                "Add the adaptive challenge in your result, and the diagnosis of how adaptive it "
                "is.",
            ),
        ),
        Session(
            number=4,
            title="Adaptive leadership: experiments and the political cycle",
            month=3,
            mode=ONLINE,
            minutes=120,
            chapters=("03_adaptive_leadership",),
            before=(Task(15, "Reread your balcony log and mark where the heat rose or fell."),),
            in_session=(
                AgendaItem(10, "Check-in: one word for how your experiment went."),
                AgendaItem(
                    30,
                    "Experiment reports in threes: each person reports, the others interpret from "
                    "the balcony. Where was the heat too low or too high, and who stands to lose?",
                ),
                pause(10),
                AgendaItem(
                    15,
                    "Whole cohort: what the experiments taught about work avoidance, the holding "
                    "environment and the productive zone; each person names their next "
                    "experiment.",
                ),
                AgendaItem(
                    25,
                    "Thinking politically and the political cycle: partners, the opposition, "
                    "quick wins with shared credit, co-chairs, community voice within the law, and "
                    "the dangers of leading. Public-sector members say what their calendar allows.",
                ),
                AgendaItem(
                    20,
                    "Capstone: turn your faction map into engagement moves, ordered by "
                    "influence and by what each faction stands to lose.",
                ),
                AgendaItem(
                    10,
                    "Close: what data on your result you will gather for the next session.",
                ),
            ),
            between=(
                Task(
                    20,
                    "Hold one conversation with a stakeholder who stands to lose from the change, "
                    "using the move your map suggests.",
                ),
                Task(
                    20,
                    "Follow up the data request you made before the opening convening. Where the "
                    "agency data has not arrived, gather the public numbers for your result "
                    "instead (American Community Survey, state school report cards).",
                    "04_results_based_accountability",
                ),
            ),
            bring_back=(
                "what the stakeholder conversation taught you",
                "the data you have asked for, and from whom",
            ),
            capstone=CapstoneStep(
                ("moves",),
                "Add the engagement moves: whom to engage first, and how.",
            ),
        ),
        Session(
            number=5,
            title="Results-Based Accountability: baselines and turning the curve",
            month=3,
            mode=ONLINE,
            minutes=120,
            chapters=("04_results_based_accountability",),
            before=(
                Task(
                    15,
                    "Pick the sample city most like yours and look at its indicators for your "
                    "result in the chapter's turn-the-curve chart.",
                ),
            ),
            in_session=(
                AgendaItem(
                    10,
                    "Port Alder's three agency heads: what result would make your agencies' plans "
                    "reinforce each other?",
                ),
                AgendaItem(
                    15,
                    "Population and performance accountability, with the cohort summary for the "
                    "first self-check.",
                ),
                AgendaItem(
                    25,
                    "Baselines in pairs: read each indicator against its baseline forecast. Is one "
                    "year beyond the band a hint or a case?",
                ),
                AgendaItem(
                    15,
                    "Headline indicators and what an average hides: look at the groups.",
                ),
                AgendaItem(
                    30,
                    "Role-based turn the curve in breakout rooms (timekeeper, data lead, agency "
                    "head, resident, funder): five timed steps, one idea that costs nothing, and "
                    "an action plan typed into the worksheet so it exports.",
                ),
                pause(10),
                AgendaItem(
                    15,
                    "Data clinic: what each person has been sent, how to shape it like the "
                    "sample's tables, and how the validator names what to fix.",
                ),
            ),
            between=(
                Task(
                    90,
                    "Put at least five years of history for one or two headline indicators of "
                    "your result into a folder of tables named and shaped like the sample's (see "
                    "the data page).",
                ),
                Task(
                    30,
                    "Check the folder with `python -m leadership_lab.data validate FOLDER` and fix "
                    "every file, row and column it names until it passes.",
                ),
                Task(
                    20,
                    "Run `python -m leadership_lab scorecard CITY --data FOLDER` to get your "
                    "city's scorecard as CSV and HTML.",
                ),
            ),
            bring_back=(
                "a folder of your city's data that passes validation",
                "your city's scorecard",
            ),
            capstone=CapstoneStep(
                ("indicators",),
                "Choose your headline indicators (high on communication, proxy and data power) "
                "and add them against their baselines, read first on the sample city most like "
                "yours; the rest go in the brief as secondary indicators.",
            ),
        ),
        Session(
            number=6,
            title="Results-Based Accountability: your own city's curve",
            month=4,
            mode=ONLINE,
            minutes=120,
            chapters=("04_results_based_accountability",),
            before=(
                Task(
                    20,
                    "List the programs you run or fund that touch your result, and what each "
                    "already counts.",
                ),
            ),
            in_session=(
                AgendaItem(10, "Check-in: one thing your own data showed that you did not expect."),
                AgendaItem(
                    20,
                    "Scorecard walk in pairs from different cities: read each other's scorecards "
                    "against their baselines.",
                ),
                AgendaItem(
                    25,
                    "Turn the curve on your own data, in breakout rooms grouped by result.",
                ),
                pause(10),
                AgendaItem(
                    25,
                    "Performance measures: each person writes one measure for each of the three "
                    "questions for one program. Which says whether anyone is better off?",
                ),
                AgendaItem(
                    15,
                    "Capstone: load your own data folder in the workbench and read the brief "
                    "again.",
                ),
                AgendaItem(
                    15,
                    "Close: plan a turn-the-curve conversation with partners from at least two "
                    "agencies; the tie survey's second round.",
                ),
            ),
            between=(
                Task(
                    90,
                    "Hold the turn-the-curve conversation with your partners, using your "
                    "scorecard: the story behind the curve, partners, what works, an action plan.",
                ),
                Task(
                    30,
                    "Take your three performance measures to the program's staff and agree how "
                    "they will be counted.",
                ),
                Task(
                    15,
                    "Answer the tie survey's second round; see and correct your own ties.",
                    "05_cohorts_and_networks",
                ),
                Task(
                    20,
                    "List the people in your own network who matter to your result: name, sector, "
                    "city and how close.",
                    "05_cohorts_and_networks",
                ),
            ),
            bring_back=(
                "the action plan from your conversation: what, who, by when",
                "the list of people in your own network",
            ),
            capstone=CapstoneStep(
                ("synthetic",),
                "Switch the brief to your own data folder: its indicators now describe your city, "
                "and it drops the sample's fictional-data label.",
            ),
        ),
        Session(
            number=7,
            title="Cohorts and peer networks: reading the cohort's network",
            month=5,
            mode=ONLINE,
            minutes=120,
            chapters=("05_cohorts_and_networks",),
            before=(),
            in_session=(
                AgendaItem(
                    10,
                    "The cohort's network at the opening convening and now, with no names on "
                    "screen: what changed?",
                ),
                AgendaItem(
                    15,
                    "Read the measures together: density, the E-I index across cities, the "
                    "separate clusters.",
                ),
                AgendaItem(15, "Group patterns: E-I by sector and by city."),
                AgendaItem(
                    15,
                    "Weak ties and brokers: who in your partnership connects groups that would "
                    "otherwise not meet?",
                ),
                pause(10),
                AgendaItem(
                    25,
                    "Map your own network in the notebook, one tie per line; pick one tie to add "
                    "and one to deepen.",
                ),
                AgendaItem(
                    20,
                    "Capstone: read your city's network part and the introductions it suggests.",
                ),
                AgendaItem(
                    10,
                    "Close: sharing network data back with consent; what to look at in month six.",
                ),
            ),
            between=(
                Task(
                    30,
                    "Make one introduction your map suggests, between two people who could do "
                    "something for each other in the next six months.",
                ),
                Task(
                    30,
                    "Once your brief is written (see the closing convening's preparation), ask two "
                    "people to read it, one of them a resident or community partner: what is "
                    "missing, what is wrong?",
                    "06_your_city",
                ),
                Task(
                    30,
                    "Prepare a five-minute presentation of your brief.",
                    "06_your_city",
                ),
            ),
            bring_back=(
                "your printed brief and your two readers' comments on it",
                "the introduction you made, and what came of it",
            ),
            capstone=CapstoneStep(
                ("network",),
                "Add the network: your city's members, their ties across cities and the "
                "introductions to make next.",
            ),
        ),
        Session(
            number=8,
            title="Closing convening: weaving, and the partnership brief",
            month=6,
            mode=IN_PERSON,
            minutes=330,
            chapters=("05_cohorts_and_networks", "06_your_city"),
            before=(Task(10, "Answer the tie survey's last round, for the closing convening."),),
            in_session=(
                AgendaItem(
                    10,
                    "The cohort's network at the opening convening, in month five and today, with "
                    "no names on screen.",
                ),
                AgendaItem(
                    10,
                    "What changed since month five: the measures and the group patterns.",
                ),
                AgendaItem(
                    25,
                    "Weaving in pairs: introduction cards handed out; whoever can make an "
                    "introduction makes it now, in the room.",
                ),
                AgendaItem(
                    15,
                    "Round: one introduction made today and one planned; agree how the network "
                    "keeps meeting.",
                ),
                pause(15),
                AgendaItem(
                    90,
                    "Brief presentations in groups of six, mixing cities and sectors: five minutes "
                    "each, then ten of feedback from the balcony.",
                    "06_your_city",
                ),
                pause(45, LUNCH),
                AgendaItem(
                    35,
                    "Revise: each person rewrites the part of the brief the feedback questioned, "
                    "and writes the final version.",
                    "06_your_city",
                ),
                pause(15),
                AgendaItem(
                    30,
                    "Four tools on one result: table groups say, from their briefs, where the "
                    "tools worked together and where they pulled apart.",
                    "06_your_city",
                ),
                AgendaItem(
                    25,
                    "Commitments: whom you will share your brief with, and when; learning pairs "
                    "agree to meet again in three months.",
                    "06_your_city",
                ),
                AgendaItem(15, "Close.", "06_your_city"),
            ),
            between=(
                Task(
                    60,
                    "Share your brief with your partners and ask what they would change.",
                    "06_your_city",
                ),
            ),
            bring_back=(),
            capstone=CapstoneStep(
                ("brief",),
                "Finish the brief after the cohort's feedback, and share it with your partners.",
            ),
        ),
    ),
)
