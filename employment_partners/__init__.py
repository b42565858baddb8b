__version__ = "0.1.0"  # setup.py and flit read this line without importing the package

# The app's workarounds for Frappe (employment_partners/workarounds.py, which says why here): the
# patches among them are applied whenever the app is loaded.
from employment_partners import workarounds

workarounds.apply()

# Frappe workaround "email-css-parser-noise": the CSS parser under Frappe's email rendering logs
# library noise for each process's first email
from employment_partners.utils import quiet_css_parser

quiet_css_parser()
