"""The rule builder: nested all/any groups with a "not" toggle, and one row per test.

Each row keeps the leaf dict it was given and changes only the keys its widgets own, so any rule
set into the builder comes back out unchanged (`set_rule(r); rule() == r`), including shapes the
widgets cannot express (those show as a JSON row rather than being dropped). Problems found by
`engine.rules.check_rule` are shown on the row they concern, using the same paths the journey
validator prints, so what the builder flags is what `validate` would say.
"""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from engine.rules import check_rule
from widgets.flow_layout import FlowLayout
from widgets.inspector.editors import EditorContext, ValueEditor, shrinkable
from widgets.inspector.rule_rows import (
    DEFAULT_LEAF,
    ERROR_STYLE,
    SEGMENT,
    JsonRow,
    LeafRow,
    RowBase,
    _not_button,
    _remove_button,
)

__all__ = ["DEFAULT_LEAF", "ERROR_STYLE", "SEGMENT", "GroupWidget", "JsonRow", "LeafRow", "RowBase", "RuleBuilder",
           "RuleEditor", "build_row"]

class GroupWidget(RowBase):
    """`all` or `any` of its children, optionally negated.

    `bare` marks a group that stands for a single rule given without a combinator (a leaf at
    the top of a condition, as most files have it); it writes that rule back bare while it still
    holds exactly one child, so loading and saving never wraps a rule the author did not wrap.
    """

    def __init__(self, ctx: EditorContext, mode: str = "all", negated: bool = False, bare: bool = False,
                 root: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rule_group")
        self.ctx, self.mode, self.negated, self.bare, self.root = ctx, mode, negated, bare, root
        self.children_rows: list[RowBase] = []
        if not root:
            self.setFrameShape(QFrame.Shape.StyledPanel)
        self.mode_combo = shrinkable(QComboBox(), 8)
        self.mode_combo.setObjectName("group_mode")
        self.mode_combo.addItem(self.tr("All of these"), "all")
        self.mode_combo.addItem(self.tr("Any of these"), "any")
        self.mode_combo.setCurrentIndex(0 if mode == "all" else 1)
        self.not_button = _not_button(self.tr("Negate the whole group"))
        self.not_button.setChecked(negated)
        header = FlowLayout()
        header.setContentsMargins(0, 0, 0, 0)
        header.addWidget(self.not_button)
        header.addWidget(self.mode_combo)
        self.empty_hint = QLabel()
        self.empty_hint.setEnabled(False)
        header.addWidget(self.empty_hint, 1)
        if not root:
            self.remove = _remove_button(self.tr("Remove this group"))
            self.remove.clicked.connect(lambda: self.remove_requested.emit(self))
            header.addWidget(self.remove)
        self.rows = QVBoxLayout()
        self.rows.setContentsMargins(12 if not root else 0, 0, 0, 0)
        self.rows.setSpacing(4)
        self.add_leaf_button = QPushButton(self.tr("+ Condition"))
        self.add_leaf_button.setObjectName("add_condition")
        self.add_group_button = QPushButton(self.tr("+ Group"))
        self.add_group_button.setObjectName("add_group")
        for b in (self.add_leaf_button, self.add_group_button):
            b.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        footer = FlowLayout()
        footer.setContentsMargins(12 if not root else 0, 0, 0, 0)
        footer.addWidget(self.add_leaf_button)
        footer.addWidget(self.add_group_button)
        footer.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6 if not root else 0, 4, 4, 4)
        layout.setSpacing(4)
        layout.addLayout(header)
        layout.addLayout(self.rows)
        layout.addLayout(footer)
        self.mode_combo.currentIndexChanged.connect(self._mode_changed)
        self.not_button.toggled.connect(self._negate)
        self.add_leaf_button.clicked.connect(self.add_leaf)
        self.add_group_button.clicked.connect(self.add_group)
        self._update_hint()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        """A bar down the left edge shows which rows a nested group holds."""
        super().paintEvent(event)
        if not self.root:
            painter = QPainter(self)
            painter.fillRect(QRect(0, 0, 3, self.height()), self.palette().color(QPalette.ColorRole.Highlight))
            painter.end()

    def _update_hint(self) -> None:
        # A lone rule written without a combinator reads as just that row; an empty group as a hint.
        plain = not self.children_rows or (self.bare and len(self.children_rows) == 1 and not self.negated)
        self.mode_combo.setVisible(not plain)
        self.not_button.setVisible(not plain)
        self.empty_hint.setVisible(not self.children_rows or not plain)
        if self.children_rows:
            self.empty_hint.setText(self.tr("are true") if self.mode == "all" else self.tr("is true"))
        else:
            self.empty_hint.setText(self.tr("No conditions yet: always true.") if self.mode == "all"
                                    else self.tr("No conditions yet: never true."))

    def _mode_changed(self) -> None:
        self.mode = self.mode_combo.currentData()
        self._update_hint()
        self.changed.emit()

    def _negate(self, on: bool) -> None:
        self.negated = on
        self._update_hint()
        self.changed.emit()

    def append(self, row: RowBase) -> RowBase:
        self.children_rows.append(row)
        self.rows.addWidget(row)
        row.changed.connect(self.changed)
        row.remove_requested.connect(self._remove_row)
        self._update_hint()
        return row

    def add_leaf(self) -> LeafRow:
        row = LeafRow(DEFAULT_LEAF, False, self.ctx)
        self.bare = False
        self.append(row)
        self._structural()
        row.field.combo.setFocus(Qt.FocusReason.OtherFocusReason)
        return row

    def add_group(self) -> GroupWidget:
        group = GroupWidget(self.ctx, "any")
        group.append(LeafRow(DEFAULT_LEAF, False, self.ctx))
        self.bare = False
        self.append(group)
        self._structural()
        return group

    def _remove_row(self, row: RowBase) -> None:
        self.children_rows.remove(row)
        self.bare = False
        row.setParent(None)
        row.deleteLater()
        self._update_hint()
        self._structural()

    def _structural(self) -> None:
        self.ctx.new_step()
        self.changed.emit()
        self.ctx.new_step()

    def to_rule(self, path: str, paths: list[tuple[RowBase, str]]) -> dict[str, Any]:
        inner_path = path + ".not" if self.negated else path
        paths.append((self, inner_path))
        if self.bare and len(self.children_rows) == 1:
            body = self.children_rows[0].to_rule(inner_path, paths)
        else:
            body = {self.mode: [row.to_rule(f"{inner_path}.{self.mode}[{i}]", paths)
                                for i, row in enumerate(self.children_rows)]}
        return {"not": body} if self.negated else body


