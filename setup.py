# For installers that predate PEP 517/660; pyproject.toml is the source of truth.
import re
from pathlib import Path

from setuptools import find_packages, setup

# read, not imported: importing the package imports Frappe and applies its workarounds
_init = (Path(__file__).parent / "employment_partners" / "__init__.py").read_text()
version = re.search(r'^__version__ = "([^"]+)"', _init, re.MULTILINE).group(1)

setup(
	name="employment_partners",
	version=version,
	description="Employer-partnership CRM for workforce agencies and employment social enterprises",
	author="Employment Partners contributors",
	packages=find_packages(),
	zip_safe=False,
	include_package_data=True,
	install_requires=[],
)
