# detoxify reaches model and tokenizer classes with getattr(transformers, name); the
# families it needs are listed in packaging_trim.TRANSFORMERS_FAMILIES (hidden imports).
from PyInstaller.utils.hooks import copy_metadata

datas = copy_metadata("detoxify")
