"""The expression vocabulary of rule packs: small, safe arithmetic over indicators,
parameters and facility measures.

An expression is parsed once, with Python's ``ast`` in eval mode, and only the nodes listed
here are accepted: numbers, strings, lists, names, + - * / // % **, unary minus and calls of
the functions below. Nothing is ever passed to ``eval``.

Names are indicators (``far``, ``households`` …) and pack parameters. Functions::

    sum_of(measure, kinds=None)      total of a measure over facilities of the kinds
    count_of(kinds=None, measure=None, at_least=None, at_most=None)
    min_of(measure, kinds=None)      smallest value (0 when there is none)
    max_of(measure, kinds=None)      largest value (0 when there is none)
    min(a, b, …)  max(a, b, …)  ceil(x)  floor(x)  round(x, digits)  abs(x)
    condition('pack.name')           a local pack's planning-condition item of the project
                                     (the condition is n/a when the project gives none)

``kinds`` is a kind id, a list of kind ids, or omitted for every facility. ``measure`` is
one of ``MEASURES`` or a numeric facility attribute such as ``households``.

Packs come from strangers, so evaluation is bounded: an expression is at most
``MAX_SOURCE`` characters and ``MAX_DEPTH`` operations deep, text appears only as a measure
or kind name, powers are taken in floating point, and every intermediate result must be a
finite number below ``MAX_VALUE``: anything else makes the value ``NotComputable`` (the
check is ``n/a`` with the reason), never a hang or an enormous number.
"""

from __future__ import annotations

import ast
import math
import operator
from dataclasses import dataclass
from typing import Any, Callable, Protocol

from planner.errors import RulePackError
from planner.i18n import Msg
from planner.input_limits import one_line

#: Measures computed per facility (the numeric attributes are measures too).
MEASURES = {
    "area": "area of the shape (0 for points and lines)",
    "footprint": "above-ground footprint (0 when underground or inside another building)",
    "floor_area": "above-ground floor area: floor_area_m2, else footprint × floors",
    "land_area": "the facility's own lot: land_area_m2, else the area of its shape",
    "usable_area": "使用面积: usable_area_m2, else floor_area × the pack's usable_area_share",
    "activity_area": "floor area for residents' activities: floor_area × activity_share "
                     "(cannot be computed when a facility does not state its share)",
    "width": "the diameter of the largest circle inside the shape (a polygon's width)",
    "length": "length of a line (paths)",
    "height": "height_m, else floors × the pack's storey_height_m",
}


class Facts(Protocol):
    """What expressions read: provided by the rules engine for one evaluation."""

    def name(self, name: str) -> float: ...

    def aggregate(self, how: str, measure: str | None, kinds: tuple[str, ...] | None,
                  at_least: float | None = None, at_most: float | None = None) -> float: ...

    def condition(self, key: str) -> float: ...


#: Longest expression source, deepest nesting and largest magnitude of any value met.
MAX_SOURCE = 2000
MAX_DEPTH = 40
MAX_VALUE = 1e100

DIVISION_BY_ZERO = Msg("无法计算(如户数为 0)", "cannot be computed (no households?)")
NOT_FINITE = Msg(f"无法计算(结果不是绝对值小于 {MAX_VALUE:g} 的有限数值)",
                 f"cannot be computed (the result is not a finite number below {MAX_VALUE:g})")


class NotComputable(Exception):
    """The value does not exist for this layout (a division by zero households, a result
    too large to be a number); ``reason`` says which."""

    def __init__(self, reason: Msg = DIVISION_BY_ZERO):
        super().__init__(reason.en)
        self.reason = reason


