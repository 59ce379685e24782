# Alembic reads the migration scripts from disk (moderator.storage.migrate.MIGRATIONS):
# ship env.py, script.py.mako and versions/*.py as files beside the package, and what
# they import (alembic's proxies, the models).
from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("moderator.storage.migrations", include_py_files=True, excludes=["**/__pycache__"])
hiddenimports = ["alembic.context", "alembic.op", "alembic.runtime.environment", "alembic.runtime.migration",
                 "alembic.ddl.sqlite", "alembic.ddl.postgresql", "moderator.storage.models",
                 # the schema parts migrations take from the package (each module's SQL, once)
                 "moderator.storage.articlecounts", "moderator.storage.fulltext", "moderator.storage.pgparts"]
