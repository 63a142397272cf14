"""Make the processing log really fail to write, for the fail-closed tests: a trigger that refuses every INSERT
on the log table (no mock: the database itself says no). Inside a test's transaction the trigger is rolled
back with everything else."""

from contextlib import contextmanager

from django.db import connection

POSTGRESQL_BREAK = [
    """CREATE FUNCTION test_audit_refuse_insert() RETURNS trigger AS $$
    BEGIN RAISE EXCEPTION 'processing log unavailable (test)'; END $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER test_audit_refuse_insert BEFORE INSERT ON audit_auditevent
    FOR EACH ROW EXECUTE FUNCTION test_audit_refuse_insert()""",
]
POSTGRESQL_MEND = [
    "DROP TRIGGER test_audit_refuse_insert ON audit_auditevent",
    "DROP FUNCTION test_audit_refuse_insert()",
]
SQLITE_BREAK = [
    """CREATE TRIGGER test_audit_refuse_insert BEFORE INSERT ON audit_auditevent
    BEGIN SELECT RAISE(ABORT, 'processing log unavailable (test)'); END"""
]
SQLITE_MEND = ["DROP TRIGGER test_audit_refuse_insert"]


def _execute(statements):
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


@contextmanager
def audit_log_unwritable():
    postgresql = connection.vendor == "postgresql"
    _execute(POSTGRESQL_BREAK if postgresql else SQLITE_BREAK)
    try:
        yield
    finally:
        _execute(POSTGRESQL_MEND if postgresql else SQLITE_MEND)
