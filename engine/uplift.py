"""The statistics behind "did it make a difference": intervals for a holdout and an A/B test.

Plain Python (no SciPy): the app ships as one bundle and these need a few dozen lines.

- A conversion rate's interval is Wilson's score interval; the difference of two rates uses
  Newcombe's hybrid score interval (his method 10), which keeps its coverage with few
  conversions and never leaves [-1, 1], where the textbook normal interval fails.
- The difference of two means (revenue per customer) uses Welch's t interval, which does not
  assume both groups spread alike; its t quantile comes from the regularized incomplete beta
  function, solved by bisection (checked against published tables in tests/test_uplift.py).
- An A/B test's "probability to be best" draws from each variant's Beta(1 + conversions,
  1 + recipients - conversions) posterior; the draws are seeded from the counts, so the same
  counts always give the same probability (a decision never flips on a re-read).
"""

from __future__ import annotations

import math
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from statistics import NormalDist

Z95 = NormalDist().inv_cdf(0.975)  # 1.959963…

# Below these the report says the numbers are too small to tell, whatever the intervals say.
MIN_GROUP = 30  # customers in each group
MIN_CONVERSIONS = 10  # conversions in both groups together


@dataclass(frozen=True)
class Interval:
    low: float
    high: float

    def includes_zero(self) -> bool:
        return self.low <= 0 <= self.high


def wilson(successes: int, n: int, z: float = Z95) -> Interval:
    """Wilson's score interval for a rate `successes / n` ([0, 1] when n is 0)."""
    if n <= 0:
        return Interval(0.0, 1.0)
    p = successes / n
    z2 = z * z
    centre = (p + z2 / (2 * n)) / (1 + z2 / n)
    half = z / (1 + z2 / n) * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n))
    return Interval(max(0.0, centre - half), min(1.0, centre + half))


def newcombe(k1: int, n1: int, k2: int, n2: int, z: float = Z95) -> Interval:
    """Newcombe's hybrid score interval for the difference of rates k1/n1 − k2/n2."""
    p1, p2 = (k1 / n1 if n1 else 0.0), (k2 / n2 if n2 else 0.0)
    a, b = wilson(k1, n1, z), wilson(k2, n2, z)
    d = p1 - p2
    return Interval(d - math.sqrt((p1 - a.low) ** 2 + (b.high - p2) ** 2),
                    d + math.sqrt((a.high - p1) ** 2 + (p2 - b.low) ** 2))


# -- Student's t -------------------------------------------------------------------------------
def _betacf(a: float, b: float, x: float) -> float:
    """The continued fraction of the incomplete beta function (modified Lentz)."""
    tiny = 1e-300
    qab, qap, qam = a + b, a + 1.0, a - 1.0
    c, d = 1.0, 1.0 - qab * x / qap
    d = 1.0 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, 400):
        m2 = 2 * m
        aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > tiny else tiny)
        c = 1.0 + aa / c
        c = c if abs(c) > tiny else tiny
        h *= d * c
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > tiny else tiny)
        c = 1.0 + aa / c
        c = c if abs(c) > tiny else tiny
        delta = d * c
        h *= delta
        if abs(delta - 1.0) < 1e-15:
            break
    return h


def betainc(a: float, b: float, x: float) -> float:
    """The regularized incomplete beta function I_x(a, b)."""
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    front = math.exp(math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x))
    if x < (a + 1.0) / (a + b + 2.0):
        return front * _betacf(a, b, x) / a
    return 1.0 - front * _betacf(b, a, 1.0 - x) / b


def t_cdf(t: float, df: float) -> float:
    """P(T ≤ t) for Student's t with `df` degrees of freedom."""
    tail = 0.5 * betainc(df / 2.0, 0.5, df / (df + t * t))
    return 1.0 - tail if t >= 0 else tail


