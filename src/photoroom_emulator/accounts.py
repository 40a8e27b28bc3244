"""API keys, their plans and credit balances: who may call what, and what it costs.

Billing model (from the pricing docs): balances are kept in *credits*, the unit of the Remove
Background API. ``/v1/segment`` costs 1 credit per image; one Image Editing call (``/v2/edit`` and
the legacy ``/v1/render``) counts as five Remove Background calls, so it costs 5 credits.
``/v1/account`` reports credits; ``/v2/account`` reports *images*, the number of Image Editing
calls the balance still pays for: ``images = floor(credits / 5)``, subscription likewise.

Keys:

- Open mode (no keys configured): any non-empty key is valid, on the ``plus`` plan, with a balance
  of :data:`~photoroom_emulator.config.OPEN_MODE_CREDITS` of its own.
- Configured keys: only those keys are valid; any other key is a 403.
- ``sandbox_`` keys are free and return watermarked images. In configured mode ``sandbox_X`` is
  valid when ``sandbox_X`` itself or ``X`` is configured (the sandbox twin of that account), and
  shares that account's plan; it never spends, but the account's sandbox calls are capped per day
  and per month (:mod:`.sandbox`), and ``/v2/account`` asked with the sandbox key reports what is
  left of that allowance.
- Plans: ``basic`` may only call ``/v1/segment`` (and the account endpoints); ``plus`` and
  ``partner`` may call everything.
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass
from typing import Final

from photoroom.spec import EDIT_BY_UPLOAD, operation

from .config import OPEN_MODE_CREDITS, EmulatorConfig, KeySpec
from .errors import CREDITS_EXHAUSTED, ApiError
from .sandbox import Allowance, Clock, SandboxAllowance, utc_now

SANDBOX_PREFIX: Final = "sandbox_"
#: An "image" of ``/v2/account`` is one Image Editing call: its cost in credits (from the spec).
IMAGE_EDITING_OPERATION: Final = EDIT_BY_UPLOAD


def credits_per_image() -> float:
    return operation(IMAGE_EDITING_OPERATION).credits({})


UNAUTHORIZED: Final = "Unauthorized"


@dataclass
class Account:
    """Mutable balance of one key; change it only through :class:`Accounts` (it holds the lock)."""

    key: str
    plan: str
    credits: float
    subscription: float

    @property
    def images(self) -> int:
        return math.floor(max(self.credits, 0) / credits_per_image())

    @property
    def subscription_images(self) -> int:
        return math.floor(max(self.subscription, 0) / credits_per_image())


@dataclass(frozen=True)
class Caller:
    """An authenticated request's account, and whether it came through a sandbox key."""

    account: Account
    sandbox: bool

    @property
    def plan(self) -> str:
        return self.account.plan


@dataclass(frozen=True)
class Balance:
    """A consistent snapshot of an account, for the account endpoints."""

    plan: str
    credits: float
    subscription: float
    images: int
    subscription_images: int
    #: What the caller's sandbox key may still call (None: not a sandbox key, or no caps).
    sandbox: Allowance | None = None


class Accounts:
    """Thread-safe key registry: authenticate, check plans, reserve and refund credits."""

    def __init__(self, config: EmulatorConfig, clock: Clock = utc_now) -> None:
        self._lock = threading.Lock()
        caps = config.sandbox_caps
        self._sandbox = SandboxAllowance(caps, clock) if caps is not None else None
        self._open = config.keys is None
        self._accounts: dict[str, Account] = {}
        for spec in config.keys or ():
            self._accounts[spec.key] = _account(spec)

    def authenticate(self, key: str | None) -> Caller:
        """The caller behind ``key``; a missing or unknown key is a 403 ``Unauthorized``."""
        if not key:
            raise ApiError(403, UNAUTHORIZED, type="unauthorized")
        sandbox = key.startswith(SANDBOX_PREFIX)
        with self._lock:
            account = self._accounts.get(key)
            if account is None and sandbox:
                account = self._accounts.get(key[len(SANDBOX_PREFIX) :] or key)
            if account is None:
                if not self._open:
                    raise ApiError(403, UNAUTHORIZED, type="unauthorized")
                account = _account(KeySpec(key, OPEN_MODE_CREDITS))
                self._accounts[key] = account
        return Caller(account, sandbox)

    @staticmethod
    def require_plan(caller: Caller, operation_id: str) -> None:
        """403 when the caller's plan is not among the operation's (``x-photoroom-plans``)."""
        op = operation(operation_id)
        if op.plans and caller.plan not in op.plans:
            raise ApiError(
                403,
                f"Your plan ({caller.plan}) gives no access to {op.path}, which needs the "
                f"{' or '.join(p.capitalize() for p in op.plans)} plan. Upgrade at "
                "https://app.photoroom.com/api-dashboard",
                type="forbidden",
            )

    def reserve(self, caller: Caller, credits: float) -> float:
        """Take ``credits`` now (402 if the balance is short); returns what was taken.

        Reserving before the work and refunding on failure keeps concurrent calls from spending
        the same last credit twice. Sandbox calls take no credit but one call of the sandbox
        allowance (429 past its daily or monthly cap).
        """
        if caller.sandbox:
            if self._sandbox is not None:
                self._sandbox.take(caller.account.key)
            return 0
        with self._lock:
            if caller.account.credits < credits:
                raise ApiError(402, CREDITS_EXHAUSTED, type="payment_required")
            caller.account.credits -= credits
        return credits

    def refund(self, caller: Caller, credits: float) -> None:
        """Give back a reservation whose call failed."""
        if caller.sandbox:
            if self._sandbox is not None:
                self._sandbox.give_back(caller.account.key)
            return
        if credits:
            with self._lock:
                caller.account.credits += credits

    def balance(self, caller: Caller) -> Balance:
        sandbox = None
        if caller.sandbox and self._sandbox is not None:
            sandbox = self._sandbox.left(caller.account.key)
        with self._lock:
            account = caller.account
            return Balance(
                account.plan,
                account.credits,
                account.subscription,
                account.images,
                account.subscription_images,
                sandbox,
            )


def _account(spec: KeySpec) -> Account:
    return Account(spec.key, spec.plan, spec.credits, max(spec.credits, 0))
