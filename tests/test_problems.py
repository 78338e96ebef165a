"""The problems list: errors before warnings, readable places, and a click that says where."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from engine.problems import Problem
from widgets.problems import ProblemsList

PROBLEMS = [
    Problem("wait", "port 'out' is not connected", "warning"),
    Problem("mail", "subject: must not be empty"),
    Problem("journey", "the journey has no trigger (it needs exactly one)"),
    Problem("cond.yes->mail", "an edge leads nowhere"),
]


@pytest.fixture
def problems(qtbot) -> ProblemsList:
    widget = ProblemsList()
    qtbot.addWidget(widget)
    widget.resize(700, 240)
    widget.show()
    return widget


def _rows(widget: ProblemsList) -> list[tuple[str, str]]:
    tree = widget.tree
    return [(tree.topLevelItem(i).text(0), tree.topLevelItem(i).text(1)) for i in range(tree.topLevelItemCount())]


def test_without_a_journey(problems: ProblemsList) -> None:
    assert problems.summary.text() == "No journey open."
    assert problems.tree.isHidden()


def test_a_clean_journey(problems: ProblemsList) -> None:
    problems.set_problems([])
    assert problems.summary.text() == "No problems: this journey can run."
    assert problems.counts() == (0, 0)


def test_errors_first_with_labels_and_icons(problems: ProblemsList) -> None:
    problems.set_problems(PROBLEMS, {"mail": "Reminder email", "wait": "wait"})
    rows = _rows(problems)
    assert [where for _, where in rows] == ["Connection cond.yes → mail", "Journey settings",
                                            "Reminder email (mail)", "wait"]
    assert problems.counts() == (3, 1)
    assert problems.summary.text() == "3 errors, 1 warning: it cannot run until the errors are fixed."
    error_icon = problems.tree.topLevelItem(0).icon(0).cacheKey()
    warning_icon = problems.tree.topLevelItem(3).icon(0).cacheKey()
    assert error_icon != warning_icon
    assert problems.tree.topLevelItem(3).toolTip(0).startswith("Warning:")


def test_only_warnings_can_run(problems: ProblemsList) -> None:
    problems.set_problems(PROBLEMS[:1])
    assert problems.summary.text() == "1 warning: it can run."


def test_click_and_enter_emit_where(problems: ProblemsList, qtbot) -> None:
    problems.set_problems(PROBLEMS)
    item = problems.tree.topLevelItem(2)
    rect = problems.tree.visualItemRect(item)
    with qtbot.waitSignal(problems.problemActivated) as clicked:
        qtbot.mouseClick(problems.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert clicked.args == ["mail"]
    problems.tree.setFocus()
    problems.tree.setCurrentItem(problems.tree.topLevelItem(0))
    with qtbot.waitSignal(problems.problemActivated) as entered:
        qtbot.keyClick(problems.tree, Qt.Key.Key_Return)
    assert entered.args == ["cond.yes->mail"]


def test_replacing_problems_clears_the_old_ones(problems: ProblemsList) -> None:
    problems.set_problems(PROBLEMS)
    problems.set_problems(PROBLEMS[1:2])
    assert len(_rows(problems)) == 1
    problems.set_problems(None)
    assert _rows(problems) == [] and problems.summary.text() == "No journey open."
