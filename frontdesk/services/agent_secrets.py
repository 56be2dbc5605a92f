"""PINs and passwords: checked for a sensible length, stored only as Argon2 hashes, compared in constant time."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from frontdesk.services.validation import ValidationError

SHORTEST, LONGEST = 4, 128
"""A four-digit PIN is the least a desk may use; longer passwords are welcome."""

HASHER = PasswordHasher()
"""argon2-cffi's defaults (Argon2id, 64 MiB, 3 passes: about 0.1 s a hash), which each hash records, so a
hash made with other parameters still verifies."""


def checked_secret(secret: str, repeated: str | None = None) -> str:
    """A new secret as it will be hashed, or a ValidationError saying what to change."""
    if len(secret) < SHORTEST:
        raise ValidationError("secret", f"A PIN or password needs at least {SHORTEST} characters.")
    if len(secret) > LONGEST:
        raise ValidationError("secret", f"A PIN or password can have at most {LONGEST} characters.")
    if not secret.strip():
        raise ValidationError("secret", "A PIN or password cannot be only spaces.")
    if repeated is not None and repeated != secret:
        raise ValidationError("secret", "The two secrets typed differ; type the same one twice.")
    return secret


def hash_secret(secret: str) -> str:
    return HASHER.hash(checked_secret(secret))


def secret_matches(stored_hash: str, secret: str) -> bool:
    """False for a wrong secret and for a damaged hash alike: either way the person is not let in."""
    try:
        return HASHER.verify(stored_hash, secret)
    except (VerificationError, InvalidHashError):
        return False
