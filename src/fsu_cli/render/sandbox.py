"""The sandbox templates run in, with limits, so that a template from a pull request cannot hang fsu.

Jinja's immutable sandbox keeps a template away from Python's insides; on top of
that a template gets at most ``MAX_CPU_SECONDS`` of processor time, ``range()``
of at most ``MAX_RANGE`` items, templates and macros nested at most ``MAX_DEPTH``
deep (a template that includes itself, or a macro that calls itself without end),
no repetition or power that makes a huge string or number, and at most
``MAX_OUTPUT`` characters of output. The clock is checked cooperatively: at every
item of every loop, every call, every included template and every piece of
output, so nothing is stopped halfway through a Python operation.
"""

from __future__ import annotations

import math
import sys
import time
from contextlib import contextmanager
from typing import Any, Iterator

from jinja2 import nodes
from jinja2.sandbox import ImmutableSandboxedEnvironment

from fsu_cli.render.confined import NotAllowed

MAX_CPU_SECONDS = 20.0
MAX_RANGE = 10_000
MAX_DEPTH = 50
MAX_OUTPUT = 32 * 1024 * 1024  # characters
MAX_ITEMS = 1_000_000  # characters or items one repetition may make
MAX_INT_BITS = 100_000  # about 30,000 digits
_LOOP_FILTER = "fsu_counted_loop"


class TemplateLimit(NotAllowed):
    """A template went past one of the limits (exit code 2)."""


class LimitedSandbox(ImmutableSandboxedEnvironment):
    """The immutable sandbox, with a processor-time budget and caps on size and depth."""

    intercepted_binops = frozenset({"*", "**"})

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.globals["range"] = self.capped_range
        del self.globals["lipsum"]  # placeholder text has no place in a document, and can run for minutes
        self.filters[_LOOP_FILTER] = self.counted
        self.deadline = math.inf
        self.running = "?"  # the template being rendered, for messages

    def start(self, name: str) -> None:
        self.running = name
        self.deadline = time.process_time() + MAX_CPU_SECONDS

    def tick(self) -> None:
        if time.process_time() > self.deadline:
            raise TemplateLimit(f"The template {self.running} took too long (more than {MAX_CPU_SECONDS:g} s of "
                                f"processor time) and was stopped; look for a loop that runs too often.")

    def counted(self, iterable: Any) -> Any:
        """Every loop runs through this, so even a loop that outputs nothing is stopped in time."""
        for item in iterable:
            self.tick()
            yield item

    def capped_range(self, *args: int) -> range:
        self.tick()
        numbers = range(*args)
        if len(numbers) > MAX_RANGE:
            raise TemplateLimit(f"The template {self.running} asks for range() of {len(numbers):,} numbers; "
                                f"templates may use at most {MAX_RANGE:,}.")
        return numbers

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805 - Jinja's names
        __self.tick()
        __self.check_depth(getattr(__obj, "name", None) or getattr(__obj, "__name__", None))
        return super().call(__context, __obj, *args, **kwargs)

    def get_template(self, name: Any, parent: str | None = None, globals: Any = None) -> Any:
        self.tick()
        self.check_depth(name)
        return super().get_template(name, parent, globals)

    def select_template(self, names: Any, parent: str | None = None, globals: Any = None) -> Any:
        self.tick()
        self.check_depth(names)
        return super().select_template(names, parent, globals)

    def check_depth(self, what: Any) -> None:
        """Templates and macros running inside one another: their code's globals hold this environment."""
        depth, frame = 0, sys._getframe(1)
        while frame is not None:
            if frame.f_globals.get("environment") is self:
                depth += 1
                if depth > MAX_DEPTH:
                    at = f" (at {what})" if isinstance(what, str) else ""
                    raise TemplateLimit(f"The template {self.running} nests templates or macros more than "
                                        f"{MAX_DEPTH} deep{at}; does something include or call itself?")
            frame = frame.f_back

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        self.tick()
        if operator == "*":
            _check_repeat(self.running, left, right)
            _check_repeat(self.running, right, left)
        elif operator == "**":
            _check_power(self.running, left, right)
        return super().call_binop(context, operator, left, right)

    def compile(self, source: Any, name: str | None = None, filename: str | None = None, raw: bool = False,
                defer_init: bool = False) -> Any:
        """Every ``{% for %}`` loops over ``counted(...)``."""
        if isinstance(source, str):
            source = self.parse(source, name, filename)
        for loop in list(source.find_all(nodes.For)):
            loop.iter = nodes.Filter(loop.iter, _LOOP_FILTER, [], [], None, None, lineno=loop.lineno)
        return super().compile(source, name, filename, raw, defer_init)


def _check_repeat(template: str, sequence: Any, times: Any) -> None:
    if isinstance(times, bool) or not isinstance(times, int):
        return
    if isinstance(sequence, (str, list, tuple)) and len(sequence) * times > MAX_ITEMS:
        raise TemplateLimit(f"The template {template} repeats something {times:,} times, making more than "
                            f"{MAX_ITEMS:,} characters or items.")
    if isinstance(sequence, int) and not isinstance(sequence, bool) \
            and sequence.bit_length() + times.bit_length() > MAX_INT_BITS:
        raise TemplateLimit(f"The template {template} multiplies numbers too large to compute.")


def _check_power(template: str, base: Any, exponent: Any) -> None:
    if not all(isinstance(n, int) and not isinstance(n, bool) for n in (base, exponent)):
        return
    if abs(base) > 1 and exponent > 0 and exponent * math.log2(abs(base)) > MAX_INT_BITS:
        raise TemplateLimit(f"The template {template} raises a number to a power too large to compute.")


MAX_EXTRA_MEMORY = 1024 ** 3  # bytes of address space a template may add


@contextmanager
def memory_cap(extra: int = MAX_EXTRA_MEMORY) -> Iterator[None]:
    """While a template runs, an allocation of more than ``extra`` further bytes fails with MemoryError
    instead of exhausting the machine (on Linux; elsewhere nothing changes)."""
    limits = _lowered_limit(extra)
    if limits is None:
        yield
        return
    import resource

    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, limits)


def _lowered_limit(extra: int) -> tuple[int, int] | None:
    """Lower the address-space limit to what is in use now plus ``extra``; the old limits, or None."""
    try:
        import resource

        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        with open("/proc/self/statm", encoding="ascii") as statm:
            used = int(statm.read().split()[0]) * resource.getpagesize()
        cap = used + extra if hard == resource.RLIM_INFINITY else min(used + extra, hard)
        if soft != resource.RLIM_INFINITY and soft <= cap:
            return None
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except (ImportError, OSError, ValueError):
        return None
    return soft, hard
