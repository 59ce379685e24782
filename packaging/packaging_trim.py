"""What the frozen bundle leaves out, and why (used by moderator.spec).

Everything here is something the app never loads. packaging/verify-bundle.sh checks the
trimmed bundle: `--self-test`, the demo, the quick screen, a detoxify model of each
family (BERT, RoBERTa, XLM-R, ALBERT) scored through the app, the import helper process.
When a trim breaks something, that script fails; widen the keep lists here.
"""

from __future__ import annotations

import re
from fnmatch import fnmatch
from pathlib import Path

# detoxify's checkpoints are BERT (original), RoBERTa (unbiased), XLM-R (multilingual)
# and ALBERT (the small variants); `auto` holds the mappings transformers consults.
TRANSFORMERS_FAMILIES = ("albert", "auto", "bert", "roberta", "xlm_roberta")

# Modules never imported by the app or by what it loads.
EXCLUDED_MODULES = [
    "tkinter", "_tkinter", "IPython", "matplotlib", "pandas", "PIL", "pytest", "hypothesis",
    "pytestqt", "setuptools", "pip", "PyInstaller",
    # Syntax highlighting: alembic imports mako.exceptions, which imports pygments when it
    # can (for HTML error pages the app never renders) and falls back when it cannot: left
    # out, the window opens about 40 ms sooner (measured in the source tree, 8 starts each).
    "pygments",
    # Qt: the app uses QtCore, QtGui, QtWidgets, QtUiTools (and QtSvg through the icon
    # plugins), QtNetwork's local sockets (one app per data folder: gui/instance.py) and
    # QtOpenGL (pyqtgraph imports it for the Insight window's charts). Never WebEngine; none
    # of the QML / 3D stack.
    "PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets", "PySide6.QtQml", "PySide6.QtQuick",
    "PySide6.QtQuickWidgets", "PySide6.QtPdf", "PySide6.QtMultimedia", "PySide6.QtSql", "PySide6.QtTest", "PySide6.QtDesigner",
    "PySide6.QtHelp", "PySide6.QtPrintSupport", "PySide6.QtDBus", "PySide6.QtXml", "PySide6.QtConcurrent",
    # torch and transformers: compilers, exporters, test support, command-line tools.
    # (torch.onnx and parts of torch.testing._internal and torch._inductor ARE imported
    # when transformers loads a model: they stay.)
    "torch.utils.benchmark", "torch.utils.tensorboard",
    "transformers.cli", "transformers.commands", "transformers.pipelines", "transformers.exporters",
    "transformers.onnx", "transformers.benchmark", "transformers.kernels",
    # profanity_check/sklearn never plot or fetch datasets.
    "sklearn.datasets", "sklearn.externals.array_api_compat.torch", "sklearn.externals.array_api_compat.cupy",
    "sklearn.externals.array_api_compat.dask",
]

