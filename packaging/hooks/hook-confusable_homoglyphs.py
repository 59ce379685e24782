# The rules' normaliser reads Unicode's confusables from the package's own data file
# (moderator/rules/normalise.py, with importlib.resources): the bundle must carry it.
from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("confusable_homoglyphs")