def t_quantile(p: float, df: float) -> float:
    """The t with P(T ≤ t) = p, for 0.5 ≤ p < 1, by bisection on `t_cdf`."""
    if not 0.5 <= p < 1.0 or df <= 0:
        raise ValueError("t_quantile: 0.5 <= p < 1 and df > 0")
    if df > 1e7:
        return NormalDist().inv_cdf(p)
    low, high = 0.0, 1.0
    while t_cdf(high, df) < p:
        high *= 2.0
    for _ in range(200):
        mid = (low + high) / 2.0
        if t_cdf(mid, df) < p:
            low = mid
        else:
            high = mid
        if high - low < 1e-12 * max(1.0, high):
            break
    return (low + high) / 2.0


@dataclass(frozen=True)
class Moments:
    """A group's size, mean and sample variance (what Welch's interval needs)."""

    n: int
    mean: float
    variance: float

    @classmethod
    def of(cls, values: Sequence[float]) -> Moments:
        n = len(values)
        if n == 0:
            return cls(0, 0.0, 0.0)
        mean = math.fsum(values) / n
        variance = math.fsum((v - mean) ** 2 for v in values) / (n - 1) if n > 1 else 0.0
        return cls(n, mean, variance)


def welch(a: Moments, b: Moments, level: float = 0.95) -> Interval | None:
    """Welch's interval for mean(a) − mean(b); None when a group has fewer than two values."""
    if a.n < 2 or b.n < 2:
        return None
    d = a.mean - b.mean
    va, vb = a.variance / a.n, b.variance / b.n
    se = math.sqrt(va + vb)
    if se == 0.0:
        return Interval(d, d)
    df = (va + vb) ** 2 / (va * va / (a.n - 1) + vb * vb / (b.n - 1))
    half = t_quantile(0.5 + level / 2.0, df) * se
    return Interval(d - half, d + half)


# -- A/B tests -----------------------------------------------------------------------------------
DRAWS = 20_000


def _lbeta(a: float, b: float) -> float:
    return math.lgamma(a) + math.lgamma(b) - math.lgamma(a + b)


def beta_beats(a_b: float, b_b: float, a_a: float, b_a: float) -> float:
    """P(X_B > X_A) for X_B ~ Beta(a_b, b_b), X_A ~ Beta(a_a, b_a) with a whole a_b, in closed
    form (Evan Miller's sum), so two variants need no sampling."""
    total = 0.0
    for i in range(int(a_b)):
        total += math.exp(_lbeta(a_a + i, b_a + b_b) - math.log(b_b + i) - _lbeta(1 + i, b_b) - _lbeta(a_a, b_a))
    return min(1.0, max(0.0, total))


def probability_best(counts: Mapping[str, tuple[int, int]], draws: int = DRAWS) -> dict[str, float]:
    """name → the probability that its true rate is the highest, given (conversions, recipients)
    per variant, under uniform Beta(1, 1) priors: exact for two variants, by seeded draws for
    more."""
    names = list(counts)
    if not names:
        return {}
    if len(names) == 1:
        return {names[0]: 1.0}
    if len(names) == 2:
        (first, (c1, n1)), (second, (c2, n2)) = counts.items()
        c1, c2 = max(0, c1), max(0, c2)
        p_second = beta_beats(1 + c2, 1 + max(0, n2 - c2), 1 + c1, 1 + max(0, n1 - c1))
        return {first: 1.0 - p_second, second: p_second}
    seed = repr(sorted(counts.items()))
    rng = random.Random(seed)
    params = [(1 + max(0, c), 1 + max(0, n - c)) for c, n in (counts[k] for k in names)]
    wins = [0] * len(names)
    beta = rng.betavariate
    for _ in range(draws):
        best, best_value = 0, -1.0
        for i, (a, b) in enumerate(params):
            value = beta(a, b)
            if value > best_value:
                best, best_value = i, value
        wins[best] += 1
    return {name: wins[i] / draws for i, name in enumerate(names)}


__all__ = ["MIN_CONVERSIONS", "MIN_GROUP", "Z95", "Interval", "Moments", "beta_beats", "betainc", "newcombe",
           "probability_best", "t_cdf", "t_quantile", "welch", "wilson"]
