"""The hostile portal of issue 11: every case a portal page can throw at the crawler, with truth
(``portal``) and a scorer (``score``). ``python -m tests.hostile serve --out DIR`` serves it."""
