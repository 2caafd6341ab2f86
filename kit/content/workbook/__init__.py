"""The spreadsheet round trip: ``data/`` ⇄ one Excel workbook that designers edit.

``layout`` says which sheets and columns there are; ``export`` writes the workbook; ``cells``
reads cells (refusing formulas and merged cells); ``read_*`` turn rows into content models;
``checks`` checks across rows; ``plan`` works out which YAML files change and ``merge`` edits
them in place (ruamel.yaml), so untouched files and untouched entries keep every byte.
"""
