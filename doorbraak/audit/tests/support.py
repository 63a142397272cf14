"""Make the processing log really fail to write, for the fail-closed tests: a trigger that refuses every INSERT
on the log table (no mock: the database itself says no).

The trigger lives in a savepoint that is always rolled back at the end of the block, with everything done in
it; so the test's own transaction stays usable after the failed insert (on PostgreSQL a failed statement
aborts the transaction up to the last savepoint), and the trigger is gone again. Check the outcome after the
block.
"""

from contextlib import contextmanager

from django.db import connection, transaction

POSTGRESQL_BREAK = [
    """CREATE FUNCTION test_audit_refuse_insert() RETURNS trigger AS $$
    BEGIN RAISE EXCEPTION 'processing log unavailable (test)'; END $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER test_audit_refuse_insert BEFORE INSERT ON audit_auditevent
    FOR EACH ROW EXECUTE FUNCTION test_audit_refuse_insert()""",
]
SQLITE_BREAK = [
    """CREATE TRIGGER test_audit_refuse_insert BEFORE INSERT ON audit_auditevent
    BEGIN SELECT RAISE(ABORT, 'processing log unavailable (test)'); END"""
]


class _Undo(Exception):
    pass


@contextmanager
def audit_log_unwritable():
    try:
        with transaction.atomic():
            with connection.cursor() as cursor:
                for statement in POSTGRESQL_BREAK if connection.vendor == "postgresql" else SQLITE_BREAK:
                    cursor.execute(statement)
            yield
            raise _Undo
    except _Undo:
        pass
