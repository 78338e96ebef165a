"""The shop database: SQLAlchemy models, alembic migrations and small repositories.

Qt-free by rule (it may import `engine`, never the app or widgets), so a headless sending
session and the command line use it without a display. Repositories are plain functions that
take a session and never commit; the caller owns the transaction:

    db = open_database(path)
    with db.transaction() as session:
        journeys_repo.save_draft(session, journey)
"""

from storage.database import Database, open_database
from storage.errors import DatabaseProblem, InvalidName, InvalidState, NameTaken, NotFound, StorageError

__all__ = ["Database", "DatabaseProblem", "InvalidName", "InvalidState", "NameTaken", "NotFound",
           "StorageError", "open_database"]
