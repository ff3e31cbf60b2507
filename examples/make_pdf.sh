#!/bin/sh
# Render the Riverside Academy example .docx to the PDF committed beside it.
#
# The committed PDF is what the project's tests and docs use; this script only records how it was
# made. It needs LibreOffice (Debian: apt-get install -y --no-install-recommends
# libreoffice-writer-nogui fonts-liberation). The PDF was made with LibreOffice 7.4 and the
# Liberation fonts standing in for Arial; other versions or fonts may break lines and pages
# differently.
#
# Run from the project root, after `.venv/bin/python examples/make_examples.py`:
#     sh examples/make_pdf.sh
set -eu

cd "$(dirname "$0")/.."
soffice --headless --convert-to pdf --outdir examples examples/riverside-academy-learning-mentor.docx