def _is_leaf(rule: Any) -> bool:
    return isinstance(rule, dict) and (("field" in rule and "segment" not in rule) or set(rule) == {"segment"})


def build_row(rule: Any, ctx: EditorContext, root: bool = False) -> RowBase:
    """The widget tree for a rule; one `not` folds into its operand's NOT toggle."""
    original, negated = rule, False
    if isinstance(rule, dict) and set(rule) == {"not"}:
        rule, negated = rule["not"], True
    if isinstance(rule, dict) and len(rule) == 1 and isinstance(rule.get("all", rule.get("any")), list):
        mode = "all" if "all" in rule else "any"
        group = GroupWidget(ctx, mode, negated, root=root)
        for sub in rule[mode]:
            group.append(build_row(sub, ctx))
        return group
    if root:
        group = GroupWidget(ctx, "all", bare=True, root=True)
        group.append(build_row(original, ctx))
        return group
    if _is_leaf(rule):
        return LeafRow(rule, negated, ctx)
    if negated and isinstance(rule, dict) and set(rule) == {"not"}:
        group = GroupWidget(ctx, "all", negated=True, bare=True)
        group.append(build_row(rule, ctx))
        return group
    return JsonRow(original)


class RuleBuilder(QWidget):
    """A whole rule; `changed` carries the new rule dict after every user edit."""

    changed = Signal(object)

    def __init__(self, ctx: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel()
        self.summary.setStyleSheet(ERROR_STYLE)
        self.summary.setWordWrap(True)
        self.root: GroupWidget | None = None
        self._layout.addWidget(self.summary)
        self._rule: Any = {"all": []}
        self.set_rule({"all": []})

    def set_rule(self, rule: Any) -> None:
        """Shows a rule (a rebuild, so only for loading and for undo/redo, never per key)."""
        if self.root is not None:
            self.root.setParent(None)
            self.root.deleteLater()
        root = build_row(rule, self.ctx, root=True)
        assert isinstance(root, GroupWidget)
        self.root = root
        root.changed.connect(self._changed)
        self._layout.insertWidget(0, root)
        self._rule = copy.deepcopy(rule)
        self._validate()

    def rule(self) -> Any:
        return copy.deepcopy(self._rule)

    def _collect(self) -> tuple[Any, list[tuple[RowBase, str]]]:
        paths: list[tuple[RowBase, str]] = []
        assert self.root is not None
        return self.root.to_rule("rule", paths), paths

    def _changed(self) -> None:
        self._rule, _ = self._collect()
        self._validate()
        self.changed.emit(self.rule())

    def problems(self) -> list[str]:
        names = set(self.ctx.segment_names())
        return check_rule(self._rule, names or None)

    def _validate(self) -> None:
        _, paths = self._collect()
        errors = self.problems()
        shown: set[str] = set()
        for row, path in paths:
            if isinstance(row, GroupWidget):
                continue
            mine = [e for e in errors if e.startswith(path + ".") or e.startswith(path + ":")]
            shown.update(mine)
            row.show_errors([e[len(path):].lstrip(".:").strip() for e in mine])
        rest = [e for e in errors if e not in shown]
        self.summary.setText("\n".join(rest))
        self.summary.setVisible(bool(rest))


class RuleEditor(ValueEditor):
    """A `rule` config value; an optional rule with no conditions is left out of the config."""

    def __init__(self, ctx: EditorContext, optional: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.optional = optional
        self.builder = RuleBuilder(ctx)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.builder)
        self.builder.changed.connect(self._emit)

    def value(self) -> Any:
        rule = self.builder.rule()
        if self.optional and rule == {"all": []}:
            return None
        return rule

    def _show(self, value: Any) -> None:
        rule = value if value is not None else {"all": []}
        if rule != self.builder.rule():
            self.builder.set_rule(rule)
