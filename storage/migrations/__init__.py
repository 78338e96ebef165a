"""Alembic migrations of the shop database, applied by `storage.database.open_database`.

A package (not a loose folder) so an installed wheel carries them. To write a new revision
during development, autogenerate it against a scratch file at the current head:

    from alembic import command
    from storage.database import _alembic_config
    cfg = _alembic_config(); cfg.set_main_option("sqlalchemy.url", "sqlite:////tmp/scratch.sqlite")
    command.upgrade(cfg, "head"); command.revision(cfg, "what changed", autogenerate=True, rev_id="0002")

then read and tidy the generated file: autogenerate misses renames and data moves.
"""