_KEEP_FAMILY = "|".join(TRANSFORMERS_FAMILIES)
# Matched against module names (a.pure) and against bundle paths (a.binaries, a.datas).
_MODULE_DROPS = [
    re.compile(rf"transformers\.models\.(?!(?:{_KEEP_FAMILY})(?:\.|$))[^.]+(\..*)?$"),
    re.compile(r"(torch|scipy|sklearn|numpy|sympy|networkx|transformers)(\..*)?\.tests?(\..*)?$"),
]
_PATH_DROPS = [
    # torch's test programs (torch/bin but its shm manager), C++ headers, cmake files and test-only libraries.
    "torch/bin/*", "torch/test/*", "torch/include/*", "torch/share/*",
    "torch/lib/libjitbackend_test.so", "torch/lib/libbackend_with_compiler.so", "torch/lib/libaoti_custom_ops.so",
    "torch/lib/libtorchbind_test.*", "torch/lib/*test*.dll", "torch/lib/*.lib", "torch/utils/benchmark/*",
    # transformers: only the model families detoxify uses (see above).
    "transformers/cli/*", "transformers/commands/*", "transformers/pipelines/*", "transformers/exporters/*",
    "transformers/onnx/*", "transformers/benchmark/*",
    # tests of the scientific stack.
    "*/tests/*", "*/test/*",
    # Qt: translations of Qt's own dialogs (but the languages the app has, _PATH_KEEPS), platform plugins for
    # kiosks and embedded boards, QML tooling, and other plugins of modules not shipped.
    "PySide6/Qt/translations/*", "PySide6/Qt/qml/*", "PySide6/Qt/plugins/qmltooling/*",
    "PySide6/Qt/plugins/qmllint/*", "PySide6/Qt/plugins/designer/*", "PySide6/Qt/plugins/sqldrivers/*",
    "PySide6/Qt/plugins/networkinformation/*", "PySide6/Qt/plugins/tls/*", "PySide6/Qt/plugins/printsupport/*",
    "PySide6/Qt/plugins/egldeviceintegrations/*", "PySide6/Qt/plugins/generic/*",
    # the GTK 3 theme plugin would make GTK 3 a dependency; Qt's built-in GNOME / KDE
    # themes and the XDG portal theme plugin (kept) remain.
    "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
    "PySide6/Qt/plugins/platforms/libqminimalegl.so",
    # Native Wayland: on Wayland desktops the app runs through XWayland with the xcb
    # plugin, the one CI tests; the Wayland plugins would add untested code and the
    # libwayland-* dependencies.
    "PySide6/Qt/plugins/platforms/libqwayland*", "PySide6/Qt/plugins/wayland-*",
    "*libQt6Wayland*", "*libQt6WlShellIntegration*", "*libQt6EglFS*", "*libQt6EglFsKmsSupport*",
    "PySide6/Qt/plugins/platforms/libqeglfs.so", "PySide6/Qt/plugins/platforms/libqlinuxfb.so",
    "PySide6/Qt/plugins/platforms/libqvnc.so", "PySide6/Qt/plugins/platforms/libqvkkhrdisplay.so",
    "PySide6/Qt/lib/libQt6Quick*", "PySide6/Qt/lib/libQt6Qml*", "PySide6/Qt/lib/libQt6Pdf*",
    "PySide6/Qt/lib/libQt6Designer*", "PySide6/Qt/lib/libQt6WebEngine*",
]
# Exceptions to _PATH_DROPS: `import torch` checks that its shared-memory helper exists.
_PATH_KEEPS = ["torch/bin/torch_shm_manager", "torch/bin/torch_shm_manager.exe",
               # Qt's words (standard buttons) in the languages of resources/translations.
               *(f"PySide6/Qt/translations/qtbase_{ts.stem.removeprefix('moderator_')}.qm"
                 for ts in (Path(__file__).resolve().parents[1] / "resources" / "translations").glob("*.ts"))]
_TRANSFORMERS_PATH = re.compile(rf"transformers/models/(?!(?:{_KEEP_FAMILY})/)[^/]+/")
_FAMILY_FILE = re.compile(rf"transformers/models/(?:{_KEEP_FAMILY})/")


def dropped(name: str, typecode: str) -> bool:
    if typecode in ("PYMODULE", "PYSOURCE") and "/" not in name and "\\" not in name:
        return any(p.match(name) for p in _MODULE_DROPS)
    path = name.replace("\\", "/")
    if path in _PATH_KEEPS:
        return False
    if _TRANSFORMERS_PATH.match(path) and not _FAMILY_FILE.match(path):
        return True
    return any(fnmatch(path, pattern) for pattern in _PATH_DROPS)


def filter_toc(toc):
    """Keep the entries of a PyInstaller TOC (dest, source, typecode) the app needs."""
    return [entry for entry in toc if not dropped(entry[0], entry[2])]


# GPU runtimes the build host may have (a CUDA toolkit in the linker path is enough for
# PyInstaller to pick one up through a ctypes reference in torch): never shipped.
GPU_LIBRARY = re.compile(r"(^|[/\\])(lib)?(cuda|cudart|cublas|cudnn|cufft|curand|cusolver|cusparse|nccl|nvrtc|"
                         r"nvtoolsext|nvjitlink|nvjpeg|cupti|amdhip|hiprtc|rocm|roc[a-z]+|miopen|hsa-runtime)[^/\\]*"
                         r"\.(so|dll|dylib)", re.IGNORECASE)


def gpu_libraries(toc) -> list[str]:
    return [entry[0] for entry in toc if GPU_LIBRARY.search(entry[0]) or GPU_LIBRARY.search(str(entry[1]))]


def drop_gpu_libraries(toc):
    return [entry for entry in toc if not (GPU_LIBRARY.search(entry[0]) or GPU_LIBRARY.search(str(entry[1])))]


