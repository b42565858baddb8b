__version__ = "0.1.0"

# Frappe 15 security fixes the app relies on (see frappe_fixes.py); applied whenever the app loads
from employment_partners import frappe_fixes

# the CSS parser under Frappe's email rendering logs library noise for each process's first email
from employment_partners.utils import quiet_css_parser

quiet_css_parser()
