"""For scrapyd-deploy, which builds the project's egg with ``setup.py bdist_egg``: everything
(packages, package data, the ``scrapy`` settings entry point scrapyd reads) is in pyproject.toml."""
from setuptools import setup

setup()
