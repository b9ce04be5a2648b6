"""The content owners' report: a Markdown file with charts (PNG) for a period.

    python -m bot.feedback.report FROM TO [OUT]    (or: make report FROM=2025-09-01 TO=2025-09-30)

It shows counts and the questions that got no answer or a "nee", grouped; never a person's
interview answers, which the store does not hold.
"""

import sys
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Callable, List, Optional, Sequence, Tuple

from bot.feedback.figures import UNKNOWN, Figures, count
from bot.feedback.grouping import group_questions
from bot.feedback.store import ReportStore
from bot.settings import Settings
from bot.text_markup import escape_markdown

if TYPE_CHECKING:  # matplotlib is imported only when a chart is drawn
    from matplotlib.figure import Figure

REPORT_FILE = "rapport.md"
CHART_QUESTIONS = "vragen.png"
CHART_FEEDBACK = "feedback.png"
CHART_ABANDONED = "afgebroken-interviews.png"
MAX_GROUPS = 25
MAX_FEEDBACK_ROWS = 15
CHART_DPI = 150  # sharp on high-resolution screens: 1200 pixels wide
UNKNOWN_ANSWER = "Onbekend antwoord"
BEFORE_FIRST_STEP = "Vóór de eerste vraag"
COLOURS = {"good": "#1b7f3b", "middle": "#d08c00", "bad": "#b3261e", "neutral": "#00586b"}


def answer_label(key: str) -> str:
    """A readable name for an answer's key: the FAQ question, or the passage's place."""
    from bot.knowledge import load_knowledge
    from bot.knowledge.passages import load_passages

    if key == UNKNOWN:
        return UNKNOWN_ANSWER
    if key.startswith("passage:"):
        number = key.split(":", 1)[1]
        passages = load_passages()
        if number.isdigit() and int(number) < len(passages):
            return f"Passage: {passages[int(number)].place}"
        return "Passage (niet meer in de bronnen)"
    knowledge = load_knowledge()
    return knowledge.get(key).title if key in knowledge else key


def step_label(key: str) -> str:
    """A readable name for an interview step: its clause or question label."""
    from bot.interview.catalogue import load_catalogue

    if key == UNKNOWN:
        return BEFORE_FIRST_STEP
    catalogue = load_catalogue()
    return catalogue.get(key).label if key in catalogue else key


def _share(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "-"


def summary_rows(figures: Figures) -> List[Tuple[str, str, str]]:
    """The summary table: what, how many, and the share of what it is part of."""
    f = figures
    return [
        ("Gesprekken", str(f.conversations), ""),
        ("Vragen", str(f.questions), ""),
        ("Direct beantwoord", str(f.answered_at_once), _share(f.answered_at_once, f.questions)),
        ('Beantwoord na "Bedoelt u ...?"', str(f.answered_after_choice),
         _share(f.answered_after_choice, f.questions)),
        ("Niet beantwoord", str(f.unanswered), _share(f.unanswered, f.questions)),
        ('"Bedoelt u ...?" zonder keuze', str(f.choice_left_open),
         _share(f.choice_left_open, f.questions)),
        ("Interviews gestart", str(f.interviews_started), ""),
        ("Interviews afgerond", str(f.interviews_finished),
         _share(f.interviews_finished, f.interviews_started)),
        ("Interviews afgebroken of nog open", str(f.interviews_abandoned),
         _share(f.interviews_abandoned, f.interviews_started)),
        ("Concepten gemaakt", str(f.drafts), ""),
        ('Feedback "nuttig"', str(f.helpful), _share(f.helpful, f.helpful + f.not_helpful)),
        ('Feedback "niet nuttig"', str(f.not_helpful),
         _share(f.not_helpful, f.helpful + f.not_helpful)),
        ("Contactgegevens aangeboden", str(f.contact_offered), ""),
    ]


def _table(header: Sequence[str], rows: Sequence[Sequence[str]], right: Sequence[int] = ()) -> str:
    align = ["---:" if i in right else "---" for i in range(len(header))]
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(align) + "|"]
    # (text from users comes escaped, "|" included: see escape_markdown)
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def _groups_section(questions: Sequence[str], remarks: Sequence[str] = ()) -> str:
    if not questions:
        return "Geen in deze periode.\n"
    groups = group_questions(questions)
    rows = []
    for group in groups[:MAX_GROUPS]:
        others = "; ".join(f"{escape_markdown(text)} ({n})" for text, n in group.wordings[:4])
        rows.append((escape_markdown(group.name), str(group.count), others or "-"))
    text = _table(("Vraag (zoals het vaakst gesteld)", "Aantal", "Andere woorden, met aantal"),
                  rows, right=(1,))
    if len(groups) > MAX_GROUPS:
        text += f"\n\nEn nog {len(groups) - MAX_GROUPS} groepen die minder vaak voorkomen."
    return text + "\n"


