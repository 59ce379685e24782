# transformers (5.x) imports `kernels` while it loads a model, and `kernels` reads its
# python_depends.json at import time ("Cannot load dependency data, is `kernels`
# correctly installed?" when the file is missing from the bundle).
from PyInstaller.utils.hooks import collect_data_files, copy_metadata

datas = collect_data_files("kernels") + copy_metadata("kernels")
