"""A tiny observer with no Qt in it, so the model can announce changes headless.

`subscribe` returns a handle whose `cancel()` undoes exactly that subscription: a view item
that goes away cancels what it subscribed, so nothing leaks (Orange forgot to disconnect).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from typing import Any


class Subscription:
    __slots__ = ("_signals", "_name", "_callback")

    def __init__(self, signals: Signals, name: str, callback: Callable[..., Any]) -> None:
        self._signals: Signals | None = signals
        self._name, self._callback = name, callback

    def cancel(self) -> None:
        if self._signals is not None:
            self._signals._remove(self._name, self._callback)
            self._signals = None


class Signals:
    def __init__(self, names: tuple[str, ...]) -> None:
        self._names = frozenset(names)
        self._listeners: dict[str, list[Callable[..., Any]]] = defaultdict(list)

    def subscribe(self, name: str, callback: Callable[..., Any]) -> Subscription:
        if name not in self._names:
            raise ValueError(f"no such signal {name!r}; known: {sorted(self._names)}")
        self._listeners[name].append(callback)
        return Subscription(self, name, callback)

    def emit(self, name: str, *args: Any) -> None:
        for callback in list(self._listeners.get(name, ())):
            callback(*args)

    def listener_count(self, name: str | None = None) -> int:
        if name is None:
            return sum(len(v) for v in self._listeners.values())
        return len(self._listeners.get(name, ()))

    def _remove(self, name: str, callback: Callable[..., Any]) -> None:
        listeners = self._listeners.get(name)
        if listeners and callback in listeners:
            listeners.remove(callback)