def markdown(figures: Figures, answer_name: Callable[[str], str] = answer_label,
             step_name: Callable[[str], str] = step_label) -> str:
    """The report as Markdown; the charts are referred to by their file names."""
    f = figures
    parts = [
        "# Rapport van de assistent samenwerkingsovereenkomst",
        f"Periode: {f.start:%d-%m-%Y} tot en met {f.end:%d-%m-%Y}.",
        "Dit rapport telt wat er met de vragen en de interviews gebeurde. Het bevat geen namen, "
        "geen gesprekken en geen antwoorden uit interviews. Alleen de tekst van vragen zonder "
        'antwoord en van vragen waarop iemand "niet nuttig" koos, staat erin, zodat u ziet welke '
        "antwoorden u kunt toevoegen of verbeteren.",
        "## In het kort",
        _table(("Wat", "Aantal", "Deel"), summary_rows(f), right=(1, 2)),
        "## Wat er met de vragen gebeurde",
        f"![Vragen: direct beantwoord, na een keuze, niet beantwoord]({CHART_QUESTIONS})",
        '*Direct beantwoord*: de assistent gaf meteen een antwoord. *Na "Bedoelt u ...?"*: de '
        "assistent liet eerst kiezen uit vragen die erop leken. *Niet beantwoord*: de bronnen "
        "geven geen antwoord, of de vraag ging over iets anders.",
        "## Vragen zonder antwoord",
        "Gelijksoortige vragen staan samen in een groep. Bovenaan staan de vragen die het vaakst "
        "gesteld zijn: daar helpt een nieuw of beter antwoord de meeste mensen.",
        _groups_section(f.unanswered_questions),
        '## Vragen waarop iemand "niet nuttig" koos',
        _groups_section(f.not_helpful_questions),
    ]
    if f.remarks:
        remarks = Counter(f.remarks).most_common()
        parts += ["Opmerkingen die bij \"niet nuttig\" zijn gegeven, met hoe vaak:",
                  "\n".join(f"- {escape_markdown(remark)} ({n})" for remark, n in remarks)]
    parts += ["## Feedback per antwoord"]
    if f.feedback_per_answer:
        rows = [(escape_markdown(answer_name(key)), str(yes), str(no))
                for key, yes, no in f.feedback_per_answer[:MAX_FEEDBACK_ROWS]]
        parts += [f"![Feedback per antwoord]({CHART_FEEDBACK})",
                  _table(("Antwoord", "Nuttig", "Niet nuttig"), rows, right=(1, 2))]
    else:
        parts.append("Geen feedback in deze periode.")
    parts += ["## Interviews", f"Gestart: {f.interviews_started}. Afgerond: "
              f"{f.interviews_finished}. Afgebroken of nog open: {f.interviews_abandoned}. "
              f"Concepten gemaakt: {f.drafts}."]
    if f.abandoned_at:
        parts += ["Bij welke vraag mensen stopten (de laatste vraag die ze kregen):",
                  f"![Afgebroken interviews per vraag]({CHART_ABANDONED})",
                  _table(("Vraag", "Gestopt"),
                         [(escape_markdown(step_name(k)), str(n)) for k, n in f.abandoned_at],
                         right=(1,))]
    return "\n\n".join(parts) + "\n"


@dataclass(frozen=True)
class Chart:
    """One horizontal bar chart of the report: its file, its bars and its title. A series is
    (name, one value per label, colour); several series are stacked."""

    file: str
    labels: Tuple[str, ...]
    series: Tuple[Tuple[str, Tuple[int, ...], str], ...]
    title: str


