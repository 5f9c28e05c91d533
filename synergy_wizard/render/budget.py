"""A time and size budget for one dossier rendering.

Templates are edited by federation staff, and a mistake can make one run practically forever
(two nested loops over ``range(99999)``) or build a gigantic value (``"x" * 10 ** 9``,
``10 ** 10 ** 10``); Jinja2's sandbox does not stop either. Within :func:`render_budget`,
the sandbox (see :mod:`.environment`) counts the template's steps — loop turns over
``range``, calls, printed values — and checks the clock every few hundred of them, and it
refuses repetitions and powers beyond a sane size. A normal dossier of a thousand answers is
rendered in well under a second, so the limit is never met by a working template.
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from jinja2.sandbox import safe_range

RENDER_SECONDS = 30.0
"""How long one rendering may take before it is stopped."""
MAX_REPEAT = 1_000_000
"""Characters or items a repetition (``*``) may produce."""
MAX_POWER_BITS = 4_096
"""Size, in bits, of the largest number a power (``**``) may produce."""
_CHECK_EVERY = 256
"""Steps between two looks at the clock."""


class TemplateTooLong(Exception):
    """The rendering went past its time budget (a loop without end, or far too long)."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"{seconds:g} s")
        self.seconds = seconds


class TemplateValueTooLarge(Exception):
    """A repetition or a power in the template would build a gigantic value."""


@dataclass
class _Budget:
    seconds: float
    deadline: float = field(init=False)
    steps: int = 0

    def __post_init__(self) -> None:
        self.deadline = time.monotonic() + self.seconds


_current: ContextVar[_Budget | None] = ContextVar("render_budget", default=None)


@contextmanager
def render_budget(seconds: float | None = None) -> Iterator[None]:
    """Limit what is rendered inside the block to ``seconds`` (:data:`RENDER_SECONDS`)."""
    token = _current.set(_Budget(RENDER_SECONDS if seconds is None else seconds))
    try:
        yield
    finally:
        _current.reset(token)


def step() -> None:
    """One step of a template; raises :class:`TemplateTooLong` once the time is spent."""
    budget = _current.get()
    if budget is None:
        return
    budget.steps += 1
    if budget.steps % _CHECK_EVERY == 0 and time.monotonic() > budget.deadline:
        raise TemplateTooLong(budget.seconds)


class BudgetedRange:
    """``range`` for templates: the sandbox's size limit, and a step per item."""

    __slots__ = ("_range",)

    def __init__(self, *args: int) -> None:
        self._range = safe_range(*args)

    def __iter__(self) -> Iterator[int]:
        for value in self._range:
            step()
            yield value

    def __len__(self) -> int:
        return len(self._range)

    def __getitem__(self, index: int) -> int:
        return self._range[index]

    def __contains__(self, value: object) -> bool:
        return value in self._range


def checked_binop(operator: str, left: Any, right: Any) -> Any:
    """``left * right`` or ``left ** right``, refused when the result would be gigantic."""
    if operator == "*":
        for sized, count in ((left, right), (right, left)):
            repeated = isinstance(sized, str | list | tuple) and isinstance(count, int)
            if repeated and len(sized) * count > MAX_REPEAT:
                raise TemplateValueTooLarge(
                    f"répétition de {len(sized)} × {count} éléments (au plus {MAX_REPEAT})"
                )
        return left * right
    if operator == "**":
        if isinstance(left, int) and isinstance(right, int) and abs(left) > 1 and right > 0:
            bits = right * math.log2(abs(left))
            if bits > MAX_POWER_BITS:
                raise TemplateValueTooLarge(f"puissance {left} ** {right} bien trop grande")
        return left**right
    raise ValueError(f"unexpected operator {operator!r}")
