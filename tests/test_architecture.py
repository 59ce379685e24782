"""The layering, read from the imports of every module: the core (everything outside
moderator/gui) never imports Qt nor the GUI, and each part of the package imports only the
parts below it. The command line runs without loading Qt."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "moderator"
QT_MODULES = ("PySide6", "shiboken6", "PyQt5", "PyQt6")

# What each part of the package may import besides itself and the top package (which holds
# only the app's name and version). A part is a sub-package or a top-level module; an entry
# may name one module of a part.
CORE_BELOW_CLI = {"i18n", "errors", "vocabulary", "config", "filemodes", "niceness", "settings", "inifile", "changes", "storage",
                  "moderation", "reading", "scoring", "formats", "importing", "connectors",
                  "insight", "rules"}
MAY_IMPORT = {
    "moderator": set(),
    "i18n": set(),  # the core's sentences' translation hook: below everything, imports nothing
    "errors": {"i18n"},
    "filemodes": set(),
    "niceness": set(),  # background work below the window's priority: threads, child processes
    "vocabulary": {"i18n", "errors"},
    "config": {"filemodes"},
    "settings": {"i18n", "errors", "vocabulary"},
    "inifile": {"settings"},  # the settings file read without Qt, for the command line
    "storage": {"i18n", "errors", "vocabulary", "filemodes", "niceness"},  # niceness: an import's checkpoint thread
    "changes": {"vocabulary", "reading.rows"},  # the frozen rows a change carries, which import nothing of ours
    "moderation": {"i18n", "errors", "storage", "vocabulary", "changes"},
    "scoring": {"i18n", "errors", "storage", "vocabulary", "settings", "niceness",  # settings: the priority thresholds' defaults
                "rules"},  # a model also reads the comment with its disguises undone (rules.normalise);
    # rules run in the scorer's write transaction (rules.apply)
    # issue 14: word lists, patterns and the normaliser (text side), evaluation and its decisions (engine side)
    "rules": {"i18n", "errors", "storage", "vocabulary", "filemodes", "changes", "moderation"},
    "reading": {"i18n", "errors", "storage", "vocabulary", "changes", "scoring.priority", "formats.csvsafe"},
    "formats": {"i18n", "errors", "storage", "vocabulary", "filemodes"},
    # a decisions file's features and commenters' standings are applied as moderation.marks does them
    "importing": {"i18n", "config", "errors", "formats", "storage", "vocabulary", "rules", "moderation", "changes",
                  "niceness"},
    # the sites' own comment systems: pulls go through the import pipeline, pushes come from the outbox
    "connectors": {"i18n", "errors", "vocabulary", "filemodes", "storage", "formats", "importing", "moderation", "changes"},
    # what the team decided against what the model scored; scoring.explain is the scoring process's own
    "insight": {"i18n", "errors", "storage", "vocabulary", "scoring", "formats.csvsafe"},
    "cli": CORE_BELOW_CLI,
    "__main__": {"cli"},
    "gui": CORE_BELOW_CLI,  # the window and the command line are two front ends on the same core
}
# Imported inside a function only, so that the command line never loads Qt unless it opens a window.
MAY_IMPORT_LAZILY = {"cli": {"gui.app", "gui.selftest"}}
# The main window wires the GUI's parts together; only what starts the app builds it.
BUILDS_THE_WINDOW = {"moderator.gui.mainwindow", "moderator.gui.app", "moderator.gui.selftest",
                     "moderator.gui.windowstate"}  # windowstate: the window's layout, saved and restored


@dataclass(frozen=True)
class Import:
    source: str  # the importing module, e.g. moderator.reading.queue
    target: str  # the module imported, e.g. moderator.scoring.priority
    lazy: bool  # inside a function

    def where(self) -> str:
        return f"{self.source} imports {self.target}" + (" (inside a function)" if self.lazy else "")


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def is_our_module(name: str) -> bool:
    relative = Path(*name.split("."))
    return (PACKAGE.parent / relative).with_suffix(".py").is_file() or (PACKAGE.parent / relative / "__init__.py").is_file()


def imported(node: ast.Import | ast.ImportFrom, source: str, is_package: bool) -> list[str]:
    """The modules an import statement loads: `from a import b` is a.b when b is a module of ours."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    base = node.module or ""
    if node.level:  # relative: from the importing module's package
        package = source.split(".") if is_package else source.split(".")[:-1]
        base = ".".join(package[:len(package) - node.level + 1] + ([base] if base else []))
    names = [f"{base}.{alias.name}" for alias in node.names if is_our_module(f"{base}.{alias.name}")]
    return names or [base]


