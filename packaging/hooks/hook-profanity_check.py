# The quick screen's model files (read with importlib.resources) and the sklearn classes
# its pickles name.
from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("profanity_check")
hiddenimports = ["sklearn.svm", "sklearn.calibration", "sklearn.linear_model", "sklearn.feature_extraction.text",
                 "sklearn.utils._typedefs", "sklearn.utils._heap", "sklearn.utils._sorting", "sklearn.utils._vector_sentinel"]
