"""The argon2id parameters for staff PINs and office passwords: one definition for the desks and the server.

A PIN set on the server (``memberdesk-server staff-add``) is verified on a desk and a desk rehashes a PIN
on login when the parameters change, so both sides must build their hasher from these very numbers. Plain
numbers only: ``membership`` imports no third-party library, and each side builds its own
``argon2.PasswordHasher`` from :func:`Argon2Parameters.hasher_kwargs`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Argon2Parameters:
    """What ``argon2.PasswordHasher`` takes, by its own keyword names (``variant`` names ``argon2.Type``)."""

    time_cost: int  # passes over the memory
    memory_cost: int  # KiB
    parallelism: int  # lanes
    hash_len: int  # bytes
    salt_len: int  # bytes
    variant: str = "ID"  # argon2.Type member: argon2id (RFC 9106's recommendation)

    def hasher_kwargs(self) -> dict[str, int]:
        """The numeric keyword arguments of ``PasswordHasher`` (its ``type`` is ``argon2.Type[variant]``)."""
        numbers = asdict(self)
        del numbers["variant"]
        return numbers


# RFC 9106's second recommended option scaled to a desk terminal (≈ 30 ms there): 32 MiB, 3 passes, one lane.
# Strong enough for 4–8 digit PINs only together with the lockout (see docs/DECISIONS.md).
PIN_HASHING = Argon2Parameters(time_cost=3, memory_cost=32 * 1024, parallelism=1, hash_len=32, salt_len=16)
