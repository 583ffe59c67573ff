"""News digest converter: raw page dumps to Markdown articles for MkDocs.

The pipeline, one module (or package) per step:
readers/ (one per input format) -> article.py (the model) -> writer.py and
markdown.py (Markdown with front matter) -> convert.py (files on disk) ->
plugin/ (MkDocs) -> theme_overrides/ (templates).
"""

__version__ = "0.1.0"
