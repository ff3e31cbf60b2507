"""A layout zoo: seeded UK school job descriptions and person specifications with exact ground truth.

Each family (``families/<name>.py``) writes documents in one layout that real schools and councils
use; ``layout`` describes a document's blocks, ``model`` its ground truth, ``render_docx`` and
``render_html`` draw the blocks, ``convert`` turns them into PDFs (LibreOffice, Chromium) and Word-style
text, and ``generate`` is the command line. See README.md.
"""
