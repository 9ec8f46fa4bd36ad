"""Marsad (مرصد): turn reports of civilian harm in armed conflict into a verifiable incident database."""

__version__ = "0.1.0"