def chart_plan(figures: Figures, answer_name: Callable[[str], str] = answer_label,
               step_name: Callable[[str], str] = step_label) -> List[Chart]:
    """The charts the report shows for ``figures``: the questions always, feedback and
    abandoned interviews when there are any."""
    f = figures
    plan = [Chart(CHART_QUESTIONS,
                  ("Direct beantwoord", 'Na "Bedoelt u ...?"', "Niet beantwoord",
                   '"Bedoelt u ...?" zonder keuze'),
                  (("Vragen", (f.answered_at_once, f.answered_after_choice, f.unanswered,
                               f.choice_left_open), COLOURS["neutral"]),),
                  f"Vragen ({f.questions})")]
    if f.feedback_per_answer:
        rows = f.feedback_per_answer[:MAX_FEEDBACK_ROWS]
        plan.append(Chart(CHART_FEEDBACK, tuple(answer_name(key) for key, _, _ in rows),
                          (("Nuttig", tuple(yes for _, yes, _ in rows), COLOURS["good"]),
                           ("Niet nuttig", tuple(no for _, _, no in rows), COLOURS["bad"])),
                          "Feedback per antwoord"))
    if f.abandoned_at:
        plan.append(Chart(CHART_ABANDONED, tuple(step_name(key) for key, _ in f.abandoned_at),
                          (("Gestopt", tuple(n for _, n in f.abandoned_at), COLOURS["middle"]),),
                          "Afgebroken interviews: laatste vraag"))
    return plan


def bar_figure(chart: Chart) -> "Figure":
    """The chart drawn (matplotlib's object API, no global state): the first label at the top,
    each bar's total beside it, labels over 60 characters shortened."""
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    figure = Figure(figsize=(8, 0.5 * len(chart.labels) + 1.5), dpi=CHART_DPI)
    axes = figure.subplots()
    positions = list(range(len(chart.labels)))[::-1]
    left = [0] * len(chart.labels)
    for name, values, colour in chart.series:
        axes.barh(positions, values, left=left, color=colour, label=name)
        left = [a + b for a, b in zip(left, values)]
    for position, total in zip(positions, left):
        axes.text(total, position, f" {total}", va="center")
    axes.set_yticks(positions)
    axes.set_yticklabels([label if len(label) <= 60 else label[:57] + "..." for label in chart.labels])
    axes.set_title(chart.title)
    axes.set_xlim(0, max(left + [1]) * 1.15)
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))  # counts: no 0.5 on the axis
    if len(chart.series) > 1:
        axes.legend(loc="lower right")
    figure.tight_layout()
    return figure


def charts(plan: Sequence[Chart], folder: Path) -> List[Path]:
    """Draw the charts into ``folder`` as PNG; returns the files written."""
    written = []
    for chart in plan:
        path = Path(folder) / chart.file
        bar_figure(chart).savefig(path)
        written.append(path)
    return written


def write_report(store: ReportStore, start: date, end: date, folder: Path) -> Path:
    """Write the report and its charts for a period into ``folder``; returns the Markdown file."""
    if end < start:
        raise ValueError("the period ends before it starts")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    figures = count(store, start, end)
    charts(chart_plan(figures), folder)
    path = folder / REPORT_FILE
    path.write_text(markdown(figures), encoding="utf-8")
    return path


def main(argv: List[str], settings: Optional[Settings] = None) -> int:
    if len(argv) not in (2, 3):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    try:
        start, end = date.fromisoformat(argv[0]), date.fromisoformat(argv[1])
    except ValueError:
        print("Give the period as two dates: FROM=2025-09-01 TO=2025-09-30", file=sys.stderr)
        return 2
    if end < start:
        print("The period ends before it starts.", file=sys.stderr)
        return 2
    settings = settings or Settings.from_environment()
    folder = Path(argv[2]) if len(argv) == 3 else Path("results") / "report" / f"{start}_{end}"
    path = write_report(ReportStore(settings.report_db), start, end, folder)
    print(f"Report written: {path}")
    return 0


if __name__ == "__main__":  # pragma: no cover - the command line
    sys.exit(main(sys.argv[1:]))
