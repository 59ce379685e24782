# The normaliser reads confusable_homoglyphs' data with importlib.resources and never imports
# the package, so PyInstaller would not see it: name it (its data: hook-confusable_homoglyphs.py).
hiddenimports = ["confusable_homoglyphs"]
