__version__ = "0.1.0"

# Frappe 15 security fixes the app relies on (see frappe_fixes.py); applied whenever the app loads
from employment_partners import frappe_fixes