def imports_of(path: Path) -> list[Import]:
    source, tree = module_name(path), ast.parse(path.read_text(encoding="utf-8"))
    found: list[Import] = []

    def visit(node: ast.AST, lazy: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.Import, ast.ImportFrom)):
                found.extend(Import(source, target, lazy) for target in imported(child, source, path.name == "__init__.py"))
            visit(child, lazy or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)))

    visit(tree, False)
    return found


EVERY_IMPORT = [found for path in sorted(PACKAGE.rglob("*.py")) for found in imports_of(path)]


def part(module: str) -> str:
    """moderator.storage.models -> storage; moderator.changes -> changes; moderator -> moderator."""
    names = module.split(".")
    return names[1] if len(names) > 1 else names[0]


def in_core(module: str) -> bool:
    return part(module) != "gui"


def allows(entries: set[str], target: str) -> bool:
    """Whether `target` is one of our modules that these entries (parts, or modules of a part) name."""
    inside = target.removeprefix("moderator.")
    return inside != target and any(inside == entry or inside.startswith(entry + ".") for entry in entries)


def test_every_part_of_the_package_has_its_rules():
    parts = {part(module_name(path)) for path in PACKAGE.rglob("*.py")}
    assert parts - set(MAY_IMPORT) == set(), "a new part of the package: say in MAY_IMPORT what it may import"
    assert len(EVERY_IMPORT) > 300


def test_no_core_module_imports_qt():
    offenders = [i.where() for i in EVERY_IMPORT if in_core(i.source) and i.target.split(".")[0] in QT_MODULES]
    assert offenders == [], "the core never imports Qt:\n" + "\n".join(offenders)


def test_the_core_imports_the_gui_only_to_open_it_from_the_command_line():
    offenders = [i.where() for i in EVERY_IMPORT if in_core(i.source) and allows({"gui"}, i.target)
                 and not (i.lazy and allows(MAY_IMPORT_LAZILY.get(part(i.source), set()), i.target))]
    assert offenders == [], "the core never imports moderator.gui (the command line only inside a function, to open it):\n" + \
        "\n".join(offenders)


def test_each_part_imports_only_the_parts_below_it():
    offenders = []
    for i in EVERY_IMPORT:
        source, target = part(i.source), part(i.target)
        if not i.target.startswith("moderator") or target in (source, "moderator"):
            continue
        lazily = MAY_IMPORT_LAZILY.get(source, set()) if i.lazy else set()
        if not allows(MAY_IMPORT[source] | lazily, i.target):
            may = ", ".join(sorted(MAY_IMPORT[source])) or "nothing of ours"
            offenders.append(f"{i.where()}: {source} may import only {may}")
    assert offenders == [], "\n".join(offenders)


def test_only_what_starts_the_app_imports_the_main_window():
    offenders = [i.where() for i in EVERY_IMPORT if i.source not in BUILDS_THE_WINDOW and i.target in BUILDS_THE_WINDOW
                 and not (part(i.source) == "cli" and i.lazy)]
    assert offenders == [], "the GUI's parts never import the main window or the app that builds it:\n" + "\n".join(offenders)


CLI_PROBE = """
import contextlib, io, json, sys
from moderator.cli.commands import main
home, said = sys.argv[1], io.StringIO()
with contextlib.redirect_stdout(said):
    try:
        main(["--help"])
    except SystemExit as end:
        assert end.code == 0, end.code
    assert main(["--home", home, "demo"]) == 0
    assert main(["--home", home, "queue", "--limit", "3"]) == 0
assert said.getvalue().startswith("usage: moderator"), said.getvalue()
print(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] in QT or m.startswith("moderator.gui"))))
"""


def test_the_command_line_runs_without_loading_qt(tmp_path):
    """--help, then commands that read and write a database: no Qt, no moderator.gui loaded."""
    probe = CLI_PROBE.replace("QT", repr(QT_MODULES))
    result = subprocess.run([sys.executable, "-c", probe, str(tmp_path / "home")], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    loaded = json.loads(result.stdout)
    assert loaded == [], f"the command line loaded {', '.join(loaded)}"