def _bounded(value: Any) -> Any:
    """``value`` if it is a number within ``MAX_VALUE``, else NotComputable."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise NotComputable(NOT_FINITE)
    if isinstance(value, int):
        if abs(value) > MAX_VALUE:
            raise NotComputable(NOT_FINITE)
    elif not math.isfinite(value) or abs(value) > MAX_VALUE:
        raise NotComputable(NOT_FINITE)
    return value


def _power(base: float, exponent: float) -> float:
    """``base ** exponent`` in floating point: fast whatever the numbers, never complex."""
    try:
        return math.pow(base, exponent)
    except (OverflowError, ValueError):
        raise NotComputable(NOT_FINITE) from None


_BINARY = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
    ast.FloorDiv: operator.floordiv,
    ast.Mod: operator.mod,
    ast.Pow: _power,
}
_UNARY = {ast.USub: operator.neg, ast.UAdd: operator.pos}
_MATH = {"min": min, "max": max, "ceil": math.ceil, "floor": math.floor, "round": round,
         "abs": abs}
#: How many arguments each function takes (least, most).
_ARITY = {"min": (1, 50), "max": (1, 50), "ceil": (1, 1), "floor": (1, 1), "round": (1, 2),
          "abs": (1, 1)}
_AGGREGATES = {"sum_of", "count_of", "min_of", "max_of"}
#: Every function an expression may call.
FUNCTIONS = tuple(sorted(_AGGREGATES | set(_MATH) | {"condition"}))

Compiled = Callable[[Facts], Any]


@dataclass(frozen=True)
class Expression:
    """A compiled expression; ``names`` and ``kinds`` are what it refers to."""

    source: str
    run: Compiled
    names: frozenset[str]
    kinds: frozenset[str]
    measures: frozenset[str]
    conditions: frozenset[str] = frozenset()  # local planning-condition items read

    def __call__(self, facts: Facts) -> float:
        try:
            return _bounded(self.run(facts))
        except ZeroDivisionError:
            raise NotComputable(DIVISION_BY_ZERO) from None
        except (OverflowError, ValueError, TypeError):
            raise NotComputable(NOT_FINITE) from None


def compile_expression(source: str | int | float, where: str) -> Expression:
    """Compile ``source`` (a number is a constant); ``where`` names it in error messages."""
    if isinstance(source, (int, float)) and not isinstance(source, bool):
        if isinstance(source, int) and abs(source) > MAX_VALUE \
                or isinstance(source, float) and not (math.isfinite(source)
                                                      and abs(source) <= MAX_VALUE):
            raise _error(where, source, f"应为绝对值不超过 {MAX_VALUE:g} 的有限数字",
                         f"must be a finite number within ±{MAX_VALUE:g}")
        value = source
        return Expression(repr(source), lambda facts: value, frozenset(), frozenset(),
                          frozenset())
    if not isinstance(source, str):
        raise _error(where, source, "应为数字或表达式", "must be a number or an expression")
    if len(source) > MAX_SOURCE:
        raise _error(where, source[:40] + "…", f"过长(最多 {MAX_SOURCE} 个字符)",
                     f"is too long ({MAX_SOURCE} characters at most)")
    try:
        tree = ast.parse(source.strip(), mode="eval")
    except SyntaxError as err:
        raise _error(where, source, f"语法错误:{err.msg}", f"syntax error: {err.msg}") from None
    except (ValueError, RecursionError, MemoryError) as err:  # 4,300-digit numbers, deep nesting
        raise _error(where, source, f"无法读取:{err}", f"cannot be read: {err}") from None
    compiler = _Compiler(where, source)
    run = compiler.node(tree.body)
    return Expression(source, run, frozenset(compiler.names), frozenset(compiler.kinds),
                      frozenset(compiler.measures), frozenset(compiler.conditions))


def _error(where: str, source: Any, zh: str, en: str) -> RulePackError:
    shown = one_line(repr(source), 80)
    return RulePackError(Msg(f"{where}:表达式 {shown} {zh}", f"{where}: expression {shown} {en}"))


class _Constant:
    """A compiled number (folded at compile time when its parts are numbers)."""

    def __init__(self, value: int | float):
        self.value = value

    def __call__(self, facts: Facts) -> int | float:
        return self.value


def _constant(value: int | float, compiler: _Compiler) -> int | float:
    try:
        return _bounded(value)
    except NotComputable:
        raise compiler.fail(f"中的数字超出 ±{MAX_VALUE:g}",
                            f"holds a number beyond ±{MAX_VALUE:g}") from None


class _Compiler:
    def __init__(self, where: str, source: str):
        self.where, self.source = where, source
        self.names: set[str] = set()
        self.kinds: set[str] = set()
        self.measures: set[str] = set()
        self.conditions: set[str] = set()

    def fail(self, zh: str, en: str) -> RulePackError:
        return _error(self.where, self.source, zh, en)

    def node(self, node: ast.AST, depth: int = 0) -> Compiled:
        if depth > MAX_DEPTH:
            raise self.fail(f"嵌套过深(最多 {MAX_DEPTH} 层)",
                            f"is nested too deep ({MAX_DEPTH} levels at most)")
        depth += 1
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) \
                and not isinstance(node.value, bool):
            return _Constant(_constant(node.value, self))
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            raise self.fail("中的文字只能用作度量或设施类型名称",
                            "may use text only as a measure or kind name")
        if isinstance(node, ast.Name):
            name = node.id
            self.names.add(name)
            return lambda facts: facts.name(name)
        if isinstance(node, ast.BinOp) and type(node.op) in _BINARY:
            op = _BINARY[type(node.op)]
            left, right = self.node(node.left, depth), self.node(node.right, depth)
            return self.folded(lambda facts: _bounded(op(left(facts), right(facts))),
                               left, right)
        if isinstance(node, ast.UnaryOp) and type(node.op) in _UNARY:
            op, operand = _UNARY[type(node.op)], self.node(node.operand, depth)
            return self.folded(lambda facts: op(operand(facts)), operand)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            return self.call(node, depth)
        raise self.fail(f"含有不支持的写法 {type(node).__name__}",
                        f"uses {type(node).__name__}, which rule expressions do not support")

    def folded(self, run: Compiled, *operands: Compiled) -> Compiled:
        """``run``, or its value when every operand is a constant: ``10**10**10`` is then
        refused when the pack is loaded, not met when a layout is checked."""
        if not all(isinstance(o, _Constant) for o in operands):
            return run
        try:
            return _Constant(_bounded(run(None)))
        except NotComputable as err:
            raise self.fail(f"的值{err.reason.zh}", f"has no value: {err.reason.en}") from None
        except (ZeroDivisionError, OverflowError, ValueError):
            raise self.fail(f"的值{NOT_FINITE.zh}", f"has no value: {NOT_FINITE.en}") from None

    def call(self, node: ast.Call, depth: int) -> Compiled:
        func = node.func.id
        if func in _MATH:
            if node.keywords:
                raise self.fail(f"{func}() 不接受命名参数", f"{func}() takes no keyword arguments")
            least, most = _ARITY[func]
            if not least <= len(node.args) <= most:
                raise self.fail(f"{func}() 应有 {least}–{most} 个参数",
                                f"gives {func}() {len(node.args)} argument(s), not {least}–{most}")
            fn, args = _MATH[func], [self.node(a, depth) for a in node.args]
            return lambda facts: _bounded(fn(*(a(facts) for a in args)))
        if func == "condition":
            if len(node.args) != 1 or node.keywords:
                raise self.fail("condition() 应有一个参数:条件名", "condition() takes one "
                                "argument: the item's name")
            key = self.literal_string(node.args[0], "condition")
            self.conditions.add(key)
            return lambda facts: facts.condition(key)
        if func not in _AGGREGATES:
            known = ", ".join(FUNCTIONS)
            raise self.fail(f"调用了未知函数 {func}(可用:{known})",
                            f"calls unknown function {func} (known: {known})")
        params = ["kinds", "measure", "at_least", "at_most"] if func == "count_of" \
            else ["measure", "kinds"]
        if len(node.args) > len(params):
            raise self.fail(f"{func}() 参数过多", f"gives {func}() too many arguments")
        given = dict(zip(params, node.args))
        for keyword in node.keywords:
            if keyword.arg not in params or keyword.arg in given:
                raise self.fail(f"{func}() 的参数 {keyword.arg} 无效",
                                f"gives {func}() an invalid argument {keyword.arg}")
            given[keyword.arg] = keyword.value
        kinds = self.kind_list(given.get("kinds"))
        measure = self.literal_string(given.get("measure"), "measure")
        if func != "count_of" and measure is None:
            raise self.fail(f"{func}() 需要 measure 参数", f"{func}() needs a measure")
        if measure is not None:
            self.measures.add(measure)
        bounds = [self.node(given[b], depth) if b in given else None
                  for b in ("at_least", "at_most")]
        how = func[:-3]  # sum / count / min / max

        def run(facts: Facts) -> float:
            low, high = (b(facts) if b else None for b in bounds)
            return facts.aggregate(how, measure, kinds, low, high)

        return run

    def literal_string(self, node: ast.AST | None, what: str) -> str | None:
        if node is None:
            return None
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return node.value
        raise self.fail(f"的 {what} 应为带引号的名称", f"must give {what} as a quoted name")

    def kind_list(self, node: ast.AST | None) -> tuple[str, ...] | None:
        if node is None:
            return None
        items = node.elts if isinstance(node, (ast.List, ast.Tuple)) else [node]
        kinds = tuple(self.literal_string(item, "kinds") for item in items)
        self.kinds.update(kinds)
        return kinds
