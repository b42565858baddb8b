"""The employer portal (/partner): who its users are, what they may submit, and the employer pulse.

Who may read what is not decided here but in employment_partners/permissions.py (the employer
rule, written once as a query condition).  These modules build on it:

- users: inviting an employer's person as a portal user of a partnership
- submissions: what an employer's web-form submission must meet and what the portal fills in
- pulse: the one-click "is this person still working with you?" question, its tokens and answers
- pages: what the portal pages show
"""
