"""What the storage layer raises; the command line turns each into one line and exit 2."""

from __future__ import annotations


class StorageError(Exception):
    """Base of every error the storage layer raises on purpose."""


class DatabaseProblem(StorageError):
    """The database file cannot be used as it is: corrupt, foreign, newer, unreadable.

    The message names the file, because the user has to find it to fix it; the file itself is
    left untouched so nothing is lost while they do.
    """


class NotFound(StorageError, LookupError):
    """A journey, customer or segment that is not in the database."""


class InvalidName(StorageError, ValueError):
    """An empty or blank name, which the journey list could not show."""


class NameTaken(InvalidName):
    """A name that another journey or segment already uses."""


class InvalidState(StorageError):
    """An operation that the record's current state does not allow (publishing without a draft)."""
