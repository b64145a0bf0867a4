"""Reading: a file → a :class:`~pipeline.model.Document` of pages, words with boxes and one
text. The text layer (:mod:`.textlayer`) or Tesseract (:mod:`.ocr`, with image preparation
in :mod:`.imageprep`, a second reading of doubtful words in :mod:`.reread` and a cache in
:mod:`.ocr_cache`), decided per page by :mod:`.load`; lines rebuilt from word positions
(:mod:`.layout`); running heads and footers (:mod:`.furniture`); tables from word
positions or rules (:mod:`.tables`)."""
