from alembic import context

from kit.migrations import run_in_context

run_in_context(context)