def drop_debian_system_libraries(toc):
    """On Debian, leave out the shared libraries a Debian package provides (libc, X11,
    xcb, fontconfig, glib, OpenSSL...): the .deb depends on those packages instead
    (dpkg-shlibdeps computes the list from the bundle), as Debian policy wants, and
    they get the distribution's security updates. Everything from the virtual
    environment and the Python installation stays in the bundle.
    MODERATOR_KEEP_SYSTEM_LIBS=1 keeps them (a bundle for a non-Debian system)."""
    import os
    import shutil
    import subprocess
    import sys

    if not sys.platform.startswith("linux") or os.environ.get("MODERATOR_KEEP_SYSTEM_LIBS") == "1":
        return toc
    if shutil.which("dpkg-query") is None:
        return toc
    candidates = {str(entry[1]) for entry in toc if str(entry[1]).startswith(("/lib/", "/lib64/", "/usr/lib/", "/usr/lib64/"))}
    queries = set()
    for path in candidates:  # usrmerge: dpkg may know a file under /lib or under /usr/lib
        real = os.path.realpath(path)
        queries |= {path, real, real.removeprefix("/usr"), "/usr" + path if not path.startswith("/usr/") else path}
    if not queries:
        return toc
    result = subprocess.run(["dpkg-query", "-S", *sorted(queries)], capture_output=True, text=True)
    owned = {line.split(": ", 1)[1].strip() for line in result.stdout.splitlines() if ": " in line}

    def is_owned(path: str) -> bool:
        real = os.path.realpath(path)
        return bool({path, real, real.removeprefix("/usr"), "/usr" + path} & owned)

    return [entry for entry in toc if str(entry[1]) not in candidates or not is_owned(str(entry[1]))]


def transformers_hiddenimports() -> list[str]:
    """The kept families' modules: detoxify reaches them through getattr(transformers, name)."""
    from PyInstaller.utils.hooks import collect_submodules

    modules = []
    for family in TRANSFORMERS_FAMILIES:
        modules += collect_submodules(f"transformers.models.{family}",
                                      filter=lambda name: ".modular_" not in name)
    return modules


def app_version(root: Path) -> str:
    text = (root / "moderator" / "__init__.py").read_text(encoding="utf-8")
    return re.search(r'__version__ = "([^"]+)"', text).group(1)


def _load_segments_aligned(path: Path) -> bool:
    """What glibc checks before it maps a library: page-aligned LOAD segments whose
    address and file offset agree modulo the alignment."""
    import subprocess

    listing = subprocess.run(["readelf", "-lW", str(path)], capture_output=True, text=True)
    if listing.returncode != 0:
        return False
    for line in listing.stdout.splitlines():
        fields = line.split()
        if fields[:1] == ["LOAD"]:
            offset, vaddr, align = int(fields[1], 16), int(fields[2], 16), int(fields[-1], 16)
            if align > 1 and (align % 4096 or (vaddr - offset) % align):
                return False
    return True


def strip_symbols(toc, folder: Path):
    """Linux: point the TOC's shared libraries at copies without symbol tables (the
    dynamic symbols they link by stay): libtorch_cpu alone loses 89 MB.

    PyInstaller's own strip option is not used: libraries that auditwheel rewrote with
    patchelf (numpy's and scipy's OpenBLAS) come out of `strip` unloadable ("ELF load
    command address/offset not page-aligned"). Here each stripped copy is checked the
    way the dynamic loader checks it, and the original is kept when the copy fails."""
    import shutil
    import subprocess
    import sys

    if not sys.platform.startswith("linux") or not (shutil.which("strip") and shutil.which("readelf")):
        return toc
    result, kept = [], []
    for dest, source, typecode in toc:
        if typecode in ("BINARY", "EXTENSION") and Path(source).is_file() and _is_elf(Path(source)):
            target = folder / dest
            if not target.exists() or target.stat().st_mtime < Path(source).stat().st_mtime:
                target.parent.mkdir(parents=True, exist_ok=True)
                done = subprocess.run(["strip", "--strip-unneeded", "-o", str(target), source], capture_output=True)
                if done.returncode != 0 or not _load_segments_aligned(target):
                    shutil.copy2(source, target)  # keep it as it was
                    kept.append(dest)
            source = str(target)
        result.append((dest, source, typecode))
    if kept:
        print(f"strip_symbols: kept unstripped (stripping would break them): {', '.join(kept)}")
    return result


def _is_elf(path: Path) -> bool:
    with path.open("rb") as stream:
        return stream.read(4) == b"\x7fELF"
