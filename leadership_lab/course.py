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
                "Why does a cross-sector partnership fail when its city government is left out?",
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
                    "name collective impact's five conditions and spot which one your "
                    "partnership lacks",
                    ("five_conditions", "your_gap"),
                ),
                Objective(
                    "political_cycle",
                    "see how the political cycle and the pull of quick wins put a partnership at "
                    "risk, and how a co-leading model protects it",
                    ("co_leading",),
                ),
                Objective(
                    "health_check",
                    "rate your own partnership and choose which of the book's four tools to learn "
                    "first",
                    ("bellmont_score", "bellmont_order"),
                ),
            ),
            exercise_minutes=30,
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
                    ("iceberg",),
                ),
                Objective(
                    "loops",
                    "read and draw a causal loop diagram, and tell reinforcing loops from "
                    "balancing ones",
                    ("classify_loop", "your_loop"),
                ),
                Objective(
                    "archetypes",
                    "recognise four system archetypes in city stories",
                    ("match_archetype",),
                ),
                Objective(
                    "leverage",
                    "see, by simulation, which loop drives a system's behaviour, and where "
                    "leverage lies",
                    ("predict_behaviour", "equilibrium", "leverage"),
                ),
                Objective(
                    "systems_leader",
                    "describe what a systems leader does, and why co-leading helps hold the long "
                    "view",
                    ("systems_leader",),
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
                    "tell technical problems from adaptive challenges, and lead the mixed cases "
                    "in two ways at once",
                    ("sort_challenges",),
                ),
                Objective(
                    "balcony",
                    "get on the balcony: observe, interpret, then intervene",
                    ("balcony_steps",),
                ),
                Objective(
                    "productive_zone",
                    "keep a group in the productive zone of distress, neither avoiding the work "
                    "nor breaking down",
                    ("work_avoidance",),
                ),
                Objective(
                    "stakeholders",
                    "map stakeholders by what a change would cost them, inside and outside the "
                    "room",
                    ("your_adaptive_challenge",),
                ),
                Objective(
                    "political_cycle",
                    "lead through the political cycle: quick wins, shared credit, co-chairs, and "
                    "community voice within the law",
                    ("quick_win", "champions", "community_voice"),
                ),
            ),
            exercise_minutes=40,
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
                    "baselines",
                    "read a baseline (history plus forecast) and judge whether a curve has turned",
                    ("baseline_parts", "better_by", "one_year_beyond", "story_behind"),
                ),
                Objective(
                    "three_questions",
                    "sort performance measures into the three questions: how much, how well, is "
                    "anyone better off",
                    ("three_questions", *(f"perf_{n}" for n in range(1, 8))),
                ),
                Objective(
                    "headline_indicators",
                    "choose headline indicators, and see what an average hides",
                    ("headline_indicator",),
                ),
                Objective(
                    "turn_the_curve",
                    "run a turn-the-curve conversation with partners from several agencies",
                    (
                        "turn_the_curve_steps",
                        "ws_result",
                        "ws_partners",
                        "ws_what_works",
                        "ws_action",
                    ),
                ),
            ),
            exercise_minutes=60,
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
                    ("weak_ties",),
                ),
                Objective(
                    "read_a_network",
                    "read a network: density, degree, brokers, reach, reciprocity, core and "
                    "periphery, strong and weak ties",
                    ("broker",),
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
                    "sharing_back",
                    "share network data back with consent, and never rank people",
                    ("sharing_back",),
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
