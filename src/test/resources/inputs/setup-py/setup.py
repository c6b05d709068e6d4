#!/usr/bin/env python
"""Vision model: a Keras 2 / TensorFlow 2.3 project."""
from setuptools import find_packages, setup

setup(
    name="vision-model",
    version="0.3.0",
    packages=find_packages(),
    python_requires='>=3.6,<3.9',  # TF 2.3 wheels
    install_requires=[
        "tensorflow==2.3.4",
        'keras==2.4.3',  # pinned with TF 2.3
        r"h5py>=2.10,<3",
        "numpy<1.19 ; python_version<'3.7'",
    ],
    extras_require={
        "gpu": ["tensorflow-gpu==2.3.4"],
        'test': ('pytest>=6',),
    },
)
