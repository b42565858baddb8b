# For installers that predate PEP 517/660; pyproject.toml is the source of truth.
from setuptools import find_packages, setup

from employment_partners import __version__ as version

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
