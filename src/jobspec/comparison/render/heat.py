"""The colours of a similarity heat map, shared by the terminal and HTML reports.

A sequential single-hue scale (ColorBrewer "Blues", extended to 11 steps, one per
:func:`~jobspec.comparison.report.nway_rows.heat_step`): light to dark, so it reads in grey and to
colour-blind eyes; the number is always printed in the cell as well.
"""

HEAT_COLOURS = ("#f7fbff", "#e3eef9", "#cfe1f2", "#b5d4e9", "#93c3df", "#6daed5", "#4b97c9", "#2f7ebc",
                "#1864aa", "#0a4a90", "#08306b")
HEAT_DARK_FROM = 7  # from this step on the number is printed in white
