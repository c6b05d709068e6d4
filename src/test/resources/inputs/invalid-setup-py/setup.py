from setuptools import setup

setup(
    name="broken",
    install_requires=[
        "tensorflow>=2.4",
        "keras>=>2",
        'numpy=1.19',
    ],
    python_requires=">=3.7,<<3.10",
)
