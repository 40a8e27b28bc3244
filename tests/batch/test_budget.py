"""The shared rate budget (photoroom.batch.RateBudget) on a fake clock, and a BudgetLimiter
sending through it: slots at the rate for every caller together, one 429 pauses everyone."""

from __future__ import annotations

import asyncio

import httpx

from photoroom.batch import BudgetLimiter, LimitedTransport, RateBudget


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_slots_are_spaced_at_the_rate_whoever_asks() -> None:
    clock = Clock()
    budget = RateBudget(10, clock=clock)
    delays = [budget.reserve()[0] for _ in range(5)]
    # one slot of catch-up for an idle budget, then one every 0.1 s
    assert [round(delay, 6) for delay in delays] == [0.0, 0.0, 0.1, 0.2, 0.3]
    assert budget.granted == 5


def test_a_429_pauses_every_later_slot_and_slows_the_pace() -> None:
    clock = Clock()
    budget = RateBudget(10, clock=clock)
    budget.reserve()
    pending = budget.report(429, 2.0)
    assert pending == 2.0
    delay, pause = budget.reserve()  # any other worker's next slot
    assert delay >= 2.0 and pause == 2.0
    assert budget.rate == 8.5  # x 0.85
    budget.report(429, 2.0)  # an answer to a request sent before: no second decrease
    assert budget.rate == 8.5
    clock.now += 3.0
    for _ in range(50):
        budget.report(200)
    assert 8.5 < budget.rate <= 10  # additive increase, never above the target


def test_the_limiters_of_two_processes_share_one_pause() -> None:
    clock = Clock()
    budget = RateBudget(10, clock=clock)
    first, second = BudgetLimiter(budget, clock=clock), BudgetLimiter(budget, clock=clock)
    first.acquire_blocking()
    first.release(429, httpx.Headers({"retry-after": "3"}))
    assert first.rate_limited == 1 and second.rate_limited == 0
    _, pause = budget.reserve()
    assert pause == 3.0  # what the second process hears on its next reservation
    assert budget.rate_limited == 1


def test_a_client_sends_through_the_budget() -> None:
    budget = RateBudget(1000)
    limiter = BudgetLimiter(budget)
    statuses = iter([429, 200, 200])

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(next(statuses), headers={"retry-after": "0"})

    async def main() -> list[int]:
        transport = LimitedTransport(httpx.MockTransport(answer), limiter)
        async with httpx.AsyncClient(transport=transport) as http:
            return [(await http.get("http://api.test/")).status_code for _ in range(3)]

    assert asyncio.run(main()) == [429, 200, 200]
    assert limiter.sent == 3 and limiter.rate_limited == 1 and limiter.in_flight == 0
    assert budget.granted == 3 and budget.rate_limited == 1


class LostBudget:
    """A budget whose worker died: every call fails, as a Dask actor's handle then does."""

    def reserve(self) -> tuple[float, float]:
        raise RuntimeError("Worker holding Actor was lost")

    def report(self, status_code: int | None, retry_after: float | None = None) -> float:
        raise RuntimeError("Worker holding Actor was lost")


def test_a_lost_budget_leaves_the_process_its_own_share() -> None:
    from photoroom.batch import RateLimiter

    own = RateLimiter(5, concurrency=2)
    limiter = BudgetLimiter(LostBudget(), fallback=own)
    limiter.acquire_blocking()
    limiter.release(200)
    asyncio.run(limiter.acquire())
    limiter.release(429, httpx.Headers({"retry-after": "0"}))
    assert isinstance(limiter.lost, RuntimeError)
    assert limiter.sent == 2 and own.sent == 2 and own.rate_limited == 1
