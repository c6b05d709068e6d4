import os
from setuptools import setup

here = os.path.dirname(__file__)
with open(os.path.join(here, "requirements.txt")) as f:
    requirements = f.read().splitlines()

extras = {"gpu": ["tensorflow-gpu"]}
options = dict(zip_safe=False)

setup(
    name="computed",
    python_requires=">=" + "3.7",
    install_requires=requirements,
    extras_require=extras,
    **options
)
