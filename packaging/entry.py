"""The frozen app's entry point (PyInstaller runs this as `moderator`).

The same as `python -m moderator`, plus what only an installed bundle needs:
- no `__pycache__` is ever written beside the bundle's files (alembic loads the
  migration scripts from disk; run as root, Python would otherwise write bytecode into
  the install folder and `dpkg -r` could not remove it cleanly);
- bundled model packs are offered to each data folder (see bundled_models.py).
"""

import sys

sys.dont_write_bytecode = True


def main() -> int:
    import multiprocessing

    multiprocessing.freeze_support()  # a no-op unless a library starts worker processes
    import bundled_models

    bundled_models.install_hook()
    from moderator.cli.launch import main as moderator_main

    return moderator_main()


if __name__ == "__main__":
    raise SystemExit(main())
